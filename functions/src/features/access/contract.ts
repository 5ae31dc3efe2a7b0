/**
 * The access module's contract (port.ts and the AccessPort built on it, service.ts), run on the
 * twin and on the adapter against the Firestore stand-in (features/contracts.test.ts,
 * contracts.standin.test.ts). Auth is the twin in both runs (its own port: the stack test runs
 * the real Auth emulator, tests/integration/access.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { AccessChange } from '../../kit/access';
import { freshOrgId, staffId } from '../../testing/fixtures';
import type { ServerStores } from '../stores';
import { MemoryAuthAdmin } from './auth-admin';
import { accessPort, confirmGrant } from './service';

const HR = { staffId: staffId(1) };
const change = (n: number, overrides: Partial<AccessChange> = {}): AccessChange => ({
  staffId: staffId(n),
  role: 'staff',
  duties: [],
  email: `${staffId(n)}@city.example.lg.jp`,
  active: true,
  ...overrides,
});

export function runAccessContract(name: string, makeStore: () => ServerStores | Promise<ServerStores>): void {
  describe(`store contract, access: ${name}`, () => {
    async function fresh() {
      const store = await makeStore();
      if (!(store.access.auth instanceof MemoryAuthAdmin)) throw new Error('the contract runs with the Auth twin');
      return { store, auth: store.access.auth, orgId: freshOrgId('access') };
    }

    it('keeps states whole and reads one document per person for a token check, found or not', async () => {
      const { store, orgId } = await fresh();
      const state = {
        staffId: staffId(2),
        uid: 'u2',
        email: 'a@b.jp',
        role: 'manager' as const,
        duties: ['committee'],
        active: true,
        changedAt: '2026-04-01T00:00:00.000Z',
        signedOutAt: 1775000000,
      };
      await store.access.putStates(orgId, [state]);
      expect((await store.access.getStates(orgId, [staffId(2), staffId(3)])).get(staffId(2))).toEqual(state);
      for (const [who, expected] of [
        [staffId(2), state],
        [staffId(3), null],
      ] as const) {
        const gate = store.access.tokenGate(orgId, who);
        const { reads } = await store.reads.measure(() => store.reader.readAll([gate.read]));
        expect(reads).toBe(1);
        expect(gate.value()).toEqual(expected);
      }
    });

    it('apply creates Auth users with claims, and the same change again changes nothing', async () => {
      const { store, auth, orgId } = await fresh();
      const port = accessPort(store);
      const first = await port.apply(orgId, [change(2), change(3, { role: 'manager', duties: ['dx'] })], HR);
      expect(first).toEqual({ pendingHr: [], changed: [staffId(2), staffId(3)] });
      const user = [...auth.users.values()].find((u) => u.email === `${staffId(3)}@city.example.lg.jp`);
      expect(user?.claims).toEqual({ orgId, staffId: staffId(3), role: 'manager', duties: ['dx'] });
      const calls = auth.calls.length;
      expect(await port.apply(orgId, [change(2), change(3, { role: 'manager', duties: ['dx'] })], HR)).toEqual({
        pendingHr: [],
        changed: [],
      });
      expect(auth.calls.length).toBe(calls);
      expect(auth.revoked).toEqual([]);
    });

    it('a demotion sets the claims and ends the sessions; a promotion to 管理職 only sets them', async () => {
      const { store, auth, orgId } = await fresh();
      const port = accessPort(store);
      await port.apply(orgId, [change(2, { role: 'manager' }), change(3)], HR);
      await port.apply(orgId, [change(2), change(3, { role: 'manager' })], HR);
      const states = await store.access.getStates(orgId, [staffId(2), staffId(3)]);
      expect(states.get(staffId(2))?.role).toBe('staff');
      expect(states.get(staffId(3))?.role).toBe('manager');
      expect(auth.revoked).toEqual([states.get(staffId(2))?.uid]);
    });

    it('退職 disables the Auth user, ends its sessions and marks the state inactive', async () => {
      const { store, auth, orgId } = await fresh();
      const port = accessPort(store, { now: () => new Date('2026-04-01T00:00:00.400Z') });
      await port.apply(orgId, [change(2)], HR);
      await port.apply(orgId, [change(2, { active: false })], HR);
      const s = (await store.access.getStates(orgId, [staffId(2)])).get(staffId(2));
      expect(s?.active).toBe(false);
      expect(s?.signedOutAt).toBe(Date.parse('2026-04-01T00:00:01.000Z') / 1000);
      expect(auth.users.get(s?.uid ?? '')?.disabled).toBe(true);
      expect(auth.revoked).toEqual([s?.uid]);
    });

    it('a grant of 人事 waits for a second HR account; the one who asked cannot confirm it', async () => {
      const { store, orgId } = await fresh();
      const port = accessPort(store);
      const out = await port.apply(orgId, [change(1, { role: 'hr' }), change(2, { role: 'hr' })], HR);
      expect(out.pendingHr).toEqual([staffId(2)]);
      expect((await store.access.getStates(orgId, [staffId(2)])).get(staffId(2))?.role).toBe('staff');
      expect((await store.access.listPending(orgId)).map((g) => [g.staffId, g.requestedBy])).toEqual([
        [staffId(2), staffId(1)],
      ]);
      // The same file again: still one grant, still asked by the first.
      await port.apply(orgId, [change(1, { role: 'hr' }), change(2, { role: 'hr' })], { staffId: staffId(9) });
      expect((await store.access.listPending(orgId)).map((g) => g.requestedBy)).toEqual([staffId(1)]);

      const asker = { orgId, staffId: staffId(1), role: 'hr' as const, duties: [] };
      await expect(confirmGrant(store, asker, staffId(2), 'POST /x')).rejects.toMatchObject({
        problem: { code: 'access.confirmOwnRequest' },
      });
      const second = { ...asker, staffId: staffId(9) };
      await confirmGrant(store, second, staffId(2), 'POST /x');
      expect((await store.access.getStates(orgId, [staffId(2)])).get(staffId(2))?.role).toBe('hr');
      expect(await store.access.listPending(orgId)).toEqual([]);
      await expect(confirmGrant(store, second, staffId(2), 'POST /x')).rejects.toMatchObject({
        problem: { code: 'access.noPendingGrant' },
      });
    });

    it('the last 人事 cannot be removed, and nothing of that import is applied', async () => {
      const { store, auth, orgId } = await fresh();
      const port = accessPort(store);
      await port.apply(orgId, [change(1, { role: 'hr' }), change(2)], HR);
      const calls = auth.calls.length;
      await expect(port.apply(orgId, [change(1), change(2, { role: 'manager' })], HR)).rejects.toMatchObject({
        status: 409,
        problem: { code: 'access.lastHr', params: { staffId: staffId(1) } },
      });
      expect(auth.calls.length).toBe(calls);
      expect((await store.access.getStates(orgId, [staffId(2)])).get(staffId(2))?.role).toBe('staff');
      expect(await store.access.activeHr(orgId)).toEqual([staffId(1)]);
    });

    it('records role changes and grants in the audit log, by the HR person applying', async () => {
      const { store, orgId } = await fresh();
      const port = accessPort(store, { endpoint: 'POST /roster/apply' });
      await port.apply(orgId, [change(2)], HR);
      await port.apply(orgId, [change(2, { role: 'manager', duties: ['committee'] }), change(3, { role: 'hr' })], HR);
      const log = await store.audit.list(orgId, {}, 10);
      expect(log.map((e) => [e.kind, e.subject, e.detail, e.actor, e.endpoint])).toEqual(
        expect.arrayContaining([
          ['access.role', staffId(2), 'staff→manager+committee', staffId(1), 'POST /roster/apply'],
          ['access.pending', staffId(3), '→hr', staffId(1), 'POST /roster/apply'],
        ]),
      );
      // A first 職員 with no duties is the import's own business, not a role change.
      expect(log.filter((e) => e.kind === 'access.role' && e.detail === '-→staff')).toEqual([]);
    });
  });
}
