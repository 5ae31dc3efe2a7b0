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
  it('version 1 creates every table with its keys and indexes from an empty device', async () => {
    const db = new AppDb(freshName());
    await db.open();
    expect(db.verno).toBe(1);
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
    });
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
