/**
 * What is due at a date, written once (issue 21): a roster change's 発令日 (A1) and an
 * organisation batch's 施行日 (A4) both wait on the server until 00:00 JST of their day, and are
 * applied by the first request after it (no scheduler runs here), against the settable clock
 * (kit/clock.ts). Each kind of kept work is a source saying its earliest day; the directory's head
 * keeps the earliest of all (one field, read by every /sync anyway), so a sync knows for free
 * whether anything is due.
 */
export interface DueSource<S> {
  name: string;
  /** The earliest `YYYY-MM-DD` of this source's kept work, or null when none waits. */
  earliest(stores: S, orgId: string): Promise<string | null>;
}

/** The earliest of days (null when none). */
export function earliestDay(days: readonly (string | null)[]): string | null {
  return days.reduce<string | null>((min, d) => (d !== null && (min === null || d < min) ? d : min), null);
}

/** Asks every source for its earliest day and stores the earliest of them with `set`. */
export async function refreshDue<S>(
  sources: readonly DueSource<S>[],
  stores: S,
  orgId: string,
  set: (due: string | null) => Promise<void>,
): Promise<string | null> {
  const due = earliestDay(await Promise.all(sources.map((s) => s.earliest(stores, orgId))));
  await set(due);
  return due;
}
