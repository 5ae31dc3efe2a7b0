/**
 * The communities' store contract (port.ts), run on the in-memory twin and on the firebase-admin
 * adapter against the Firestore stand-in by the contract entry points (features/contracts.test.ts,
 * features/contracts.standin.test.ts). Each test uses its own organisation id.
 */
import { describe, expect, it } from 'vitest';
import type { CommunityIntent } from '../../../../src/domain/communities';
import { freshOrgId, mutationId, staffId } from '../../testing/fixtures';
import type { ServerStores } from '../stores';

const SLOW = 60_000;

const create = (communityId: string, name = 'ランニング'): CommunityIntent => ({
  kind: 'community.create',
  communityId,
  name,
  description: '週末に走ります',
  createdAt: '2026-04-01T00:00:00.000Z',
});
const join = (communityId: string): CommunityIntent => ({ kind: 'community.join', communityId });
const leave = (communityId: string): CommunityIntent => ({ kind: 'community.leave', communityId });

export function runCommunityContract(name: string, makeStore: () => ServerStores | Promise<ServerStores>): void {
  describe(`store contract, communities: ${name}`, () => {
    async function fresh(): Promise<{ store: ServerStores; orgId: string }> {
      return { store: await makeStore(), orgId: freshOrgId('comm') };
    }

    it('an organisation with no communities is at version 0 and lists none', async () => {
      const { store, orgId } = await fresh();
      expect(await store.communities.communityHead(orgId)).toBe(0);
      expect(await store.communities.communitiesSince(orgId, 0, 10)).toEqual([]);
    });

    it('create makes the creator the first member, at the next version', async () => {
      const { store, orgId } = await fresh();
      expect(
        await store.communities.applyCommunityMutation(orgId, mutationId('c1'), staffId(1), create('run-0001')),
      ).toEqual({
        status: 'applied',
        version: 1,
      });
      expect(await store.communities.communitiesSince(orgId, 0, 10)).toEqual([
        {
          id: 'run-0001',
          name: 'ランニング',
          description: '週末に走ります',
          memberIds: [staffId(1)],
          createdBy: staffId(1),
          createdAt: '2026-04-01T00:00:00.000Z',
          version: 1,
        },
      ]);
      expect(await store.communities.communityHead(orgId)).toBe(1);
    });

    it('join and leave change the member set and move the community to the next version', async () => {
      const { store, orgId } = await fresh();
      await store.communities.applyCommunityMutation(orgId, mutationId('c'), staffId(1), create('run-0001'));
      await store.communities.applyCommunityMutation(orgId, mutationId('j2'), staffId(2), join('run-0001'));
      await store.communities.applyCommunityMutation(orgId, mutationId('j3'), staffId(3), join('run-0001'));
      expect(
        (await store.communities.applyCommunityMutation(orgId, mutationId('l1'), staffId(1), leave('run-0001'))).status,
      ).toBe('applied');
      const [c] = await store.communities.communitiesSince(orgId, 0, 10);
      expect(c?.memberIds).toEqual([staffId(2), staffId(3)]);
      expect(c?.version).toBe(4);
      expect(await store.communities.communitiesSince(orgId, 4, 10)).toEqual([]);
    });

    it('joining twice or leaving when not a member changes nothing and takes no version', async () => {
      const { store, orgId } = await fresh();
      await store.communities.applyCommunityMutation(orgId, mutationId('c'), staffId(1), create('run-0001'));
      expect(
        (await store.communities.applyCommunityMutation(orgId, mutationId('again'), staffId(1), join('run-0001')))
          .status,
      ).toBe('applied');
      expect(
        (await store.communities.applyCommunityMutation(orgId, mutationId('stray'), staffId(2), leave('run-0001')))
          .status,
      ).toBe('applied');
      expect(await store.communities.communityHead(orgId)).toBe(1);
      expect((await store.communities.communitiesSince(orgId, 0, 10))[0]?.memberIds).toEqual([staffId(1)]);
    });

    it('a replayed mutation id answers duplicate and is applied once, even after a later leave', async () => {
      const { store, orgId } = await fresh();
      await store.communities.applyCommunityMutation(orgId, mutationId('c'), staffId(1), create('run-0001'));
      const joinId = mutationId('join');
      expect((await store.communities.applyCommunityMutation(orgId, joinId, staffId(2), join('run-0001'))).status).toBe(
        'applied',
      );
      await store.communities.applyCommunityMutation(orgId, mutationId('leave'), staffId(2), leave('run-0001'));
      expect(await store.communities.applyCommunityMutation(orgId, joinId, staffId(2), join('run-0001'))).toEqual({
        status: 'duplicate',
      });
      expect((await store.communities.communitiesSince(orgId, 0, 10))[0]?.memberIds).toEqual([staffId(1)]);
    });

    it('a no-op join is recorded too: replayed after a leave, it does not join again', async () => {
      const { store, orgId } = await fresh();
      await store.communities.applyCommunityMutation(orgId, mutationId('c'), staffId(1), create('run-0001'));
      const noop = mutationId('noop');
      await store.communities.applyCommunityMutation(orgId, noop, staffId(1), join('run-0001'));
      await store.communities.applyCommunityMutation(orgId, mutationId('leave'), staffId(1), leave('run-0001'));
      expect((await store.communities.applyCommunityMutation(orgId, noop, staffId(1), join('run-0001'))).status).toBe(
        'duplicate',
      );
      expect((await store.communities.communitiesSince(orgId, 0, 10))[0]?.memberIds).toEqual([]);
    });

    it('shares the mutation id space with profile mutations: a profile edit id cannot be reused', async () => {
      const { store, orgId } = await fresh();
      await store.communities.applyCommunityMutation(orgId, mutationId('c'), staffId(1), create('run-0001'));
      const id = mutationId('shared');
      await store.communities.applyCommunityMutation(orgId, id, staffId(2), join('run-0001'));
      // The profile path sees the record the community path wrote (the actor has no profile here,
      // so without the record this would be "rejected: not found" rather than a duplicate).
      expect(await store.directory.applyMutation(orgId, id, staffId(2), (p) => p)).toEqual({ status: 'duplicate' });
    });

    it("another person's mutation id is rejected and changes nothing", async () => {
      const { store, orgId } = await fresh();
      const id = mutationId('mine');
      await store.communities.applyCommunityMutation(orgId, id, staffId(1), create('run-0001'));
      expect((await store.communities.applyCommunityMutation(orgId, id, staffId(2), join('run-0001'))).status).toBe(
        'rejected',
      );
      expect((await store.communities.communitiesSince(orgId, 0, 10))[0]?.memberIds).toEqual([staffId(1)]);
    });

    it('join of a community that does not exist, and a second create of one id, are rejected and write nothing', async () => {
      const { store, orgId } = await fresh();
      expect(
        (await store.communities.applyCommunityMutation(orgId, mutationId('j'), staffId(1), join('nowhere-1'))).status,
      ).toBe('rejected');
      await store.communities.applyCommunityMutation(orgId, mutationId('c1'), staffId(1), create('run-0001'));
      const again = await store.communities.applyCommunityMutation(
        orgId,
        mutationId('c2'),
        staffId(2),
        create('run-0001', '別名'),
      );
      expect(again.status).toBe('rejected');
      expect(await store.communities.communityHead(orgId)).toBe(1);
      expect((await store.communities.communitiesSince(orgId, 0, 10))[0]?.name).toBe('ランニング');
      // A rejection is not recorded: the same id can still be used once the community exists.
      expect(
        (await store.communities.applyCommunityMutation(orgId, mutationId('j'), staffId(1), join('run-0001'))).status,
      ).toBe('applied');
    });

    it(
      '12 people joining one community at once: every join lands, with 12 unique consecutive versions',
      async () => {
        const { store, orgId } = await fresh();
        await store.communities.applyCommunityMutation(orgId, mutationId('c'), staffId(0), create('run-0001'));
        const people = Array.from({ length: 12 }, (_, i) => staffId(i + 1));
        const outcomes = await Promise.all(
          people.map((p, i) =>
            store.communities.applyCommunityMutation(orgId, mutationId(`j${i}`), p, join('run-0001')),
          ),
        );
        const versions = outcomes.map((o) => (o.status === 'applied' ? o.version : -1)).sort((a, b) => a - b);
        expect(versions).toEqual(Array.from({ length: 12 }, (_, i) => i + 2));
        const [c] = await store.communities.communitiesSince(orgId, 0, 10);
        expect([...(c?.memberIds ?? [])].sort()).toEqual([staffId(0), ...people].sort());
        expect(c?.version).toBe(13);
      },
      SLOW,
    );

    it('two tabs sending one join at once: one applied, one duplicate, one membership', async () => {
      const { store, orgId } = await fresh();
      await store.communities.applyCommunityMutation(orgId, mutationId('c'), staffId(0), create('run-0001'));
      const id = mutationId('twice');
      const outcomes = await Promise.all([
        store.communities.applyCommunityMutation(orgId, id, staffId(1), join('run-0001')),
        store.communities.applyCommunityMutation(orgId, id, staffId(1), join('run-0001')),
      ]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(['applied', 'duplicate']);
      expect((await store.communities.communitiesSince(orgId, 0, 10))[0]?.memberIds).toEqual([staffId(0), staffId(1)]);
      expect(await store.communities.communityHead(orgId)).toBe(2);
    });

    it('communitiesSince pages in version order; a changed community moves to its new version', async () => {
      const { store, orgId } = await fresh();
      for (const n of [1, 2, 3]) {
        await store.communities.applyCommunityMutation(
          orgId,
          mutationId(`c${n}`),
          staffId(n),
          create(`comm-000${n}`, `会${n}`),
        );
      }
      await store.communities.applyCommunityMutation(orgId, mutationId('j'), staffId(9), join('comm-0001'));
      const first = await store.communities.communitiesSince(orgId, 0, 2);
      expect(first.map((c) => [c.id, c.version])).toEqual([
        ['comm-0002', 2],
        ['comm-0003', 3],
      ]);
      const rest = await store.communities.communitiesSince(orgId, 3, 2);
      expect(rest.map((c) => [c.id, c.version])).toEqual([['comm-0001', 4]]);
      expect(await store.communities.communitiesSince(orgId, 4, 2)).toEqual([]);
    });
  });
}
