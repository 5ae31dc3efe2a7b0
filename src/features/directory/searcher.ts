import { decodeChunkRow, mergeDirectory } from '../../db/directory-read';
import type { AppDb } from '../../db/schema';
import type { MatchReason } from '../../domain/search/explain';
import { readAnswer } from './answer-channel';
import {
  directoryFingerprint,
  type ChannelMessage,
  type ExplainResponse,
  type SearchAnswer,
  type SearchRequest,
  type SearchResponse,
} from './search-protocol';

/** Finds people by a query; answers are positions in the merged directory, best first. */
export interface Searcher {
  /** The directory on the device changed. */
  reload(): void;
  /** Null when a later query overtook this one before it was searched. */
  query(query: string): Promise<SearchAnswer | null>;
  /** Why each of these people matches the query when their card does not show it (explainMatch). */
  explain(query: string, ids: readonly string[]): Promise<(MatchReason | null)[]>;
  /**
   * Waits up to `ms` for the answer to the query last asked, and settles its promise now if it came
   * (answer-channel.ts): called in a keystroke's task, its results then render before that task's
   * frame. Does nothing where answers can only come as messages.
   */
  settle(ms: number): void;
  dispose(): void;
}

/** In a worker when the browser has them (always, in the browsers we support). */
export function createSearcher(db: AppDb): Searcher {
  return latestOnce(typeof Worker === 'undefined' ? inThreadSearcher(db) : workerSearcher());
}

/**
 * Asking again for the query last asked shares its answer, until a reload: the screen asks for a
 * key's text at `beforeinput` (so the worker searches while the browser inserts it), at `input`,
 * and again when the render's effect runs, and that must not search three times.
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
    explain: (query, ids) => searcher.explain(query, ids),
    settle: (ms) => searcher.settle(ms),
    dispose: () => searcher.dispose(),
  };
}

function workerSearcher(): Searcher {
  const worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' });
  let seq = 0;
  /** The seq of the query last asked. */
  let lastQuery = 0;
  let channel: ChannelMessage | null = null;
  const waiting = new Map<number, (response: SearchResponse | ExplainResponse) => void>();
  worker.onmessage = (e: MessageEvent<SearchResponse | ExplainResponse | ChannelMessage>) => {
    const message = e.data;
    if ('type' in message) {
      channel = message;
      return;
    }
    // Already settled from the channel: its message has no one waiting.
    waiting.get(message.seq)?.(message);
    waiting.delete(message.seq);
  };
  const post = (m: SearchRequest) => worker.postMessage(m);
  const ask = (request: (seq: number) => SearchRequest) =>
    new Promise<SearchResponse | ExplainResponse>((resolve) => {
      const mySeq = ++seq;
      waiting.set(mySeq, resolve);
      post(request(mySeq));
    });
  return {
    reload: () => post({ type: 'reload' }),
    async query(query) {
      const response = await ask((s) => ({ type: 'query', seq: (lastQuery = s), query }));
      return 'positions' in response && !response.stale ? response : null;
    },
    async explain(query, ids) {
      const response = await ask((s) => ({ type: 'explain', seq: s, query, ids }));
      return 'reasons' in response ? response.reasons : ids.map(() => null);
    },
    settle(ms) {
      const resolve = waiting.get(lastQuery);
      if (!channel || !resolve) return;
      const positions = readAnswer(channel.buffer, lastQuery, ms);
      if (positions === null) return;
      waiting.delete(lastQuery);
      resolve({ seq: lastQuery, positions, fingerprint: channel.fingerprint });
    },
    dispose: () => worker.terminate(),
  };
}

/**
 * The same search on the main thread, for environments without workers (jsdom in component
 * tests). Loaded on demand so it never weighs on the entry bundle.
 */
interface InThread {
  search(query: string): SearchAnswer;
  explain(query: string, ids: readonly string[]): (MatchReason | null)[];
}

function inThreadSearcher(db: AppDb): Searcher {
  let index: Promise<InThread> | null = null;
  const load = () =>
    (index ??= Promise.all([import('../../domain/search'), import('../../domain/search/explain')]).then(
      async ([{ buildSearchIndex, searchPositions }, { explainById }]) => {
        const [chunks, overlay, units] = await Promise.all([
          db.directoryChunks.toArray(),
          db.directoryOverlay.toArray(),
          db.units.toArray(),
        ]);
        const records = mergeDirectory(chunks.map(decodeChunkRow), overlay);
        const unitMap = new Map(units.map((u) => [u.id, u]));
        const entries = buildSearchIndex(records, unitMap);
        return {
          search: (query: string) => ({
            positions: searchPositions(entries, query),
            fingerprint: directoryFingerprint(records),
          }),
          explain: explainById(records, unitMap),
        };
      },
    ));
  return {
    reload: () => {
      index = null;
    },
    query: async (query) => (await load()).search(query),
    explain: async (query, ids) => (await load()).explain(query, ids),
    settle: () => undefined,
    dispose: () => undefined,
  };
}
