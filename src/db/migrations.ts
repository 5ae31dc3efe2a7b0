import type { Transaction } from 'dexie';

/** A version as an earlier app kept it, if it is one. */
function versionOf(value: unknown): number | null {
  if (typeof value !== 'object' || value === null || !('version' in value)) return null;
  const { version } = value;
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : null;
}

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
  const cursors = tx.table('feedCursors');
  const meta = tx.table('meta');
  const recognition = tx.table('recognition');
  const nominationMeta = tx.table('nominationMeta');

  const directory: unknown = (await meta.get('directory'))?.value;
  if (typeof directory === 'object' && directory !== null && 'snapshotId' in directory) {
    const version = versionOf(directory);
    const { snapshotId } = directory;
    if (version !== null && (snapshotId === null || typeof snapshotId === 'string')) {
      await cursors.put({ feed: 'directory', cursor: { snapshotId, version } });
    }
    const staffCount = 'staffCount' in directory && typeof directory.staffCount === 'number' ? directory.staffCount : 0;
    const syncedAt = 'syncedAt' in directory && typeof directory.syncedAt === 'number' ? directory.syncedAt : null;
    await meta.put({ key: 'directory', value: { staffCount, syncedAt } });
  }

  let communities = 0;
  await tx.table('communities').each((row: unknown) => {
    communities = Math.max(communities, versionOf(row) ?? 0);
  });
  if (communities > 0) await cursors.put({ feed: 'communities', cursor: { version: communities } });

  const yells = await recognition.get('yells');
  const yellVersion = versionOf(yells?.value);
  if (yellVersion !== null) {
    await cursors.put({ feed: 'yells', cursor: { version: yellVersion } });
    const value: unknown = yells.value;
    const feedOptOut =
      typeof value === 'object' && value !== null && 'feedOptOut' in value && Array.isArray(value.feedOptOut)
        ? value.feedOptOut
        : [];
    await recognition.put({ ...yells, value: { feedOptOut } });
  }

  const notifications = versionOf((await recognition.get('notifications'))?.value);
  if (notifications !== null) await cursors.put({ feed: 'notifications', cursor: { version: notifications } });
  await recognition.delete('notifications');

  const nominations: unknown = (await nominationMeta.get('version'))?.value;
  if (typeof nominations === 'number' && Number.isInteger(nominations) && nominations >= 0) {
    await cursors.put({ feed: 'nominations', cursor: { version: nominations } });
  }
  await nominationMeta.delete('version');
}
