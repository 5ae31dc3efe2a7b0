/**
 * The commendations' store contract (port.ts), run on the in-memory twin and on the firebase-admin
 * adapter against the Firestore stand-in by the contract entry points (features/contracts.test.ts,
 * features/contracts.standin.test.ts). Each test uses its own organisation id.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_AWARDS,
  type NominationContext,
  type NominationIntent,
  type NominationStatus,
} from '../../../../src/domain/nominations';
import { freshOrgId, mutationId, staffId } from '../../testing/fixtures';
import type { ServerStores } from '../stores';

const SLOW = 60_000;
const NOMINATION = 'nom-00000001';

const ctx = (reviewer = staffId(90)): NominationContext => ({
  awards: DEFAULT_AWARDS,
  reviewer: { staffId: reviewer, committee: true, sectionId: 'ka-2' },
  nomineeSections: ['ka-1'],
  now: '2026-06-01T00:00:00.000Z',
});
const create = (nominationId = NOMINATION): NominationIntent => ({
  kind: 'nomination.create',
  nominationId,
  awardId: 'shokuin',
  nominees: [staffId(2)],
  teamName: '',
  reason: '窓口の待ち時間を半分にした',
  yellIds: [],
  createdAt: '2026-05-01T00:00:00.000Z',
});
const endorse: NominationIntent = { kind: 'nomination.endorse', nominationId: NOMINATION };
const review = (from: NominationStatus, to: NominationStatus, comment = ''): NominationIntent => ({
  kind: 'nomination.review',
  nominationId: NOMINATION,
  from,
  to,
  comment,
});

export function runNominationContract(name: string, makeStore: () => ServerStores | Promise<ServerStores>): void {
  describe(`store contract, nominations: ${name}`, () => {
    async function withNomination(): Promise<{ store: ServerStores; orgId: string }> {
      const store = await makeStore();
      const orgId = freshOrgId('nom');
      const outcome = await store.nominations.applyNominationMutation(
        orgId,
        mutationId('create'),
        staffId(1),
        create(),
        ctx(),
      );
      expect(outcome).toEqual({ status: 'applied', version: 1 });
      return { store, orgId };
    }

    it('an organisation with no nominations is at version 0, lists none, and has no awards of its own', async () => {
      const store = await makeStore();
      const orgId = freshOrgId('nom');
      expect(await store.nominations.nominationHead(orgId)).toBe(0);
      expect(await store.nominations.nominationsSince(orgId, 0, 10)).toEqual([]);
      expect(await store.nominations.getNomination(orgId, NOMINATION)).toBeNull();
      expect(await store.nominations.getAwards(orgId)).toBeNull();
      await store.nominations.putAwards(orgId, [{ id: 'kucho', label: '区長賞' }]);
      expect(await store.nominations.getAwards(orgId)).toEqual([{ id: 'kucho', label: '区長賞' }]);
    });

    it('create stores a submitted nomination at version 1 with its audit entry', async () => {
      const { store, orgId } = await withNomination();
      const n = await store.nominations.getNomination(orgId, NOMINATION);
      expect(n).toMatchObject({ status: 'submitted', nominator: staffId(1), nominees: [staffId(2)], version: 1 });
      expect(await store.nominations.nominationsSince(orgId, 0, 10)).toEqual([n]);
      expect(await store.nominations.nominationAudit(orgId, NOMINATION)).toEqual([
        {
          nominationId: NOMINATION,
          version: 1,
          at: '2026-06-01T00:00:00.000Z',
          actor: staffId(1),
          action: 'create',
          from: null,
          to: 'submitted',
          comment: '',
        },
      ]);
    });

    it('endorsing twice with a new mutation id is rejected and writes nothing; a replay is a duplicate', async () => {
      const { store, orgId } = await withNomination();
      expect(
        (await store.nominations.applyNominationMutation(orgId, mutationId('e1'), staffId(3), endorse, ctx())).status,
      ).toBe('applied');
      expect(
        await store.nominations.applyNominationMutation(orgId, mutationId('e2'), staffId(3), endorse, ctx()),
      ).toEqual({
        status: 'rejected',
        problem: expect.objectContaining({ code: 'nomination.endorseTwice' }),
      });
      expect(
        await store.nominations.applyNominationMutation(orgId, mutationId('e1'), staffId(3), endorse, ctx()),
      ).toEqual({
        status: 'duplicate',
      });
      expect((await store.nominations.getNomination(orgId, NOMINATION))?.endorsers).toEqual([staffId(3)]);
      expect(await store.nominations.nominationHead(orgId)).toBe(2);
    });

    it(
      'one person endorsing from two tabs at once with two ids: one endorsement',
      async () => {
        const { store, orgId } = await withNomination();
        const outcomes = await Promise.all([
          store.nominations.applyNominationMutation(orgId, mutationId('tab1'), staffId(3), endorse, ctx()),
          store.nominations.applyNominationMutation(orgId, mutationId('tab2'), staffId(3), endorse, ctx()),
        ]);
        expect(outcomes.map((o) => o.status).sort()).toEqual(['applied', 'rejected']);
        expect((await store.nominations.getNomination(orgId, NOMINATION))?.endorsers).toEqual([staffId(3)]);
      },
      SLOW,
    );

    it(
      '10 colleagues endorsing at once: every endorsement lands, with unique consecutive versions',
      async () => {
        const { store, orgId } = await withNomination();
        const people = Array.from({ length: 10 }, (_, i) => staffId(10 + i));
        const outcomes = await Promise.all(
          people.map((p, i) =>
            store.nominations.applyNominationMutation(orgId, mutationId(`e${i}`), p, endorse, ctx()),
          ),
        );
        expect(outcomes.map((o) => (o.status === 'applied' ? o.version : -1)).sort((a, b) => a - b)).toEqual(
          Array.from({ length: 10 }, (_, i) => i + 2),
        );
        expect([...((await store.nominations.getNomination(orgId, NOMINATION))?.endorsers ?? [])].sort()).toEqual(
          people,
        );
      },
      SLOW,
    );

    it('review moves the status in order; the audit log keeps every change, earlier entries unchanged', async () => {
      const { store, orgId } = await withNomination();
      await store.nominations.applyNominationMutation(
        orgId,
        mutationId('r1'),
        staffId(90),
        review('submitted', 'under_review'),
        ctx(),
      );
      const before = await store.nominations.nominationAudit(orgId, NOMINATION);
      await store.nominations.applyNominationMutation(
        orgId,
        mutationId('r2'),
        staffId(90),
        review('under_review', 'awarded', '全会一致'),
        ctx(),
      );
      const n = await store.nominations.getNomination(orgId, NOMINATION);
      expect(n?.status).toBe('awarded');
      expect(n?.awardYear).toBe(2026);
      expect(n?.reviews.map((r) => [r.from, r.to, r.comment])).toEqual([
        ['submitted', 'under_review', ''],
        ['under_review', 'awarded', '全会一致'],
      ]);
      const after = await store.nominations.nominationAudit(orgId, NOMINATION);
      expect(after.slice(0, before.length)).toEqual(before);
      expect(after.map((e) => [e.version, e.action, e.to])).toEqual([
        [1, 'create', 'submitted'],
        [2, 'review', 'under_review'],
        [3, 'review', 'awarded'],
      ]);
    });

    it('an out-of-order review is rejected and writes nothing, not even an audit entry', async () => {
      const { store, orgId } = await withNomination();
      expect(
        await store.nominations.applyNominationMutation(
          orgId,
          mutationId('jump'),
          staffId(90),
          review('submitted', 'awarded'),
          ctx(),
        ),
      ).toEqual({ status: 'rejected', problem: expect.objectContaining({ code: 'nomination.outOfOrder' }) });
      expect(await store.nominations.nominationHead(orgId)).toBe(1);
      expect(await store.nominations.nominationAudit(orgId, NOMINATION)).toHaveLength(1);
      // A rejection records nothing: the id is still free.
      expect(
        (
          await store.nominations.applyNominationMutation(
            orgId,
            mutationId('jump'),
            staffId(90),
            review('submitted', 'under_review'),
            ctx(),
          )
        ).status,
      ).toBe('applied');
    });

    it(
      'two reviewers deciding at once (awarded vs not awarded): one wins, the stale one is refused (the version gate; on the stand-in this shows the gate, not transaction isolation)',
      async () => {
        const { store, orgId } = await withNomination();
        await store.nominations.applyNominationMutation(
          orgId,
          mutationId('r1'),
          staffId(90),
          review('submitted', 'under_review'),
          ctx(),
        );
        const outcomes = await Promise.all([
          store.nominations.applyNominationMutation(
            orgId,
            mutationId('ra'),
            staffId(90),
            review('under_review', 'awarded'),
            ctx(),
          ),
          store.nominations.applyNominationMutation(
            orgId,
            mutationId('rb'),
            staffId(91),
            review('under_review', 'not_awarded'),
            ctx(staffId(91)),
          ),
        ]);
        const statuses = outcomes.map((o) => o.status).sort();
        expect(statuses).toEqual(['applied', 'rejected']);
        const loser = outcomes.find((o) => o.status === 'rejected');
        expect(loser).toEqual({
          status: 'rejected',
          problem: expect.objectContaining({ code: 'nomination.staleStatus' }),
        });
        const n = await store.nominations.getNomination(orgId, NOMINATION);
        expect(n?.reviews).toHaveLength(2);
        expect(n?.version).toBe(3);
      },
      SLOW,
    );

    it('consent records the answer once; the same answer again takes no version', async () => {
      const { store, orgId } = await withNomination();
      await store.nominations.applyNominationMutation(
        orgId,
        mutationId('r1'),
        staffId(90),
        review('submitted', 'under_review'),
        ctx(),
      );
      await store.nominations.applyNominationMutation(
        orgId,
        mutationId('r2'),
        staffId(90),
        review('under_review', 'awarded'),
        ctx(),
      );
      const consent: NominationIntent = { kind: 'award.consent', nominationId: NOMINATION, show: true };
      expect(
        await store.nominations.applyNominationMutation(orgId, mutationId('c1'), staffId(2), consent, ctx()),
      ).toEqual({
        status: 'applied',
        version: 4,
      });
      expect(
        await store.nominations.applyNominationMutation(orgId, mutationId('c2'), staffId(2), consent, ctx()),
      ).toEqual({
        status: 'applied',
        version: 0,
      });
      expect((await store.nominations.getNomination(orgId, NOMINATION))?.consent).toEqual({ [staffId(2)]: true });
      expect(await store.nominations.nominationHead(orgId)).toBe(4);
    });

    it('shares the mutation id space with profile mutations', async () => {
      const { store, orgId } = await withNomination();
      expect(await store.directory.applyMutation(orgId, mutationId('create'), staffId(1), (p) => p)).toEqual({
        status: 'duplicate',
      });
      expect(
        (await store.nominations.applyNominationMutation(orgId, mutationId('create'), staffId(5), endorse, ctx()))
          .status,
      ).toBe('rejected');
    });

    it('nominationsSince pages in version order; a changed nomination moves to its new version', async () => {
      const store = await makeStore();
      const orgId = freshOrgId('nom');
      for (const n of [1, 2, 3]) {
        await store.nominations.applyNominationMutation(
          orgId,
          mutationId(`c${n}`),
          staffId(1),
          create(`nom-0000000${n}`),
          ctx(),
        );
      }
      await store.nominations.applyNominationMutation(orgId, mutationId('e'), staffId(5), endorse, ctx());
      expect((await store.nominations.nominationsSince(orgId, 0, 2)).map((n) => [n.id, n.version])).toEqual([
        ['nom-00000002', 2],
        ['nom-00000003', 3],
      ]);
      expect((await store.nominations.nominationsSince(orgId, 3, 2)).map((n) => [n.id, n.version])).toEqual([
        ['nom-00000001', 4],
      ]);
      expect(await store.nominations.nominationsSince(orgId, 4, 2)).toEqual([]);
    });
  });
}
