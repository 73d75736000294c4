/**
 * A problem that stops the run (exit code 2): unreadable file, missing required sheet or
 * column, bad arguments. The message is one Swedish line naming the file, sheet and column.
 */
export class FoljsamError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FoljsamError";
  }
}
