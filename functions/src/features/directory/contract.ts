/**
 * The directory's store contract: what both implementations must do, run against each of them
 * (features/contracts.test.ts, features/contracts.standin.test.ts). Every test uses its own organisation id, so one
 * store may be shared by all of them.
 */
import { problem } from '../../../../src/domain/problems';
import { describe, expect, it } from 'vitest';
import type { SnapshotManifest } from '../../../../src/domain/protocol';
import { toDirectoryRecord, type StaffProfile } from '../../../../src/domain/staff';
import { freshOrgId, makeProfile, makeProfiles, mutationId, staffId, UNITS } from '../../testing/fixtures';
import type { ServerStores } from '../stores';
import { BULK_PROFILES_PER_BATCH, reject } from './port';

const SLOW = 60_000;

export function runDirectoryContract(name: string, makeStore: () => ServerStores | Promise<ServerStores>): void {
  describe(`store contract, directory: ${name}`, () => {
    async function seeded(count: number): Promise<{ store: ServerStores; orgId: string }> {
      const store = await makeStore();
      const orgId = freshOrgId();
      await store.directory.putStaffBulk(orgId, makeProfiles(count));
      return { store, orgId };
    }

    const setIntro =
      (intro: string) =>
      (p: StaffProfile): StaffProfile => ({ ...p, intro });

    function manifest(id: string, version: number, chunkCount: number): SnapshotManifest {
      return { id, version, chunkCount, staffCount: chunkCount * 2, createdAt: '2025-04-01T00:00:00.000Z' };
    }

    it('an empty organisation has no staff, no units, no snapshot and version 0', async () => {
      const store = await makeStore();
      const orgId = freshOrgId();
      expect(await store.directory.getStaff(orgId, staffId(1))).toBeNull();
      expect(await store.directory.listStaff(orgId, { limit: 10 })).toEqual([]);
      expect(await store.directory.listUnits(orgId)).toEqual([]);
      expect(await store.directory.getDirectoryMeta(orgId)).toEqual({ snapshot: null, headVersion: 0, logFloor: 0 });
      expect(await store.directory.headVersion(orgId)).toBe(0);
      expect(await store.directory.changesSince(orgId, 0, 10)).toEqual([]);
    });

    it('putStaffBulk stores whole profiles and getStaff returns them unchanged', async () => {
      const store = await makeStore();
      const orgId = freshOrgId();
      const p = makeProfile(7, { intro: '<b>よろしく</b>\n改行あり', hobbies: ['登山'], photo: 'abcdef0123456789' });
      await store.directory.putStaffBulk(orgId, [p]);
      expect(await store.directory.getStaff(orgId, p.id)).toEqual(p);
      expect(await store.directory.getStaff(freshOrgId(), p.id)).toBeNull();
    });

    it(
      'putStaffBulk over several batches logs each profile once, with consecutive versions',
      async () => {
        const count = BULK_PROFILES_PER_BATCH * 2 + 50;
        const { store, orgId } = await seeded(count);
        expect(await store.directory.headVersion(orgId)).toBe(count);
        const changes = await store.directory.changesSince(orgId, 0, count + 10);
        expect(changes.map((c) => c.version)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
        expect(new Set(changes.map((c) => (c.op === 'put' ? c.record.id : c.op === 'remove' ? c.id : c.op))).size).toBe(
          count,
        );
      },
      SLOW,
    );

    it('listStaff pages by id across more than one page, each person exactly once', async () => {
      const { store, orgId } = await seeded(8);
      const seen: string[] = [];
      let afterId: string | undefined;
      for (let pages = 0; pages < 10; pages++) {
        const page = await store.directory.listStaff(
          orgId,
          afterId === undefined ? { limit: 3 } : { afterId, limit: 3 },
        );
        if (page.length === 0) break;
        expect(page.length).toBeLessThanOrEqual(3);
        seen.push(...page.map((p) => p.id));
        afterId = page.at(-1)?.id;
      }
      expect(seen).toEqual(makeProfiles(8).map((p) => p.id));
    });

    it('putUnits replaces the unit list and listUnits returns it', async () => {
      const store = await makeStore();
      const orgId = freshOrgId();
      await store.directory.putUnits(orgId, UNITS);
      expect(await store.directory.listUnits(orgId)).toEqual(UNITS);
      await store.directory.putUnits(orgId, UNITS.slice(0, 2));
      expect(await store.directory.listUnits(orgId)).toEqual(UNITS.slice(0, 2));
    });

    it('putSnapshot then getSnapshotChunk returns the same bytes, and the meta points at the snapshot', async () => {
      const store = await makeStore();
      const orgId = freshOrgId();
      const chunks = [new Uint8Array([0x1f, 0x8b, 0, 1, 2, 255]), new Uint8Array(70_000).map((_, i) => i % 251)];
      expect(await store.directory.putSnapshot(orgId, manifest('snap-a', 0, 2), chunks)).toBe('current');
      expect((await store.directory.getDirectoryMeta(orgId)).snapshot).toEqual(manifest('snap-a', 0, 2));
      expect(Array.from((await store.directory.getSnapshotChunk(orgId, 'snap-a', 0)) ?? [])).toEqual(
        Array.from(chunks[0] ?? []),
      );
      expect(Array.from((await store.directory.getSnapshotChunk(orgId, 'snap-a', 1)) ?? [])).toEqual(
        Array.from(chunks[1] ?? []),
      );
      expect(await store.directory.getSnapshotChunk(orgId, 'snap-a', 2)).toBeNull();
      expect(await store.directory.getSnapshotChunk(orgId, 'snap-other', 0)).toBeNull();
      expect(await store.directory.getSnapshotChunk(freshOrgId(), 'snap-a', 0)).toBeNull();
    });

    it('putSnapshot keeps a newer current snapshot when an older one finishes later; old chunks stay readable', async () => {
      const { store, orgId } = await seeded(3);
      await store.directory.putSnapshot(orgId, manifest('snap-new', 3, 1), [new Uint8Array([3])]);
      expect(await store.directory.putSnapshot(orgId, manifest('snap-old', 1, 1), [new Uint8Array([1])])).toBe(
        'superseded',
      );
      expect((await store.directory.getDirectoryMeta(orgId)).snapshot?.id).toBe('snap-new');
      expect(Array.from((await store.directory.getSnapshotChunk(orgId, 'snap-old', 0)) ?? [])).toEqual([1]);
    });

    it('applyMutation applies to the actor, logs the new record with the next version, and moves the head', async () => {
      const { store, orgId } = await seeded(3);
      const outcome = await store.directory.applyMutation(orgId, mutationId(1), staffId(1), setIntro('はじめまして'));
      expect(outcome).toEqual({ status: 'applied', version: 4 });
      const after = await store.directory.getStaff(orgId, staffId(1));
      expect(after?.intro).toBe('はじめまして');
      expect(await store.directory.changesSince(orgId, 3, 10)).toEqual([
        { op: 'put', version: 4, record: toDirectoryRecord(after ?? makeProfile(1)) },
      ]);
      expect(await store.directory.headVersion(orgId)).toBe(4);
      expect((await store.directory.getStaff(orgId, staffId(2)))?.intro).toBe('');
    });

    it('a replayed mutation id answers duplicate and is applied once', async () => {
      const { store, orgId } = await seeded(2);
      expect((await store.directory.applyMutation(orgId, mutationId('r'), staffId(0), setIntro('一回目'))).status).toBe(
        'applied',
      );
      expect(await store.directory.applyMutation(orgId, mutationId('r'), staffId(0), setIntro('二回目'))).toEqual({
        status: 'duplicate',
      });
      expect((await store.directory.getStaff(orgId, staffId(0)))?.intro).toBe('一回目');
      expect(await store.directory.headVersion(orgId)).toBe(3);
    });

    it("another person's mutation id is rejected, not taken for a duplicate, and changes nothing", async () => {
      const { store, orgId } = await seeded(2);
      await store.directory.applyMutation(orgId, mutationId('shared'), staffId(0), setIntro('私の'));
      const outcome = await store.directory.applyMutation(orgId, mutationId('shared'), staffId(1), setIntro('他人の'));
      expect(outcome.status).toBe('rejected');
      expect((await store.directory.getStaff(orgId, staffId(1)))?.intro).toBe('');
      expect(await store.directory.headVersion(orgId)).toBe(3);
    });

    it('a rejection from apply writes nothing, so the same id can still be applied later', async () => {
      const { store, orgId } = await seeded(1);
      const id = mutationId('later');
      expect(
        await store.directory.applyMutation(orgId, id, staffId(0), () => reject(problem('probe.refused'))),
      ).toEqual({
        status: 'rejected',
        problem: problem('probe.refused'),
      });
      expect(await store.directory.headVersion(orgId)).toBe(1);
      expect(await store.directory.changesSince(orgId, 1, 10)).toEqual([]);
      expect((await store.directory.applyMutation(orgId, id, staffId(0), setIntro('今度こそ'))).status).toBe('applied');
    });

    it('a mutation by someone with no profile is rejected and writes nothing', async () => {
      const { store, orgId } = await seeded(1);
      const outcome = await store.directory.applyMutation(orgId, mutationId('ghost'), 'nobody', setIntro('x'));
      expect(outcome.status).toBe('rejected');
      expect(await store.directory.getStaff(orgId, 'nobody')).toBeNull();
      expect(await store.directory.headVersion(orgId)).toBe(1);
    });

    it('an apply that throws fails the call and writes nothing', async () => {
      const { store, orgId } = await seeded(1);
      const boom = () => {
        throw new Error('boom');
      };
      await expect(store.directory.applyMutation(orgId, mutationId('boom'), staffId(0), boom)).rejects.toThrow('boom');
      expect(await store.directory.headVersion(orgId)).toBe(1);
      expect((await store.directory.applyMutation(orgId, mutationId('boom'), staffId(0), setIntro('ok'))).status).toBe(
        'applied',
      );
    });

    it(
      '20 concurrent mutations with distinct ids on one profile: all applied, 20 unique consecutive versions, no lost update',
      async () => {
        const { store, orgId } = await seeded(2);
        const head = await store.directory.headVersion(orgId);
        const outcomes = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            store.directory.applyMutation(orgId, mutationId(`c${i}`), staffId(1), (p) => ({
              ...p,
              hobbies: [...p.hobbies, `趣味${i}`],
            })),
          ),
        );
        const versions = outcomes.map((o) => (o.status === 'applied' ? o.version : -1));
        expect([...versions].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => head + 1 + i));
        expect(await store.directory.headVersion(orgId)).toBe(head + 20);
        // Each write saw the one before it: no hobby is lost, and the log tells the same story.
        const final = await store.directory.getStaff(orgId, staffId(1));
        expect([...(final?.hobbies ?? [])].sort()).toEqual(Array.from({ length: 20 }, (_, i) => `趣味${i}`).sort());
        const changes = await store.directory.changesSince(orgId, head, 100);
        expect(changes.map((c) => c.version)).toEqual(Array.from({ length: 20 }, (_, i) => head + 1 + i));
        expect(changes.map((c) => (c.op === 'put' ? c.record.hobbies.length : -1))).toEqual(
          Array.from({ length: 20 }, (_, i) => i + 1),
        );
      },
      SLOW,
    );

    it('two concurrent calls with one mutation id: one applied, one duplicate, and the losing batch wrote nothing', async () => {
      const { store, orgId } = await seeded(1);
      const id = mutationId('twice');
      const outcomes = await Promise.all([
        store.directory.applyMutation(orgId, id, staffId(0), setIntro('タブA')),
        store.directory.applyMutation(orgId, id, staffId(0), setIntro('タブB')),
      ]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(['applied', 'duplicate']);
      expect(await store.directory.headVersion(orgId)).toBe(2);
      const changes = await store.directory.changesSince(orgId, 1, 10);
      expect(changes).toHaveLength(1);
      const intro = (await store.directory.getStaff(orgId, staffId(0)))?.intro;
      expect(changes[0]?.op === 'put' ? changes[0].record.intro : null).toBe(intro);
    });

    it('changesSince pages across a page boundary without losing or repeating a change', async () => {
      const { store, orgId } = await seeded(1);
      for (let i = 0; i < 7; i++)
        await store.directory.applyMutation(orgId, mutationId(`p${i}`), staffId(0), setIntro(`v${i}`));
      const head = await store.directory.headVersion(orgId);
      const got: number[] = [];
      let since = 0;
      for (let pages = 0; pages < 10; pages++) {
        const page = await store.directory.changesSince(orgId, since, 3);
        if (page.length === 0) break;
        got.push(...page.map((c) => c.version));
        since = page.at(-1)?.version ?? since;
      }
      expect(got).toEqual(Array.from({ length: head }, (_, i) => i + 1));
      expect(await store.directory.changesSince(orgId, head, 3)).toEqual([]);
    });

    it('putPhoto then getPhoto returns the same owner and bytes; another id or organisation has none', async () => {
      const store = await makeStore();
      const orgId = freshOrgId();
      const thumb = new Uint8Array(16_000).map((_, i) => i % 253);
      const large = new Uint8Array(150_000).map((_, i) => (i * 7) % 256);
      await store.directory.putPhoto(orgId, { id: 'a1b2c3d4e5f60718', owner: staffId(1), thumb, large });
      const got = await store.directory.getPhoto(orgId, 'a1b2c3d4e5f60718');
      expect(got?.owner).toBe(staffId(1));
      expect(got?.thumb).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(got?.thumb ?? []).equals(Buffer.from(thumb))).toBe(true);
      expect(Buffer.from(got?.large ?? []).equals(Buffer.from(large))).toBe(true);
      expect(await store.directory.getPhoto(orgId, 'ffffffffffffffff')).toBeNull();
      expect(await store.directory.getPhoto(freshOrgId(), 'a1b2c3d4e5f60718')).toBeNull();
    });

    it('trimChanges refuses to pass the current snapshot, raises the floor, and deletes only what it covers', async () => {
      const { store, orgId } = await seeded(5);
      await expect(store.directory.trimChanges(orgId, 1)).rejects.toThrow(RangeError);
      await store.directory.putSnapshot(orgId, manifest('snap-t', 3, 0), []);
      await expect(store.directory.trimChanges(orgId, 4)).rejects.toThrow(RangeError);
      expect(await store.directory.trimChanges(orgId, 3)).toBe(3);
      expect((await store.directory.getDirectoryMeta(orgId)).logFloor).toBe(3);
      expect((await store.directory.changesSince(orgId, 0, 10)).map((c) => c.version)).toEqual([4, 5]);
    });

    it('a retired profile (roster import) is logged as a removal, and stays readable on the server', async () => {
      const store = await makeStore();
      const orgId = freshOrgId();
      const p = makeProfile(1);
      await store.directory.putStaffBulk(orgId, [p]);
      await store.directory.putStaffBulk(orgId, [{ ...p, status: 'retired' }]);
      expect(await store.directory.changesSince(orgId, 0, 10)).toEqual([
        { op: 'put', version: 1, record: toDirectoryRecord(p) },
        { op: 'remove', version: 2, id: p.id },
      ]);
      expect((await store.directory.getStaff(orgId, p.id))?.status).toBe('retired');
    });

    it('unit changes are one write of the unit list and a logged change each, after the people', async () => {
      const { store, orgId } = await seeded(2);
      await store.directory.putUnits(orgId, UNITS);
      const [first, second] = UNITS;
      if (!first || !second) throw new Error('fixtures have units');
      const renamed = { ...first, name: `${first.name}（新）` };
      await store.directory.putUnitChanges(orgId, { put: [renamed], remove: [second.id] });
      expect(await store.directory.changesSince(orgId, 2, 10)).toEqual([
        { op: 'unit', version: 3, unit: renamed },
        { op: 'unitRemove', version: 4, id: second.id },
      ]);
      expect(await store.directory.headVersion(orgId)).toBe(4);
      const units = await store.directory.listUnits(orgId);
      expect(units.find((u) => u.id === first.id)).toEqual(renamed);
      expect(units.some((u) => u.id === second.id)).toBe(false);
      expect(units).toHaveLength(UNITS.length - 1);
    });

    it('the roster due day is kept in the directory head, and cleared', async () => {
      const store = await makeStore();
      const orgId = freshOrgId();
      await store.directory.setRosterDue(orgId, '2026-04-01');
      expect((await store.directory.getDirectoryMeta(orgId)).rosterDue).toBe('2026-04-01');
      await store.directory.setRosterDue(orgId, null);
      expect(await store.directory.getDirectoryMeta(orgId)).toEqual({ snapshot: null, headVersion: 0, logFloor: 0 });
    });
  });
}
