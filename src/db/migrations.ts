import type { Transaction } from 'dexie';

/** A field of a row as an earlier app kept it (anything, or nothing). */
function field(value: unknown, key: string): unknown {
  // Rows of an earlier version are read as they are: every use below checks what it finds.
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

const isVersion = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/**
 * Version 5: every feed's cursor moves into `feedCursors`, from where version 4 kept it:
 * - directory: the `directory` row of `meta` held { snapshotId, version, staffCount, syncedAt };
 *   the cursor moves, the count and the time stay;
 * - communities: the highest version among the community rows (no row of its own);
 * - yells: the `yells` row of `recognition` held { version, feedOptOut }; the opt-outs stay;
 * - notifications: the `notifications` row of `recognition` held { version }; it goes;
 * - nominations: the `version` row of `nominationMeta`; it goes.
 * Nothing else is touched: the outbox, the rejected list, the directory's chunks and every
 * feed's rows stay as they are, so an updated device resumes each feed where it stood.
 */
export async function moveCursorsToTable(tx: Transaction): Promise<void> {
  const [cursors, meta, recognition, nominationMeta] = ['feedCursors', 'meta', 'recognition', 'nominationMeta'].map(
    (name) => tx.table(name),
  );
  const put = (feed: string, cursor: object) => cursors?.put({ feed, cursor });

  const directory: unknown = (await meta?.get('directory'))?.value;
  if (directory !== undefined) {
    const [snapshotId, version] = [field(directory, 'snapshotId'), field(directory, 'version')];
    if (isVersion(version) && (snapshotId === null || typeof snapshotId === 'string')) {
      await put('directory', { snapshotId, version });
    }
    const value = { staffCount: field(directory, 'staffCount') ?? 0, syncedAt: field(directory, 'syncedAt') ?? null };
    await meta?.put({ key: 'directory', value });
  }

  let communities = 0;
  await tx.table('communities').each((row: unknown) => {
    const version = field(row, 'version');
    if (isVersion(version)) communities = Math.max(communities, version);
  });
  if (communities > 0) await put('communities', { version: communities });

  const yells = await recognition?.get('yells');
  const yellVersion = field(yells?.value, 'version');
  if (yells && isVersion(yellVersion)) {
    await put('yells', { version: yellVersion });
    const optOut = field(yells.value, 'feedOptOut');
    await recognition?.put({ ...yells, value: { feedOptOut: Array.isArray(optOut) ? optOut : [] } });
  }

  const notifications = field((await recognition?.get('notifications'))?.value, 'version');
  if (isVersion(notifications)) await put('notifications', { version: notifications });
  const nominations: unknown = (await nominationMeta?.get('version'))?.value;
  if (isVersion(nominations)) await put('nominations', { version: nominations });
  await recognition?.delete('notifications');
  await nominationMeta?.delete('version');
}
