/**
 * The roster store's contract, run on the twin and on the Firestore adapter against the stand-in
 * (features/contracts.test.ts, contracts.standin.test.ts). Each test has its own organisation.
 */
import { describe, expect, it } from 'vitest';
import { freshOrgId } from '../../testing/fixtures';
import type { ServerStores } from '../stores';
import { pendingId, type ImportMeta, type PendingChange } from './port';

function meta(id: string, over: Partial<ImportMeta> = {}): ImportMeta {
  return {
    id,
    by: 's000001',
    createdAt: '2026-03-01T00:00:00.000Z',
    fileName: '名簿.csv',
    bytes: 1234,
    encoding: 'shift_jis',
    header: ['職員番号', '姓'],
    rowCount: 2,
    parts: 1,
    status: 'open',
    checkpoint: 0,
    ...over,
  };
}

function kept(staffId: string, effective: string): PendingChange {
  return {
    id: pendingId(staffId, effective),
    staffId,
    effective,
    importId: 'imp-1',
    by: 's000001',
    row: { line: 3, staffId, unitId: 'ka-1', kind: '異動', effective },
  };
}

export function runRosterContract(name: string, makeStore: () => ServerStores | Promise<ServerStores>): void {
  describe(`store contract, roster: ${name}`, () => {
    it('keeps an import, its parts (a resent part replaces the first) and reports a missing one', async () => {
      const store = await makeStore();
      const orgId = freshOrgId();
      expect(await store.roster.getImport(orgId, 'imp-1')).toBeNull();
      await store.roster.putImport(orgId, meta('imp-1', { parts: 2 }));
      expect(await store.roster.getImport(orgId, 'imp-1')).toEqual(meta('imp-1', { parts: 2 }));
      const rows = [{ line: 2, cells: ['000123', '髙﨑\n①'], extra: 0 }];
      await store.roster.putPart(orgId, 'imp-1', 0, [{ line: 2, cells: ['x'], extra: 1 }]);
      await store.roster.putPart(orgId, 'imp-1', 0, rows);
      expect(await store.roster.getParts(orgId, 'imp-1', 2)).toEqual([rows, null]);
      expect(await store.roster.getParts(freshOrgId(), 'imp-1', 1)).toEqual([null]);
    });

    it('moves the checkpoint forward only, and not at all once done', async () => {
      const store = await makeStore();
      const orgId = freshOrgId();
      await store.roster.putImport(orgId, meta('imp-1'));
      const summary = { new: 1, transfer: 0, retire: 0, change: 0, unchanged: 0, future: 0, rejected: 0 };
      await store.roster.advance(orgId, 'imp-1', { checkpoint: 200, status: 'applying', summary });
      await store.roster.advance(orgId, 'imp-1', { checkpoint: 100, status: 'applying' });
      expect(await store.roster.getImport(orgId, 'imp-1')).toMatchObject({
        checkpoint: 200,
        status: 'applying',
        summary,
      });
      await store.roster.advance(orgId, 'imp-1', {
        checkpoint: 400,
        status: 'done',
        finishedAt: '2026-03-01T01:00:00.000Z',
      });
      await store.roster.advance(orgId, 'imp-1', { checkpoint: 500, status: 'applying' });
      expect(await store.roster.getImport(orgId, 'imp-1')).toMatchObject({
        checkpoint: 400,
        status: 'done',
        finishedAt: '2026-03-01T01:00:00.000Z',
      });
      await store.roster.advance(orgId, 'nobody', { checkpoint: 1, status: 'applying' });
      expect(await store.roster.getImport(orgId, 'nobody')).toBeNull();
    });

    it('keeps future changes by person and day (the same one twice is one), lists and deletes them', async () => {
      const store = await makeStore();
      const orgId = freshOrgId();
      await store.roster.putPending(orgId, [kept('s2', '2026-04-01'), kept('s1', '2026-04-01')]);
      await store.roster.putPending(orgId, [kept('s1', '2026-04-01'), kept('s1', '2026-05-01')]);
      expect(await store.roster.listPending(orgId)).toEqual([
        kept('s1', '2026-04-01'),
        kept('s1', '2026-05-01'),
        kept('s2', '2026-04-01'),
      ]);
      await store.roster.deletePending(orgId, [pendingId('s1', '2026-04-01'), pendingId('s9', '2026-04-01')]);
      expect((await store.roster.listPending(orgId)).map((c) => c.id)).toEqual([
        pendingId('s1', '2026-05-01'),
        pendingId('s2', '2026-04-01'),
      ]);
      expect(await store.roster.listPending(freshOrgId())).toEqual([]);
    });
  });
}
