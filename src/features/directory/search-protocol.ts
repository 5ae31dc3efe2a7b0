import type { DirectoryRecord } from '../../domain/staff';

export type SearchRequest = { type: 'reload' } | { type: 'query'; seq: number; query: string };

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

export function directoryFingerprint(records: readonly DirectoryRecord[]): string {
  return `${records.length}:${records[0]?.id ?? ''}:${records.at(-1)?.id ?? ''}`;
}

/** Runs the search and turns the matched records into positions. */
export function answer(
  records: readonly DirectoryRecord[],
  positionOf: ReadonlyMap<DirectoryRecord, number>,
  matches: readonly DirectoryRecord[],
): SearchAnswer {
  const positions = new Int32Array(matches.length);
  matches.forEach((r, i) => (positions[i] = positionOf.get(r) ?? -1));
  return { positions, fingerprint: directoryFingerprint(records) };
}
