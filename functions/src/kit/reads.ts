import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Counts document reads the way Firestore bills them: one per document fetched by id (found or
 * not), one per document a query returns and at least one per query. Both forms of every store
 * count through this, so a test can assert what a request costs on the twin and on the adapter.
 * `measure` counts one request's reads even while others run (AsyncLocalStorage follows its
 * awaits), which is what the router reports to the local stack (api/router.ts).
 */
export class ReadCounter {
  #total = 0;
  readonly #scope = new AsyncLocalStorage<{ reads: number }>();

  add(reads: number): void {
    this.#total += reads;
    const scope = this.#scope.getStore();
    if (scope) scope.reads += reads;
  }

  /** Billed reads of a query that returned `docs` documents. */
  addQuery(docs: number): void {
    this.add(Math.max(1, docs));
  }

  get total(): number {
    return this.#total;
  }

  async measure<T>(fn: () => Promise<T>): Promise<{ result: T; reads: number }> {
    const scope = { reads: 0 };
    const result = await this.#scope.run(scope, fn);
    return { result, reads: scope.reads };
  }
}
