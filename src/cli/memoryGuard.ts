import { readdirSync, rmSync } from "fs";
import { basename, dirname, join, resolve } from "path";
import { getHeapStatistics } from "v8";
import { Worker } from "worker_threads";
import { parseArgs } from "./args";
import { EXIT_NOTHING } from "./options";

/**
 * Runs the command line in a worker thread whose heap may grow as large as this process's could.
 * V8 ends a process that runs out of heap with a crash and a stack dump; a worker that runs out
 * only ends itself, so a workbook too large for the machine gets one Swedish line and exit 2
 * (CONTRACT.md), whatever phase ran out, and the temporary files it was writing are removed.
 */
export async function mainInWorker(argv: string[]): Promise<number> {
  const heapMiB = Math.floor(getHeapStatistics().heap_size_limit / 1024 ** 2);
  const worker = new Worker(join(__dirname, "worker.js"), {
    workerData: { argv, tty: process.stderr.isTTY === true },
    // The young generation comes out of the same limit in V8's own sizing; the old one gets the rest.
    resourceLimits: { maxOldGenerationSizeMb: Math.max(16, heapMiB - 32) },
  });
  return new Promise((done) => {
    let code = EXIT_NOTHING;
    let outOfMemory = false;
    const written: string[] = [];
    worker.on("message", (m: { code?: number; wrote?: string }) => {
      if (typeof m.code === "number") code = m.code;
      if (typeof m.wrote === "string") written.push(m.wrote);
    });
    worker.on("error", (e: NodeJS.ErrnoException) => {
      code = EXIT_NOTHING;
      if (e.code === "ERR_WORKER_OUT_OF_MEMORY") outOfMemory = true;
      else process.stderr.write(`foljsam: oväntat fel: ${String(e.message).split("\n")[0]} (kör med FOLJSAM_DEBUG=1 för detaljer)\n`);
    });
    worker.on("exit", () => {
      if (outOfMemory) {
        removeTemporaryFiles(argv);
        // A run that did not finish leaves no output: the workbook it wrote before the JSON report goes too.
        for (const path of written) rmSync(path, { force: true });
        process.stderr.write(`foljsam: ${tooLarge(argv, heapMiB)}\n`);
      }
      done(code);
    });
  });
}

function tooLarge(argv: string[], heapMiB: number): string {
  let files = "Arbetsboken";
  try {
    const inputs = parseArgs(argv).positional;
    if (inputs.length === 1) files = basename(inputs[0]);
    else if (inputs.length > 1) files = "Arbetsböckerna";
  } catch {
    // The arguments were read once already; here they only name the file.
  }
  const verb = files === "Arbetsböckerna" ? "är för stora" : "är för stor";
  return `${files} ${verb} för minnet Node får använda här (${heapMiB} MiB); dela upp ${files === "Arbetsböckerna" ? "dem" : "den"} eller ge Node mer minne, till exempel med NODE_OPTIONS=--max-old-space-size=8192.`;
}

/** The writers' temporary files carry this process's id (the worker shares it): none may be left behind. */
function removeTemporaryFiles(argv: string[]): void {
  const folders = new Set<string>([process.cwd()]);
  try {
    const opts = parseArgs(argv);
    for (const p of [opts.output, opts.json, ...opts.positional]) if (p && p !== "-") folders.add(dirname(resolve(p)));
  } catch {
    // Nothing more to look in.
  }
  const mark = `.${process.pid}.`;
  for (const folder of folders) {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of names) if (name.includes(mark) && name.endsWith(".tmp")) rmSync(join(folder, name), { force: true });
  }
}
