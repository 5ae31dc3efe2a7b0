/**
 * The audit log's store contract (port.ts), run on the twin and on the adapter against the
 * Firestore stand-in (features/contracts.test.ts, contracts.standin.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { AuditLogEntry } from '../../../../src/domain/audit';
import { freshOrgId, staffId } from '../../testing/fixtures';
import type { ServerStores } from '../stores';

function entry(n: number, at: string, overrides: Partial<AuditLogEntry> = {}): AuditLogEntry {
  return {
    id: `e${String(n).padStart(4, '0')}`,
    at,
    actor: staffId(1),
    actorRole: 'hr',
    kind: 'profile.restricted',
    subject: staffId(2),
    fields: ['privatePhone'],
    endpoint: `GET /staff/${staffId(2)}`,
    detail: '',
    ...overrides,
  };
}

export function runAuditContract(name: string, makeStore: () => ServerStores | Promise<ServerStores>): void {
  describe(`store contract, audit: ${name}`, () => {
    async function fresh() {
      return { store: await makeStore(), orgId: freshOrgId('audit') };
    }

    it('lists newest first, entries of one millisecond by id, and pages by key', async () => {
      const { store, orgId } = await fresh();
      const t = '2026-04-01T01:00:00.000Z';
      await store.audit.append(orgId, [entry(1, t), entry(2, t), entry(3, '2026-04-01T02:00:00.000Z')]);
      const all = await store.audit.list(orgId, {}, 10);
      expect(all.map((e) => e.id)).toEqual(['e0003', 'e0002', 'e0001']);
      const first = await store.audit.list(orgId, {}, 2);
      expect(first.map((e) => e.id)).toEqual(['e0003', 'e0002']);
      const rest = await store.audit.list(orgId, { before: `${t}~e0002` }, 2);
      expect(rest.map((e) => e.id)).toEqual(['e0001']);
      expect(all[0]).toEqual(entry(3, '2026-04-01T02:00:00.000Z'));
    });

    it('filters by person (actor or subject), kind and period (days in JST)', async () => {
      const { store, orgId } = await fresh();
      await store.audit.append(orgId, [
        // 2026-03-31 23:30 JST
        entry(1, '2026-03-31T14:30:00.000Z'),
        // 2026-04-01 00:30 JST
        entry(2, '2026-03-31T15:30:00.000Z', { kind: 'audit.read', subject: null, fields: [] }),
        entry(3, '2026-04-02T03:00:00.000Z', { actor: staffId(3), subject: staffId(1) }),
        entry(4, '2026-04-03T03:00:00.000Z', { actor: staffId(3), subject: staffId(4) }),
      ]);
      const ids = async (q: Parameters<ServerStores['audit']['list']>[1]) =>
        (await store.audit.list(orgId, q, 10)).map((e) => e.id);
      expect(await ids({ person: staffId(1) })).toEqual(['e0003', 'e0002', 'e0001']);
      expect(await ids({ person: staffId(4) })).toEqual(['e0004']);
      expect(await ids({ kind: 'audit.read' })).toEqual(['e0002']);
      expect(await ids({ from: '2026-04-01', to: '2026-04-02' })).toEqual(['e0003', 'e0002']);
      expect(await ids({ person: staffId(3), kind: 'profile.restricted', to: '2026-04-02' })).toEqual(['e0003']);
    });

    it('is append-only: an entry with an id already there is refused, the first kept', async () => {
      const { store, orgId } = await fresh();
      await store.audit.append(orgId, [entry(1, '2026-04-01T00:00:00.000Z')]);
      await expect(
        store.audit.append(orgId, [entry(1, '2026-04-09T00:00:00.000Z', { detail: 'overwritten' })]),
      ).rejects.toThrow();
      const [kept] = await store.audit.list(orgId, {}, 10);
      expect(kept?.detail).toBe('');
    });

    it('counts a listing as one read per entry, at least one', async () => {
      const { store, orgId } = await fresh();
      const { reads: none } = await store.reads.measure(() => store.audit.list(orgId, {}, 10));
      expect(none).toBe(1);
      await store.audit.append(orgId, [entry(1, '2026-04-01T00:00:00.000Z'), entry(2, '2026-04-01T00:00:01.000Z')]);
      const { reads } = await store.reads.measure(() => store.audit.list(orgId, {}, 10));
      expect(reads).toBe(2);
    });
  });
}
