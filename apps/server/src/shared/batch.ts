import DataLoader from 'dataloader';

/**
 * Group commit for hot statements: calls made while the event loop is busy with one round of I/O are gathered and
 * sent as ONE statement when that round is over (`setImmediate`, i.e. after the poll phase that delivered the
 * requests), instead of one statement each. Under light load a batch holds one call and costs nothing extra
 * (the statement goes out in the same loop turn); under a surge the batches grow with the load, so the database
 * sees tens of rows per round trip and commit.
 *
 * Built on `dataloader` with its cache switched off: every call is answered by its own batch's fresh result, so
 * nothing is served from memory (a revoked session or a new check-in is seen by the very next call). `load` must
 * return one value (or Error) per key, in the keys' order; a thrown error fails every call of that batch.
 */
export function batched<K, V>(
  load: (keys: readonly K[]) => Promise<readonly (V | Error)[]>,
  options: { maxBatchSize?: number } = {},
): (key: K) => Promise<V> {
  const loader = new DataLoader<K, V>(load, {
    cache: false,
    maxBatchSize: options.maxBatchSize ?? 500,
    batchScheduleFn: (run) => setImmediate(run),
  });
  return (key) => loader.load(key);
}
