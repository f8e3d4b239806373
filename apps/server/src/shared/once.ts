/**
 * `load` run once and its result kept (a failed load is tried again on the next call); `given` short-cuts it.
 * Used for keys read from the database on first use (app_secrets).
 */
export function once<T>(load: () => Promise<T>, given?: T): () => Promise<T> {
  let value: Promise<T> | undefined = given !== undefined ? Promise.resolve(given) : undefined;
  return () => {
    value ??= load().catch((e) => {
      value = undefined;
      throw e;
    });
    return value;
  };
}
