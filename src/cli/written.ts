import { isMainThread, parentPort } from "worker_threads";

/**
 * Tells the memory guard (memoryGuard.ts) of a file this run has made: should the run then end for
 * want of memory, the guard removes it, so that an unfinished run leaves no output behind.
 */
export function noteWritten(path: string): void {
  if (!isMainThread) parentPort?.postMessage({ wrote: path });
}
