import { useEffect, useMemo, useState } from 'react';
import type { AppDb } from '../../db/schema';
import type { DirectoryRecord } from '../../domain/staff';
import { directoryFingerprint, type SearchAnswer } from './search-protocol';
import { createSearcher } from './searcher';
import type { DirectoryView } from './use-directory';

/**
 * The people matching `query`. An empty query is everyone in directory order, with no search at
 * all; otherwise the previous answer stays on screen until the new one arrives.
 */
export function useSearch(db: AppDb, directory: DirectoryView | undefined, query: string): DirectoryRecord[] | null {
  const searcher = useMemo(() => createSearcher(db), [db]);
  useEffect(() => () => searcher.dispose(), [searcher]);
  const [answer, setAnswer] = useState<SearchAnswer | null>(null);

  // The device's directory changed (a sync, an edit): search what it now holds.
  useEffect(() => searcher.reload(), [searcher, directory]);

  useEffect(() => {
    if (query.trim() === '' || !directory) return;
    let current = true;
    void searcher.query(query).then((a) => {
      // Answers to earlier keystrokes may arrive late; only the latest counts.
      if (current) setAnswer(a);
    });
    return () => {
      current = false;
    };
  }, [searcher, query, directory]);

  return useMemo(() => {
    if (!directory) return [];
    if (query.trim() === '') return directory.records;
    // An answer about another version of the directory (mid-sync) waits for the next one.
    if (!answer || answer.fingerprint !== directoryFingerprint(directory.records)) return null;
    const out: DirectoryRecord[] = new Array<DirectoryRecord>(answer.positions.length);
    let n = 0;
    for (const p of answer.positions) {
      const r = directory.records[p];
      if (r) out[n++] = r;
    }
    out.length = n;
    return out;
  }, [directory, query, answer]);
}
