#!/usr/bin/env node
"use strict";
// The compiled command line lives in lib/ (built by `npm run build:cli`, run by `prepare` after `npm ci`).
let main;
try {
  // In a worker thread, so that running out of memory is one Swedish line (lib/cli/memoryGuard.js).
  main = require("../lib/cli/memoryGuard.js").mainInWorker;
} catch (e) {
  process.stderr.write("foljsam: kommandoraden är inte byggd. Kör `npm ci` eller `npm run build:cli` först.\n");
  process.exit(2);
}
main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
