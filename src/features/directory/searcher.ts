import { decodeChunkRow, mergeDirectory } from '../../db/directory-store';
import type { AppDb } from '../../db/schema';
import { directoryFingerprint, type SearchAnswer, type SearchRequest, type SearchResponse } from './search-protocol';

/** Finds people by a query; answers are positions in the merged directory, best first. */
export interface Searcher {
  /** The directory on the device changed. */
  reload(): void;
  /** Null when a later query overtook this one before it was searched. */
  query(query: string): Promise<SearchAnswer | null>;
  dispose(): void;
}

/** In a worker when the browser has them (always, in the browsers we support). */
export function createSearcher(db: AppDb): Searcher {
  return latestOnce(typeof Worker === 'undefined' ? inThreadSearcher(db) : workerSearcher());
}

/**
 * Asking again for the query last asked shares its answer, until a reload: the screen asks as a
 * key is typed (so the worker searches while the page renders the keystroke) and again when the
 * render's effect runs, and that must not search twice.
 */
export function latestOnce(searcher: Searcher): Searcher {
  let last: { query: string; answer: Promise<SearchAnswer | null> } | null = null;
  return {
    reload() {
      last = null;
      searcher.reload();
    },
    query(query) {
      if (last?.query === query) return last.answer;
      const answer = searcher.query(query);
      last = { query, answer };
      return answer;
    },
    dispose: () => searcher.dispose(),
  };
}

function workerSearcher(): Searcher {
  const worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' });
  let seq = 0;
  const waiting = new Map<number, (answer: SearchAnswer | null) => void>();
  worker.onmessage = (e: MessageEvent<SearchResponse>) => {
    waiting.get(e.data.seq)?.(e.data.stale ? null : e.data);
    waiting.delete(e.data.seq);
  };
  const post = (m: SearchRequest) => worker.postMessage(m);
  return {
    reload: () => post({ type: 'reload' }),
    query(query) {
      const mySeq = ++seq;
      return new Promise((resolve) => {
        waiting.set(mySeq, resolve);
        post({ type: 'query', seq: mySeq, query });
      });
    },
    dispose: () => worker.terminate(),
  };
}

/**
 * The same search on the main thread, for environments without workers (jsdom in component
 * tests). Loaded on demand so it never weighs on the entry bundle.
 */
function inThreadSearcher(db: AppDb): Searcher {
  let index: Promise<(query: string) => SearchAnswer> | null = null;
  const load = () =>
    (index ??= import('../../domain/search').then(async ({ buildSearchIndex, searchPositions }) => {
      const [chunks, overlay, units] = await Promise.all([
        db.directoryChunks.toArray(),
        db.directoryOverlay.toArray(),
        db.units.toArray(),
      ]);
      const records = mergeDirectory(chunks.map(decodeChunkRow), overlay);
      const entries = buildSearchIndex(records, new Map(units.map((u) => [u.id, u])));
      return (query: string) => ({
        positions: searchPositions(entries, query),
        fingerprint: directoryFingerprint(records),
      });
    }));
  return {
    reload: () => {
      index = null;
    },
    query: async (query) => (await load())(query),
    dispose: () => undefined,
  };
}
