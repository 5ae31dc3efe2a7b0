import type { DirectoryRecord } from '../staff';

/**
 * The records at positions[from] up to positions[to]: how a search answer (positions, best first)
 * becomes people. Its own module, with nothing else of the search: the directory screen's entry
 * chunk uses it, and the search itself loads only in the worker.
 */
export function recordsAt(
  records: readonly DirectoryRecord[],
  positions: Int32Array,
  from = 0,
  to = positions.length,
): DirectoryRecord[] {
  const out: DirectoryRecord[] = [];
  const end = Math.min(to, positions.length);
  // An indexed loop: for-of over a typed array measured several times slower here.
  for (let i = Math.max(0, from); i < end; i++) {
    const r = records[positions[i] ?? -1];
    if (r) out.push(r);
  }
  return out;
}
