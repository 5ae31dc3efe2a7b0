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
    expect(db.verno).toBe(2);
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
    expect(db.verno).toBe(2);
    expect(await db.directoryChunks.get(0)).toMatchObject({ snapshotId: 's1' });
    expect(await db.meta.get('session')).toMatchObject({ value: { staffId: 'me' } });
    expect(await db.outbox.toArray()).toMatchObject([{ id: 'mmmmmmmm', attempts: 2 }]);
    expect(await db.communities.count()).toBe(0);
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
