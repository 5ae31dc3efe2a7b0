/**
 * POST /sync's contract, on the stores `make` builds: run on the twins (sync.test.ts) and on the
 * Firestore adapters against the stand-in (features/contracts.standin.test.ts), so the read
 * counts below are those of the very code that runs in production.
 */
import { describe, expect, it } from 'vitest';
import { FEED_NAMES, SYNC_FEEDS, type FeedName } from '../../../src/domain/sync-protocol';
import { seedOrganisation } from '../features/directory/seed';
import type { ServerStores } from '../features/stores';
import { claimsFor, freshOrgId, makeProfiles, mutationId, staffId, UNITS } from '../testing/fixtures';
import { pushMutations } from './push-mutations';
import { syncFeeds } from './sync';
import * as v from 'valibot';

const at = '2026-11-30T09:00:00.000Z';
const FRESH = {
  directory: { snapshotId: null, version: 0 },
  communities: { version: 0 },
  yells: { version: 0 },
  notifications: { version: 0 },
  nominations: { version: 0 },
  trainings: { version: 0 },
  surveys: { version: 0 },
};

const yell = (n: number, to: number) => ({
  kind: 'yell.send',
  id: mutationId(`sync-yell-${n}`),
  createdAt: at,
  yellId: `yell-sync-${String(n).padStart(4, '0')}`,
  to: [staffId(to)],
  message: 'いつもありがとう',
  value: 'tasukeai',
  visibility: 'public',
});

/** Each answer checked by its feed's schema. */
function answers(res: { feeds: Record<string, unknown> }) {
  const out: Partial<Record<FeedName, unknown>> = {};
  for (const name of FEED_NAMES) if (name in res.feeds) out[name] = v.parse(SYNC_FEEDS[name].answer, res.feeds[name]);
  return out;
}

/** The cursors a device holds after applying `res` on top of `cursors`. */
function advance(cursors: Record<FeedName, unknown>, res: { feeds: Record<string, unknown> }) {
  const a = answers(res);
  const next: Record<FeedName, unknown> = { ...cursors };
  for (const name of FEED_NAMES) {
    const answer = a[name];
    if (!answer || typeof answer !== 'object') continue;
    if (name === 'directory') {
      const d = v.parse(SYNC_FEEDS.directory.answer, answer);
      next.directory =
        d.kind === 'snapshot'
          ? { snapshotId: d.snapshot.id, version: d.snapshot.version }
          : { ...v.parse(SYNC_FEEDS.directory.cursor, cursors.directory), version: d.version };
    } else next[name] = { version: v.parse(v.object({ version: v.number() }), answer).version };
  }
  return next;
}

