#!/usr/bin/env node
"use strict";
// The compiled command line lives in lib/ (built by `npm run build:cli`, run by `prepare` after `npm ci`).
let main;
try {
  main = require("../lib/cli/main.js").main;
} catch (e) {
  process.stderr.write("foljsam: kommandoraden är inte byggd. Kör `npm ci` eller `npm run build:cli` först.\n");
  process.exit(2);
}
main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
