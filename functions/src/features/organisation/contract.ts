/**
 * The organisation upkeep store's contract, run on the twin and on the Firestore adapter against
 * the stand-in (features/contracts.test.ts, contracts.standin.test.ts). Each test has its own
 * organisation.
 */
import { describe, expect, it } from 'vitest';
import { freshOrgId } from '../../testing/fixtures';
import type { ServerStores } from '../stores';
import type { OrgBatch } from './port';

function batch(id: string, over: Partial<OrgBatch> = {}): OrgBatch {
  return {
    id,
    by: 's000001',
    createdAt: '2026-03-01T00:00:00.000Z',
    effective: '2026-04-01',
    changes: [
      { op: 'rename', id: 'ka-1', name: '<script>職員課</script>', kana: 'しょくいんか' },
      { op: 'add', id: 'bu-9', kind: 'bu', name: 'DX推進部', kana: '', parentId: null },
    ],
    summary: { add: 1, rename: 1, move: 0, merge: 0, abolish: 0 },
    status: 'staged',
    ...over,
  };
}

export function runOrganisationContract(name: string, makeStore: () => ServerStores | Promise<ServerStores>): void {
  describe(`store contract, organisation: ${name}`, () => {
    it('keeps a batch as written and lists only the scheduled ones, by day then id', async () => {
      const store = await makeStore();
      const orgId = freshOrgId();
      expect(await store.organisation.getBatch(orgId, 'b1')).toBeNull();
      await store.organisation.putBatch(orgId, batch('b1'));
      expect(await store.organisation.getBatch(orgId, 'b1')).toEqual(batch('b1'));
      await store.organisation.putBatch(orgId, batch('b3', { status: 'scheduled', effective: '2026-05-01' }));
      await store.organisation.putBatch(orgId, batch('b2', { status: 'scheduled' }));
      await store.organisation.putBatch(
        orgId,
        batch('b4', { status: 'applied', appliedAt: '2026-03-01T00:00:00.000Z' }),
      );
      expect((await store.organisation.listScheduled(orgId)).map((b) => b.id)).toEqual(['b2', 'b3']);
      expect(await store.organisation.listScheduled(freshOrgId())).toEqual([]);
    });

    it('moves a batch forward only, and says whether it moved', async () => {
      const store = await makeStore();
      const orgId = freshOrgId();
      await store.organisation.putBatch(orgId, batch('b1'));
      expect(await store.organisation.advance(orgId, 'b1', 'scheduled', 'x')).toBe(true);
      expect(await store.organisation.advance(orgId, 'b1', 'scheduled', 'x')).toBe(false);
      expect(await store.organisation.advance(orgId, 'b1', 'staged', 'x')).toBe(false);
      expect(await store.organisation.advance(orgId, 'b1', 'applied', '2026-04-01T00:00:01.000Z')).toBe(true);
      expect(await store.organisation.advance(orgId, 'b1', 'applied', 'later')).toBe(false);
      expect(await store.organisation.getBatch(orgId, 'b1')).toEqual(
        batch('b1', { status: 'applied', appliedAt: '2026-04-01T00:00:01.000Z' }),
      );
      expect(await store.organisation.advance(orgId, 'nobody', 'applied', 'x')).toBe(false);
      expect(await store.organisation.getBatch(orgId, 'nobody')).toBeNull();
    });

    it('keeps the unit mapping (the same one twice is one)', async () => {
      const store = await makeStore();
      const orgId = freshOrgId();
      await store.organisation.putMappings(orgId, [
        { effective: '2026-04-01', from: 'kakari-2', to: ['kakari-1'] },
        { effective: '2025-04-01', from: 'ka-9', to: [] },
      ]);
      await store.organisation.putMappings(orgId, [{ effective: '2026-04-01', from: 'kakari-2', to: ['kakari-1'] }]);
      expect(await store.organisation.listMappings(orgId)).toEqual([
        { effective: '2025-04-01', from: 'ka-9', to: [] },
        { effective: '2026-04-01', from: 'kakari-2', to: ['kakari-1'] },
      ]);
      expect(await store.organisation.listMappings(freshOrgId())).toEqual([]);
    });
  });
}
