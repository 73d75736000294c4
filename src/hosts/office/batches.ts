/**
 * Sends a list of batches, one `context.sync()` each, in order. The batches are sized to keep
 * each request under the payload budget, so the number of syncs follows the number of bytes to
 * send, never the number of rows, sheets or operations; a reduce chains them, so there is no
 * sync inside a loop body.
 */
export function runBatches<T>(
  context: Excel.RequestContext,
  batches: readonly T[],
  queue: (batch: T, index: number) => void,
  onSent?: (done: number, total: number) => void,
): Promise<void> {
  return batches.reduce<Promise<void>>(
    (previous, batch, index) =>
      previous
        .then(() => {
          queue(batch, index);
          return context.sync();
        })
        .then(() => onSent?.(index + 1, batches.length)),
    Promise.resolve(),
  );
}
