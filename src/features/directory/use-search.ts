import { useEffect, useMemo, useState } from 'react';
import type { AppDb } from '../../db/schema';
import type { DirectoryRecord } from '../../domain/staff';
import { createSearcher } from './searcher';
import type { DirectoryView } from './use-directory';

/**
 * The people matching `query`. An empty query is everyone in directory order, with no search at
 * all; otherwise the previous answer stays on screen until the new one arrives.
 */
export function useSearch(db: AppDb, directory: DirectoryView | undefined, query: string): DirectoryRecord[] | null {
  const searcher = useMemo(() => createSearcher(db), [db]);
  useEffect(() => () => searcher.dispose(), [searcher]);
  const [answer, setAnswer] = useState<{ query: string; ids: string[] } | null>(null);

  // The device's directory changed (a sync, an edit): search what it now holds.
  useEffect(() => searcher.reload(), [searcher, directory]);

  useEffect(() => {
    if (query.trim() === '' || !directory) return;
    let current = true;
    void searcher.query(query).then((ids) => {
      // Answers to earlier keystrokes may arrive late; only the latest counts.
      if (current) setAnswer({ query, ids });
    });
    return () => {
      current = false;
    };
  }, [searcher, query, directory]);

  return useMemo(() => {
    if (!directory) return [];
    if (query.trim() === '') return directory.records;
    if (!answer) return null;
    const out: DirectoryRecord[] = [];
    for (const id of answer.ids) {
      const r = directory.byId.get(id);
      if (r) out.push(r);
    }
    return out;
  }, [directory, query, answer]);
}
