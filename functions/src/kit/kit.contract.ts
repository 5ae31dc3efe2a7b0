/**
 * The kit's own contract: what the versioned write, the page with reset, the counters, the
 * batched head read and the read counter do, on the twin (kit.test.ts) and on the stand-in
 * (features/contracts.standin.test.ts), through a tiny feature built on the kit (probe.ts).
 */
import { describe, expect, it } from 'vitest';
import { problem } from '../../../src/domain/problems';
import { freshOrgId, mutationId, staffId } from '../testing/fixtures';
import { pageSince } from './page';
import { ALREADY_TOOK_PART, type KitProbe } from './probe';
import { COUNTER_SHARDS } from './counters';

export function runKitContract(name: string, make: () => KitProbe): void {
  describe(`kit contract: ${name}`, () => {
    const fresh = () => ({ probe: make(), orgId: freshOrgId('kit') });

    it('a change takes the next version, with a linked record; the page pages exactly in version order', async () => {
      const { probe, orgId } = fresh();
      const a = await probe.apply(orgId, mutationId('k1'), staffId(1), { id: 'a', value: 1 });
      const b = await probe.apply(orgId, mutationId('k2'), staffId(1), { id: 'b', value: 1 });
      const a2 = await probe.apply(orgId, mutationId('k3'), staffId(2), { id: 'a', value: 2 });
      expect([a, b, a2]).toEqual([
        { status: 'applied', version: 1 },
        { status: 'applied', version: 2 },
        { status: 'applied', version: 3 },
      ]);
      expect(await probe.since(orgId, 0, 10)).toEqual([
        { id: 'b', value: 1, version: 2 },
        { id: 'a', value: 2, version: 3 },
      ]);
      expect(await probe.since(orgId, 2, 10)).toEqual([{ id: 'a', value: 2, version: 3 }]);
      expect(await probe.since(orgId, 0, 1)).toEqual([{ id: 'b', value: 1, version: 2 }]);
      const { mutations } = await probe.stored(orgId);
      expect(mutations).toContainEqual(expect.objectContaining({ actor: staffId(2), version: 3 }));
    });

    it('a replay answers duplicate and writes nothing; another person’s id is rejected', async () => {
      const { probe, orgId } = fresh();
      const id = mutationId('r1');
      await probe.apply(orgId, id, staffId(1), { id: 'a', value: 1 });
      expect(await probe.apply(orgId, id, staffId(1), { id: 'a', value: 5 })).toEqual({ status: 'duplicate' });
      expect(await probe.apply(orgId, id, staffId(2), { id: 'a', value: 5 })).toEqual({
        status: 'rejected',
        problem: expect.objectContaining({ code: 'mutation.idTaken' }),
      });
      expect(await probe.since(orgId, 0, 10)).toEqual([{ id: 'a', value: 1, version: 1 }]);
    });

    it('an intent that changes nothing still records its id (version 0): its replay after a change is a duplicate', async () => {
      const { probe, orgId } = fresh();
      await probe.apply(orgId, mutationId('u1'), staffId(1), { id: 'a', value: 1 });
      const same = mutationId('u2');
      expect(await probe.apply(orgId, same, staffId(1), { id: 'a', value: 1 })).toEqual({
        status: 'applied',
        version: 0,
      });
      await probe.apply(orgId, mutationId('u3'), staffId(1), { id: 'a', value: 2 });
      // Were the no-op not recorded, this replay would set the value back to 1.
      expect(await probe.apply(orgId, same, staffId(1), { id: 'a', value: 1 })).toEqual({ status: 'duplicate' });
      expect(await probe.since(orgId, 0, 10)).toEqual([{ id: 'a', value: 2, version: 2 }]);
    });

    it('a refused intent writes and records nothing: the same id may be used again', async () => {
      const { probe, orgId } = fresh();
      const id = mutationId('x1');
      expect(await probe.apply(orgId, id, staffId(1), { id: 'a', value: 'refuse' })).toEqual({
        status: 'rejected',
        problem: problem('probe.refused'),
      });
      expect((await probe.stored(orgId)).mutations).toEqual([]);
      expect(await probe.apply(orgId, id, staffId(1), { id: 'a', value: 1 })).toEqual({
        status: 'applied',
        version: 1,
      });
    });

    it('twenty writers at once: every one lands once, at versions 1-20', async () => {
      const { probe, orgId } = fresh();
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          probe.apply(orgId, mutationId(`c${i}`), staffId(i + 1), { id: `t${i}`, value: i }),
        ),
      );
      const versions = outcomes.map((o) => (o.status === 'applied' ? o.version : -1)).sort((x, y) => x - y);
      expect(versions).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(await probe.since(orgId, 0, 100)).toHaveLength(20);
    }, 60_000);

    it('an unlinked write records the mutation and the participation, and nothing links the two to the content', async () => {
      const { probe, orgId } = fresh();
      const id = mutationId('survey-1');
      const who = staffId(7);
      expect(await probe.apply(orgId, id, who, { id: 'answer-q1', value: 4 }, 'survey-a')).toEqual({
        status: 'applied',
        version: 1,
      });
      const stored = await probe.stored(orgId);
      // The record says only that the id was applied: no actor, no version, no time.
      expect(stored.mutations).toEqual([{ unlinked: true }]);
      // The participation names the person and the scope, nothing else (no version, no time, no id).
      expect(stored.participations.map((p) => (typeof p === 'string' ? p : JSON.stringify(p)))).toEqual([
        `survey-a_${who}`,
      ]);
      // The content and its version gate name neither the person nor the mutation.
      const text = JSON.stringify([stored.tallies, stored.gates]);
      expect(text).not.toContain(who);
      expect(text).not.toContain(id);
      // A second answer by the same person in the same scope is refused, writing nothing.
      expect(await probe.apply(orgId, mutationId('survey-2'), who, { id: 'answer-q1', value: 5 }, 'survey-a')).toEqual({
        status: 'rejected',
        problem: ALREADY_TOOK_PART,
      });
      // A replay of the same id is a duplicate (whose it was is not kept).
      expect(await probe.apply(orgId, id, who, { id: 'answer-q1', value: 4 }, 'survey-a')).toEqual({
        status: 'duplicate',
      });
      expect(await probe.since(orgId, 0, 10)).toEqual([{ id: 'answer-q1', value: 4, version: 1 }]);
    });

    it('the page with reset: at the head nothing is read; above the head it starts from 0 with reset', async () => {
      const { probe, orgId } = fresh();
      await probe.apply(orgId, mutationId('p1'), staffId(1), { id: 'a', value: 1 });
      await probe.apply(orgId, mutationId('p2'), staffId(1), { id: 'b', value: 1 });
      const fetch = (from: number, n: number) => probe.since(orgId, from, n);
      const before = probe.reads.total;
      expect(await pageSince(2, 2, 10, fetch)).toEqual({ items: [], version: 2, more: false, reset: false });
      expect(probe.reads.total).toBe(before);
      const ahead = await pageSince(2, 9, 10, fetch);
      expect(ahead).toMatchObject({ version: 2, more: false, reset: true });
      expect(ahead.items.map((t) => t.id)).toEqual(['a', 'b']);
      expect(await pageSince(2, 0, 1, fetch)).toMatchObject({ version: 1, more: true, reset: false });
    });

    it('heads of several feeds in one batched read, counted one read each', async () => {
      const { probe } = fresh();
      const orgs = [freshOrgId('kit'), freshOrgId('kit'), freshOrgId('kit')];
      const [first] = orgs;
      if (!first) throw new Error('no org');
      await probe.apply(first, mutationId('h1'), staffId(1), { id: 'a', value: 1 });
      const heads = orgs.map((o) => probe.head(o));
      const { reads } = await probe.reads.measure(() => probe.reader.readAll(heads.map((h) => h.read)));
      expect(reads).toBe(3);
      expect(heads.map((h) => h.value())).toEqual([1, 0, 0]);
    });

    it('sharded counters sum every increment; a read costs one read per shard', async () => {
      const { probe, orgId } = fresh();
      await Promise.all(
        Array.from({ length: 12 }, (_, v) => probe.count(orgId, 'c', v + 1, { total: 1, odd: (v + 1) % 2 })),
      );
      const { result, reads } = await probe.reads.measure(() => probe.counts(orgId, 'c'));
      expect(result).toEqual({ total: 12, odd: 6 });
      expect(reads).toBe(COUNTER_SHARDS);
    });
  });
}
