import { parentPort, workerData } from "worker_threads";
import { main } from "./main";

/** The command line inside mainInWorker's thread (memoryGuard.ts). */
const data = workerData as { argv: string[]; tty: boolean };
// The progress line is drawn only on a terminal; the worker's standard error forwards to the process's.
if (data.tty) (process.stderr as { isTTY?: boolean }).isTTY = true;
main(data.argv).then((code) => parentPort?.postMessage({ code }));
