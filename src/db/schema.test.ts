import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { AppDb } from './schema';

const names: string[] = [];
function freshName() {
  const name = `test-${Math.random().toString(36).slice(2)}`;
  names.push(name);
  return name;
}
afterEach(async () => {
  await Promise.all(names.splice(0).map((n) => Dexie.delete(n)));
});

describe('AppDb versions', () => {
  it('the latest version creates every table with its keys and indexes from an empty device', async () => {
    const db = new AppDb(freshName());
    await db.open();
    expect(db.verno).toBe(4);
    const schema = Object.fromEntries(
      db.tables.map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)]]),
    );
    expect(schema).toEqual({
      directoryChunks: ['n'],
      directoryOverlay: ['id'],
      units: ['id', 'parentId'],
      meta: ['key'],
      outbox: ['++seq', '&id'],
      rejected: ['id'],
      profileDetails: ['id'],
      communities: ['id', 'name'],
      yells: ['id', 'version', 'from', '*to', 'createdAt'],
      notifications: ['id', 'version', 'createdAt'],
      readNotifications: ['id'],
      recognition: ['key'],
      nominations: ['id', 'version', 'status', 'createdAt'],
      nominationMeta: ['key'],
      nominationDrafts: ['id', 'updatedAt'],
    });
    db.close();
  });

  it('version 2 opens a version 1 device and keeps its directory, session and unsent changes', async () => {
    const name = freshName();
    // The version 1 schema exactly as released, written to by a version 1 app.
    const v1 = new Dexie(name);
    v1.version(1).stores({
      directoryChunks: 'n',
      directoryOverlay: 'id',
      units: 'id, parentId',
      meta: 'key',
      outbox: '++seq, &id',
      rejected: 'id',
    });
    await v1.table('directoryChunks').add({ n: 0, snapshotId: 's1', count: 0, json: '{}' });
    await v1.table('meta').add({ key: 'session', value: { staffId: 'me' } });
    await v1.table('outbox').add({ id: 'mmmmmmmm', mutation: {}, attempts: 2, notBefore: 5, lastError: 'x' });
    v1.close();

    const db = new AppDb(name);
    await db.open();
    // Later versions open it too (each upgrade runs in turn); v2's tables are there, empty.
    expect(db.verno).toBeGreaterThanOrEqual(2);
    expect(await db.directoryChunks.get(0)).toMatchObject({ snapshotId: 's1' });
    expect(await db.meta.get('session')).toMatchObject({ value: { staffId: 'me' } });
    expect(await db.outbox.toArray()).toMatchObject([{ id: 'mmmmmmmm', attempts: 2 }]);
    expect(await db.communities.count()).toBe(0);
    db.close();
  });

  it('version 3 opens a version 2 device and keeps its communities, details and unsent changes; エール tables start empty', async () => {
    const name = freshName();
    // The version 2 schema exactly as released (v1 plus v2's tables), written to by a version 2 app.
    const v2 = new Dexie(name);
    v2.version(1).stores({
      directoryChunks: 'n',
      directoryOverlay: 'id',
      units: 'id, parentId',
      meta: 'key',
      outbox: '++seq, &id',
      rejected: 'id',
    });
    v2.version(2).stores({ profileDetails: 'id', communities: 'id, name' });
    await v2.table('meta').add({ key: 'session', value: { staffId: 'me' } });
    await v2.table('communities').add({ id: 'design-0001', name: 'デザイン', memberIds: ['me'], version: 4 });
    await v2.table('profileDetails').add({ id: 'p2', detail: { intro: 'x' }, fetchedAt: 1 });
    await v2
      .table('outbox')
      .add({ id: 'nnnnnnnn', mutation: { kind: 'community.join' }, attempts: 1, notBefore: 0, lastError: null });
    v2.close();

    const db = new AppDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(3);
    expect(await db.meta.get('session')).toMatchObject({ value: { staffId: 'me' } });
    expect(await db.communities.get('design-0001')).toMatchObject({ name: 'デザイン', version: 4 });
    expect(await db.profileDetails.get('p2')).toMatchObject({ fetchedAt: 1 });
    expect(await db.outbox.toArray()).toMatchObject([{ id: 'nnnnnnnn', attempts: 1 }]);
    expect(await db.yells.count()).toBe(0);
    expect(await db.notifications.count()).toBe(0);
    // The multi-entry index on recipients works on the upgraded device.
    await db.yells.add({
      id: 'yell-0001',
      from: 'me',
      to: ['p2', 'p3'],
      message: 'ありがとう',
      value: 'tasukeai',
      visibility: 'public',
      createdAt: '2026-11-22T00:00:00.000Z',
      version: 1,
      clapCount: 0,
      clappedByMe: false,
    });
    expect((await db.yells.where('to').equals('p3').toArray()).map((y) => y.id)).toEqual(['yell-0001']);
    db.close();
  });

  it('version 4 opens a version 3 device and keeps its エール, notifications and unsent changes; nomination tables start empty', async () => {
    const name = freshName();
    // The version 3 schema exactly as released, written to by a version 3 app.
    const v3 = new Dexie(name);
    v3.version(1).stores({
      directoryChunks: 'n',
      directoryOverlay: 'id',
      units: 'id, parentId',
      meta: 'key',
      outbox: '++seq, &id',
      rejected: 'id',
    });
    v3.version(2).stores({ profileDetails: 'id', communities: 'id, name' });
    v3.version(3).stores({
      yells: 'id, version, from, *to, createdAt',
      notifications: 'id, version, createdAt',
      readNotifications: 'id',
      recognition: 'key',
    });
    await v3.table('yells').add({ id: 'yell-0001', from: 'me', to: ['p2'], version: 3 });
    await v3.table('notifications').add({ id: 'n1', kind: 'yell.received', version: 2, createdAt: 'x', actor: 'p2' });
    await v3
      .table('outbox')
      .add({ id: 'oooooooo', mutation: { kind: 'yell.send' }, attempts: 0, notBefore: 0, lastError: null });
    v3.close();

    const db = new AppDb(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.yells.get('yell-0001')).toMatchObject({ to: ['p2'], version: 3 });
    expect(await db.notifications.get('n1')).toMatchObject({ version: 2 });
    expect(await db.outbox.toArray()).toMatchObject([{ id: 'oooooooo' }]);
    expect(await db.nominations.count()).toBe(0);
    expect(await db.nominationMeta.get('version')).toBeUndefined();
    await db.nominationDrafts.put({
      id: 'draft-1',
      awardId: 'shokuin',
      nominees: ['p2'],
      teamName: '',
      reason: '下書き',
      yellIds: ['yell-0001'],
      updatedAt: 5,
    });
    expect((await db.nominationDrafts.orderBy('updatedAt').first())?.reason).toBe('下書き');
    db.close();
  });

  it('keeps the outbox in insertion order and refuses a second entry with the same mutation id', async () => {
    const db = new AppDb(freshName());
    const m = (id: string) => ({
      id,
      mutation: { kind: 'profile.update' as const, id, createdAt: '2026-11-22T00:00:00.000Z', patch: { intro: id } },
      attempts: 0,
      notBefore: 0,
      lastError: null,
    });
    await db.outbox.bulkAdd([m('bbbbbbbb'), m('aaaaaaaa')]);
    expect((await db.outbox.orderBy('seq').toArray()).map((r) => r.id)).toEqual(['bbbbbbbb', 'aaaaaaaa']);
    await expect(db.outbox.add(m('aaaaaaaa'))).rejects.toThrow(/ConstraintError|Key already exists/);
    db.close();
  });
});
