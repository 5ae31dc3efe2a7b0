import { recordsAt } from '../../domain/search/positions';
import type { MatchReason } from '../../domain/search/explain';
import type { DirectoryRecord } from '../../domain/staff';

export type SearchRequest =
  | { type: 'reload' }
  | { type: 'query'; seq: number; query: string }
  | { type: 'explain'; seq: number; query: string; ids: readonly string[] };

/**
 * Matches as positions in the merged directory, best first: an Int32Array moves between threads
 * without a copy, where 40,000 id strings would be cloned on every keystroke. The fingerprint
 * says which directory the positions belong to.
 */
export interface SearchAnswer {
  positions: Int32Array;
  fingerprint: string;
}

export interface SearchResponse extends SearchAnswer {
  seq: number;
  /** A later query came before this one was searched: it was skipped, and has no answer. */
  stale?: boolean;
}

/**
 * From the worker once it has built an index, when the page is cross-origin isolated: where it
 * also writes its answers (answer-channel.ts), and which directory they are about.
 */
export interface ChannelMessage {
  type: 'channel';
  buffer: SharedArrayBuffer;
  fingerprint: string;
}

/** Why each of the people asked about matches (explainMatch), in the order they were asked. */
export interface ExplainResponse {
  seq: number;
  reasons: (MatchReason | null)[];
}

const fingerprints = new WeakMap<readonly DirectoryRecord[], string>();

/**
 * Which directory an answer's positions index into: the count and a hash of every id in order.
 * The ends alone let an answer from before a sync that removed one person and added another (same
 * count, same first and last) through, and every position between them then showed a neighbour.
 * Kept per array, so it is hashed once per version of the directory, not on every answer.
 */
export function directoryFingerprint(records: readonly DirectoryRecord[]): string {
  let known = fingerprints.get(records);
  if (known === undefined) {
    // FNV-1a over the ids and a separator after each, so ["ab","c"] and ["a","bc"] differ.
    let hash = 0x811c9dc5;
    for (const { id } of records) {
      for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
      hash = Math.imul(hash ^ 0x1f, 0x01000193);
    }
    known = `${records.length}:${(hash >>> 0).toString(36)}`;
    fingerprints.set(records, known);
  }
  return known;
}

/**
 * People to show, read by position: an array is one, and so is a search answer, which makes records
 * only of the window a list renders. Turning a one-letter query's 40,000 positions into an array
 * of records on every answer cost a loop and as much garbage, for the 20 cards on screen.
 */
export interface People {
  readonly length: number;
  slice(start?: number, end?: number): DirectoryRecord[];
}

export function peopleAt(records: readonly DirectoryRecord[], positions: Int32Array): People {
  return { length: positions.length, slice: (start, end) => recordsAt(records, positions, start, end) };
}