export function runSyncContract(name: string, make: () => ServerStores): void {
  describe(`POST /sync: ${name}`, () => {
    async function org() {
      const store = make();
      const orgId = freshOrgId('sync');
      await seedOrganisation(store, { orgId, units: UNITS, staff: makeProfiles(6) });
      const as = (n: number) => claimsFor(n, 'staff', orgId);
      const push = async (n: number, mutations: unknown[]) => {
        const { results } = await pushMutations(store, as(n), { mutations });
        for (const r of results) expect(r.status).toBe('applied');
      };
      const sync = (n: number, feeds: Record<string, unknown>) => syncFeeds(store, as(n), { feeds });
      return { store, orgId, as, push, sync };
    }

    /** Syncs until no cursor moves, as the device does (a snapshot is followed by the changes after it). */
    async function catchUp(sync: (feeds: Record<string, unknown>) => Promise<{ feeds: Record<string, unknown> }>) {
      let cursors: Record<FeedName, unknown> = { ...FRESH };
      for (let round = 0; round < 10; round++) {
        const next = advance(cursors, await sync(cursors));
        if (JSON.stringify(next) === JSON.stringify(cursors)) return { cursors };
        cursors = next;
      }
      throw new Error('the feeds never caught up');
    }

    it('nothing changed: every feed "up to date", read in one batched get of at most one document per feed', async () => {
      const { store, push, sync, as } = await org();
      await push(1, [yell(1, 2)]);
      await push(3, [
        {
          kind: 'community.create',
          id: mutationId('sync-c1'),
          createdAt: at,
          communityId: 'sync-community-c',
          name: '朝活',
          description: '',
        },
      ]);
      const { cursors } = await catchUp((feeds) => sync(2, feeds));
      const batches: number[] = [];
      const counting: ServerStores = {
        ...store,
        reader: {
          readAll: async (reads) => {
            batches.push(reads.length);
            await store.reader.readAll(reads);
          },
        },
      };
      const { result, reads } = await store.reads.measure(() => syncFeeds(counting, as(2), { feeds: cursors }));
      expect(batches).toEqual([FEED_NAMES.length]);
      expect(reads).toBeGreaterThan(0);
      expect(reads).toBeLessThanOrEqual(FEED_NAMES.length);
      const a = answers(result);
      expect(a.directory).toEqual({
        kind: 'upToDate',
        version: v.parse(SYNC_FEEDS.directory.cursor, cursors.directory).version,
      });
      for (const feed of ['communities', 'yells', 'notifications', 'nominations', 'trainings'] as const) {
        const { version } = v.parse(SYNC_FEEDS[feed].cursor, cursors[feed]);
        expect(a[feed], feed).toMatchObject({ version, more: false, reset: false });
      }
      // The small whole values come only with a change.
      expect(a.yells).not.toHaveProperty('settings');
      expect(a.yells).not.toHaveProperty('me');
      expect(a.nominations).not.toHaveProperty('awards');
    });

    it('a change on one feed is read on that feed only; my counts and the settings come with the yells feed', async () => {
      const { push, sync } = await org();
      const { cursors } = await catchUp((feeds) => sync(2, feeds));
      await push(1, [yell(2, 2)]);
      const a = answers(await sync(2, cursors));
      expect(a.directory).toMatchObject({ kind: 'upToDate' });
      expect(a.communities).toMatchObject({ communities: [], reset: false });
      const y = v.parse(SYNC_FEEDS.yells.answer, a.yells);
      expect(y.yells.map((x) => x.id)).toEqual(['yell-sync-0002']);
      expect(y.me).toMatchObject({ received: 1, sent: 0 });
      expect(y.settings?.dailyCap).toBeGreaterThan(0);
      const n = v.parse(SYNC_FEEDS.notifications.answer, a.notifications);
      expect(n.notifications.map((x) => x.kind)).toEqual(['yell.received']);
    });

    it('a settings or award-list change moves its feed, so the next sync carries it', async () => {
      const { store, orgId, sync } = await org();
      const first = await catchUp((feeds) => sync(2, feeds));
      await store.yells.putRecognitionSettings(orgId, { values: [{ id: 'kaizen', label: 'カイゼン' }], dailyCap: 3 });
      await store.nominations.putAwards(orgId, [{ id: 'kucho', label: '区長賞' }]);
      const a = answers(await sync(2, first.cursors));
      expect(v.parse(SYNC_FEEDS.yells.answer, a.yells).settings).toEqual({
        values: [{ id: 'kaizen', label: 'カイゼン' }],
        dailyCap: 3,
      });
      expect(v.parse(SYNC_FEEDS.nominations.answer, a.nominations).awards).toEqual({
        awards: [{ id: 'kucho', label: '区長賞' }],
      });
    });

    it('a device ahead of a re-seeded server starts every versioned feed again from 0, and gets its notifications', async () => {
      // Before the reseed: much activity, so the device's cursors are far along.
      const before = await org();
      for (let i = 0; i < 6; i++) await before.push(1 + (i % 3), [yell(10 + i, 4)]);
      await before.push(4, [
        { kind: 'profile.update', id: mutationId('sync-p1'), createdAt: at, patch: { intro: 'よろしく' } },
      ]);
      await before.push(5, [
        {
          kind: 'community.create',
          id: mutationId('sync-c2'),
          createdAt: at,
          communityId: 'sync-community-d',
          name: '読書会',
          description: '',
        },
      ]);
      const { cursors } = await catchUp((feeds) => before.sync(4, feeds));
      expect(v.parse(SYNC_FEEDS.notifications.cursor, cursors.notifications).version).toBeGreaterThan(3);
      // The reseed: the same organisation from scratch, with one yell to the same person.
      const after = await org();
      await after.push(1, [yell(99, 4)]);
      const a = answers(await after.sync(4, cursors));
      expect(a.directory).toMatchObject({ kind: 'snapshot' });
      const n = v.parse(SYNC_FEEDS.notifications.answer, a.notifications);
      expect(n).toMatchObject({ reset: true, more: false });
      expect(n.notifications.map((x) => x.yellId)).toEqual(['yell-sync-0099']);
      expect(a.yells).toMatchObject({ reset: true });
      expect(v.parse(SYNC_FEEDS.yells.answer, a.yells).yells.map((x) => x.id)).toEqual(['yell-sync-0099']);
      expect(a.communities).toMatchObject({ reset: true, communities: [] });
      // The device was not ahead on nominations (none before the reseed either): no reset there.
      expect(a.nominations).toMatchObject({ reset: false, version: 0, nominations: [] });
    });

    it('answers only the feeds named, ignores a feed it does not know, and refuses a malformed cursor', async () => {
      const { sync } = await org();
      const res = await sync(2, { communities: { version: 0 }, quizzes: { version: 3 } });
      expect(Object.keys(res.feeds)).toEqual(['communities']);
      await expect(sync(2, { yells: { version: -1 } })).rejects.toMatchObject({ status: 400 });
      await expect(sync(2, { directory: { version: 0 } })).rejects.toMatchObject({ status: 400 });
    });
  });
}
