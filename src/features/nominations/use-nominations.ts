import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { readAwards } from '../../db/nominations';
import type { AppDb } from '../../db/schema';
import type { Award, ShownNomination } from '../../domain/nominations';
import { isNominationMutation, sectionOf } from '../../domain/nominations';
import { shownNominations, type Me } from '../../sync/nominations';
import type { DirectoryView } from '../../ui/use-directory';
import { refusalOf, type Refusal } from '../../domain/problems';

export interface NominationsView {
  /** Newest first, with my unsent nominations, endorsements, reviews and answers laid over. */
  nominations: ShownNomination[];
  awards: readonly Award[];
  /** My nomination mutations the server refused, newest first, with why (nothing vanishes silently). */
  rejected: { id: string; nominationId: string; kind: string; refusal: Refusal }[];
}

/** Everything the 表彰 screens read, from the device store; `undefined` while IndexedDB is read. */
export function useNominations(db: AppDb, selfId: string): NominationsView | undefined {
  const data = useLiveQuery(async () => {
    const [rows, outbox, rejected, awards] = await Promise.all([
      db.nominations.toArray(),
      db.outbox.orderBy('seq').toArray(),
      db.rejected.toArray(),
      readAwards(db),
    ]);
    return { rows, pending: outbox.map((o) => o.mutation), rejected, awards };
  }, [db]);
  return useMemo(() => {
    if (!data) return undefined;
    return {
      nominations: shownNominations(data.rows, data.pending, selfId),
      awards: data.awards,
      rejected: data.rejected
        .filter((r) => isNominationMutation(r.mutation))
        .sort((a, b) => b.rejectedAt - a.rejectedAt)
        .map((r) => ({
          id: r.id,
          nominationId: 'nominationId' in r.mutation ? String(r.mutation.nominationId) : '',
          kind: r.mutation.kind,
          refusal: refusalOf(r),
        })),
    };
  }, [data, selfId]);
}

/** Who I am for the review rules, from the session and the device's directory. */
export function useMe(directory: DirectoryView | undefined, selfId: string, duties: readonly string[]): Me {
  const unitId = directory?.byId.get(selfId)?.unitId;
  return {
    staffId: selfId,
    committee: duties.includes('committee'),
    sectionId: unitId && directory ? sectionOf(directory.units, unitId) : null,
  };
}

export function sectionFinder(directory: DirectoryView | undefined): (staffId: string) => string | null {
  return (staffId) => {
    const unitId = directory?.byId.get(staffId)?.unitId;
    return unitId && directory ? sectionOf(directory.units, unitId) : null;
  };
}
