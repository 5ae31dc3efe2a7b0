/**
 * Bundled into a page for upgrade.test.ts: a device of app version 4 (its database as released),
 * opened by today's AppDb, whose upgrade code loads as a chunk of its own. Runs in Chromium.
 */
import Dexie from 'dexie';
import { AppDb } from '../../src/db/schema';

async function upgradeV4(name: string): Promise<{ verno: number; cursors: Record<string, unknown>; outbox: string[] }> {
  // The version 4 schema exactly as released (as in src/db/schema.test.ts), written to by a version 4 app.
  const v4 = new Dexie(name);
  v4.version(1).stores({
    directoryChunks: 'n',
    directoryOverlay: 'id',
    units: 'id, parentId',
    meta: 'key',
    outbox: '++seq, &id',
    rejected: 'id',
  });
  v4.version(2).stores({ profileDetails: 'id', communities: 'id, name' });
  v4.version(3).stores({
    yells: 'id, version, from, *to, createdAt',
    notifications: 'id, version, createdAt',
    readNotifications: 'id',
    recognition: 'key',
  });
  v4.version(4).stores({
    nominations: 'id, version, status, createdAt',
    nominationMeta: 'key',
    nominationDrafts: 'id, updatedAt',
  });
  await v4.table('meta').add({
    key: 'directory',
    value: { snapshotId: 'snap-12', version: 31, staffCount: 3, syncedAt: 1000 },
  });
  await v4.table('communities').add({ id: 'c1', name: 'a', memberIds: [], version: 9 });
  await v4.table('recognition').add({ key: 'yells', value: { version: 17, feedOptOut: [] }, fetchedAt: 1 });
  await v4.table('nominationMeta').add({ key: 'version', value: 23 });
  await v4
    .table('outbox')
    .add({ id: 'pppppppp', mutation: { kind: 'yell.send' }, attempts: 0, notBefore: 0, lastError: null });
  v4.close();

  const db = new AppDb(name);
  await db.open();
  const cursors = Object.fromEntries((await db.feedCursors.toArray()).map((r) => [r.feed, r.cursor]));
  const outbox = (await db.outbox.toArray()).map((r) => r.id);
  const verno = db.verno;
  db.close();
  return { verno, cursors, outbox };
}

(window as unknown as { upgradeLab: unknown }).upgradeLab = { upgradeV4 };
