/**
 * "Changes since V", with the reset rule every versioned feed shares: a cursor at the head is up
 * to date (no read beyond the head), a cursor above the head means the device holds data that no
 * longer exists (the organisation was re-seeded) and it starts again from 0 with `reset`.
 */
export interface SincePage<T> {
  items: T[];
  version: number;
  more: boolean;
  reset: boolean;
}

/**
 * `head` must have been read before `fetch` runs: then everything up to it was committed when the
 * page was read, and a page without more brings the device to the head even when none of the
 * changes were its own to see (a per-person feed).
 */
export async function pageSince<T extends { version: number }>(
  head: number,
  since: number,
  limit: number,
  fetch: (from: number, limit: number) => Promise<T[]>,
): Promise<SincePage<T>> {
  if (since === head) return upToDate(since);
  const reset = since > head;
  const from = reset ? 0 : since;
  const items = await fetch(from, limit);
  const more = items.length === limit;
  const last = items.at(-1)?.version ?? from;
  return { items, version: more ? last : Math.max(last, head), more, reset };
}

export function upToDate<T>(version: number): SincePage<T> {
  return { items: [], version, more: false, reset: false };
}
