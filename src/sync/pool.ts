/**
 * Maps `items` through `fn` with at most `limit` calls in flight, keeping the input order in the result.
 * On the first failure it starts nothing new and rejects with that error; calls already in flight finish
 * unobserved (their results are dropped), which is what a half-downloaded snapshot needs: no partial result.
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const index = next++;
      // `index < items.length` was checked above and items is read-only, so the element exists.
      const item = items[index] as T;
      try {
        results[index] = await fn(item, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
  await Promise.all(workers);
  return results;
}
