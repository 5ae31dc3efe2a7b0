/**
 * The エール store contract (port.ts), with the notifications a yell causes, run on the in-memory
 * twin and on the firebase-admin adapter against the Firestore stand-in by the contract entry points
 * (features/contracts.test.ts, features/contracts.standin.test.ts). Each test uses its own
 * organisation id.
 */
import { describe, expect, it } from 'vitest';
import { yellClappedNotificationId, yellReceivedNotificationId } from '../../../../src/domain/notifications';
import { ORG_SCOPE } from '../../../../src/domain/yell-aggregate';
import { DEFAULT_RECOGNITION_SETTINGS, type RecognitionSettings } from '../../../../src/domain/yells';
import { freshOrgId, mutationId, staffId } from '../../testing/fixtures';
import type { ServerStores } from '../stores';
import type { YellContext, YellIntent } from './port';

const SLOW = 120_000;
const NOW = new Date('2026-11-30T01:00:00.000Z'); // 10:00 in Tokyo

/** Everyone sits in 部 b1 except ids 50 and up, who are in 部 b2. */
function pathOf(id: string): string[] {
  const n = Number(id.slice(1));
  return n >= 50 ? ['b2', 'b2k1', 'b2k1s1'] : ['b1', 'b1k1', 'b1k1s1'];
}

function ctx(
  ids: readonly string[],
  over: { settings?: RecognitionSettings; now?: Date; unknown?: readonly string[] } = {},
): YellContext {
  const paths = new Map<string, readonly string[]>();
  for (const id of ids) if (!over.unknown?.includes(id)) paths.set(id, pathOf(id));
  return { settings: over.settings ?? DEFAULT_RECOGNITION_SETTINGS, paths, now: over.now ?? NOW };
}

const sendIntent = (
  yellId: string,
  to: readonly string[],
  over: Partial<Extract<YellIntent, { kind: 'yell.send' }>> = {},
): YellIntent => ({
  kind: 'yell.send',
  yellId,
  to,
  message: 'いつも助けてくれてありがとう',
  value: 'tasukeai',
  visibility: 'public',
  ...over,
});
const clap = (yellId: string): YellIntent => ({ kind: 'yell.clap', yellId });

export function runYellContract(name: string, makeStore: () => ServerStores | Promise<ServerStores>): void {
  describe(`store contract, エール and notifications: ${name}`, () => {
    async function fresh(): Promise<{ store: ServerStores; orgId: string }> {
      return { store: await makeStore(), orgId: freshOrgId('yell') };
    }

    async function send(
      store: ServerStores,
      orgId: string,
      from: string,
      yellId: string,
      to: readonly string[],
      over: Partial<Extract<YellIntent, { kind: 'yell.send' }>> = {},
      context: YellContext = ctx([from, ...to]),
    ) {
      return store.yells.applyYellMutation(
        orgId,
        mutationId(`send-${yellId}`),
        from,
        sendIntent(yellId, to, over),
        context,
      );
    }

    it('an organisation with no エール: version 0, nothing to see, default settings, empty counts', async () => {
      const { store, orgId } = await fresh();
      expect(await store.yells.yellHead(orgId)).toBe(0);
      expect(await store.yells.yellsSince(orgId, staffId(1), 0, 10)).toEqual({
        yells: [],
        removed: [],
        version: 0,
        more: false,
        feedOptOut: [],
        head: 0,
      });
      expect(await store.yells.getRecognitionSettings(orgId)).toEqual(DEFAULT_RECOGNITION_SETTINGS);
      expect((await store.yells.getYellScope(orgId, ORG_SCOPE)).total).toBe(0);
      expect(await store.yells.getYellPerson(orgId, staffId(1), '2026-11-30')).toEqual({
        received: 0,
        sent: 0,
        sentOnDay: 0,
      });
      expect(await store.notifications.notificationsSince(orgId, staffId(1), 0, 10)).toEqual([]);
    });

    it('a send is stored at the next version, notifies each recipient and is counted in the same write', async () => {
      const { store, orgId } = await fresh();
      const [a, b, c] = [staffId(1), staffId(2), staffId(60)];
      expect(await send(store, orgId, a, 'yell-0001', [b, c])).toEqual({ status: 'applied', version: 1 });
      const page = await store.yells.yellsSince(orgId, staffId(3), 0, 10);
      expect(page.yells).toEqual([
        {
          id: 'yell-0001',
          from: a,
          to: [b, c],
          message: 'いつも助けてくれてありがとう',
          value: 'tasukeai',
          visibility: 'public',
          createdAt: NOW.toISOString(),
          version: 1,
          clapCount: 0,
          clappedByMe: false,
        },
      ]);
      expect(page.version).toBe(1);
      for (const r of [b, c]) {
        expect(await store.notifications.notificationsSince(orgId, r, 0, 10)).toEqual([
          {
            id: yellReceivedNotificationId('yell-0001'),
            kind: 'yell.received',
            createdAt: NOW.toISOString(),
            actor: a,
            yellId: 'yell-0001',
            version: 1,
          },
        ]);
      }
      expect(await store.notifications.notificationsSince(orgId, a, 0, 10)).toEqual([]);
      const org = await store.yells.getYellScope(orgId, ORG_SCOPE);
      expect(org).toEqual({
        total: 2,
        crossDepartment: 1,
        byValue: { tasukeai: 2 },
        received: { b1: 1, b2: 1 },
        sent: { b1: 2 },
        byMonth: { '2026-11': { count: 2, crossDepartment: 1 } },
      });
      expect((await store.yells.getYellScope(orgId, 'b2k1')).received).toEqual({ b2k1s1: 1 });
      expect(await store.yells.getYellPerson(orgId, a, '2026-11-30')).toEqual({ received: 0, sent: 1, sentOnDay: 1 });
      expect(await store.yells.getYellPerson(orgId, c, '2026-11-30')).toEqual({ received: 1, sent: 0, sentOnDay: 0 });
      expect((await store.yells.getYells(orgId, ['nope-0000', 'yell-0001']))[0]?.clappers).toEqual([]);
    });

    it('a private エール reaches only its sender and recipients: others get not even its id', async () => {
      const { store, orgId } = await fresh();
      await send(store, orgId, staffId(1), 'priv-0001', [staffId(2)], { visibility: 'private' });
      for (const viewer of [staffId(1), staffId(2)]) {
        expect((await store.yells.yellsSince(orgId, viewer, 0, 10)).yells.map((y) => y.id)).toEqual(['priv-0001']);
      }
      const other = await store.yells.yellsSince(orgId, staffId(3), 0, 10);
      expect(other.yells).toEqual([]);
      expect(other.removed).toEqual([]);
      expect(other.version).toBe(1);
    });

    it('a replay answers duplicate and counts nothing twice; another person’s id is rejected', async () => {
      const { store, orgId } = await fresh();
      const id = mutationId('once');
      const intent = sendIntent('yell-0001', [staffId(2)]);
      expect(
        (await store.yells.applyYellMutation(orgId, id, staffId(1), intent, ctx([staffId(1), staffId(2)]))).status,
      ).toBe('applied');
      expect(await store.yells.applyYellMutation(orgId, id, staffId(1), intent, ctx([staffId(1), staffId(2)]))).toEqual(
        {
          status: 'duplicate',
        },
      );
      expect(
        (
          await store.yells.applyYellMutation(
            orgId,
            id,
            staffId(3),
            sendIntent('yell-0002', [staffId(2)]),
            ctx([staffId(3), staffId(2)]),
          )
        ).status,
      ).toBe('rejected');
      expect((await store.yells.getYellScope(orgId, ORG_SCOPE)).total).toBe(1);
      expect(await store.notifications.notificationsSince(orgId, staffId(2), 0, 10)).toHaveLength(1);
      expect(await store.yells.yellHead(orgId)).toBe(1);
    });

    it('shares the mutation id space with communities and profiles', async () => {
      const { store, orgId } = await fresh();
      const id = mutationId('shared');
      await store.communities.applyCommunityMutation(orgId, id, staffId(1), {
        kind: 'community.create',
        communityId: 'comm-0001',
        name: '写真部',
        description: '',
        createdAt: NOW.toISOString(),
      });
      expect(
        await store.yells.applyYellMutation(
          orgId,
          id,
          staffId(1),
          sendIntent('yell-0001', [staffId(2)]),
          ctx([staffId(1), staffId(2)]),
        ),
      ).toEqual({ status: 'duplicate' });
      expect(await store.yells.yellHead(orgId)).toBe(0);
      const yellFirst = mutationId('yellfirst');
      await store.yells.applyYellMutation(
        orgId,
        yellFirst,
        staffId(1),
        sendIntent('yell-0002', [staffId(2)]),
        ctx([staffId(1), staffId(2)]),
      );
      expect(await store.directory.applyMutation(orgId, yellFirst, staffId(1), (p) => p)).toEqual({
        status: 'duplicate',
      });
    });

    it('refuses, writing nothing: a taken yell id, oneself, an unknown person, an unknown value', async () => {
      const { store, orgId } = await fresh();
      await send(store, orgId, staffId(1), 'yell-0001', [staffId(2)]);
      const refuse = async (intent: YellIntent, context: YellContext, code: string) =>
        expect(
          await store.yells.applyYellMutation(
            orgId,
            mutationId(`r-${code.length}-${Math.random()}`.slice(0, 30)),
            staffId(1),
            intent,
            context,
          ),
        ).toEqual({
          status: 'rejected',
          problem: expect.objectContaining({ code }),
        });
      await refuse(sendIntent('yell-0001', [staffId(3)]), ctx([staffId(1), staffId(3)]), 'yell.idTaken');
      await refuse(sendIntent('yell-0002', [staffId(1)]), ctx([staffId(1)]), 'yell.toSelf');
      await refuse(
        sendIntent('yell-0003', [staffId(9)]),
        ctx([staffId(1), staffId(9)], { unknown: [staffId(9)] }),
        'yell.unknownRecipient',
      );
      await refuse(
        sendIntent('yell-0004', [staffId(2)], { value: 'kaizen' }),
        ctx([staffId(1), staffId(2)]),
        'yell.unknownValue',
      );
      expect(await store.yells.yellHead(orgId)).toBe(1);
      expect((await store.yells.getYellScope(orgId, ORG_SCOPE)).total).toBe(1);
    });

    it('the daily cap counts per sender per Asia/Tokyo day', async () => {
      const { store, orgId } = await fresh();
      const settings = { ...DEFAULT_RECOGNITION_SETTINGS, dailyCap: 2 };
      const a = staffId(1);
      const at = (iso: string, id: string, to = staffId(2)) =>
        store.yells.applyYellMutation(
          orgId,
          mutationId(id),
          a,
          sendIntent(id, [to]),
          ctx([a, to], { settings, now: new Date(iso) }),
        );
      expect((await at('2026-11-30T00:00:00.000Z', 'cap-00001')).status).toBe('applied');
      expect((await at('2026-11-30T14:59:00.000Z', 'cap-00002')).status).toBe('applied');
      expect(await at('2026-11-30T14:59:30.000Z', 'cap-00003')).toEqual({
        status: 'rejected',
        problem: expect.objectContaining({ code: 'yell.dailyCap' }),
      });
      // 15:00 UTC is midnight in Tokyo: a new day.
      expect((await at('2026-11-30T15:00:00.000Z', 'cap-00004')).status).toBe('applied');
      // Another sender has their own count.
      expect(
        (
          await store.yells.applyYellMutation(
            orgId,
            mutationId('other'),
            staffId(3),
            sendIntent('cap-00005', [a]),
            ctx([staffId(3), a], { settings }),
          )
        ).status,
      ).toBe('applied');
      expect((await store.yells.getYellPerson(orgId, a, '2026-11-30')).sentOnDay).toBe(2);
      expect((await store.yells.getYellPerson(orgId, a, '2026-12-01')).sentOnDay).toBe(1);
    });

    it('a clap counts once per person, bumps the yell’s version and notifies the sender', async () => {
      const { store, orgId } = await fresh();
      const [a, b, c] = [staffId(1), staffId(2), staffId(3)];
      await send(store, orgId, a, 'yell-0001', [b]);
      expect(await store.yells.applyYellMutation(orgId, mutationId('clap1'), c, clap('yell-0001'), ctx([]))).toEqual({
        status: 'applied',
        version: 2,
      });
      // A second clap by the same person (another mutation id) changes nothing and takes no version.
      expect(await store.yells.applyYellMutation(orgId, mutationId('clap2'), c, clap('yell-0001'), ctx([]))).toEqual({
        status: 'applied',
        version: 0,
      });
      const asC = await store.yells.yellsSince(orgId, c, 1, 10);
      expect(asC.yells.map((y) => [y.id, y.version, y.clapCount, y.clappedByMe])).toEqual([['yell-0001', 2, 1, true]]);
      const asB = await store.yells.yellsSince(orgId, b, 0, 10);
      expect(asB.yells.map((y) => [y.clapCount, y.clappedByMe])).toEqual([[1, false]]);
      expect(await store.notifications.notificationsSince(orgId, a, 0, 10)).toEqual([
        {
          id: yellClappedNotificationId('yell-0001', c),
          kind: 'yell.clapped',
          createdAt: NOW.toISOString(),
          actor: c,
          yellId: 'yell-0001',
          version: 2,
        },
      ]);
      expect(await store.yells.yellHead(orgId)).toBe(2);
    });

    it('refuses a clap on one’s own, a missing or an invisible エール', async () => {
      const { store, orgId } = await fresh();
      await send(store, orgId, staffId(1), 'yell-0001', [staffId(2)]);
      await send(store, orgId, staffId(1), 'priv-0001', [staffId(2)], { visibility: 'private' });
      const tryClap = (who: string, yellId: string) =>
        store.yells.applyYellMutation(orgId, mutationId(`c-${who}-${yellId}`), who, clap(yellId), ctx([]));
      expect(await tryClap(staffId(1), 'yell-0001')).toEqual({
        status: 'rejected',
        problem: expect.objectContaining({ code: 'yell.clapOwn' }),
      });
      expect(await tryClap(staffId(3), 'none-0001')).toEqual({
        status: 'rejected',
        problem: expect.objectContaining({ code: 'yell.notFound' }),
      });
      expect(await tryClap(staffId(3), 'priv-0001')).toEqual({
        status: 'rejected',
        problem: expect.objectContaining({ code: 'yell.clapNotVisible' }),
      });
      // A recipient may clap a private エール they received.
      expect((await tryClap(staffId(2), 'priv-0001')).status).toBe('applied');
      expect(await store.yells.yellHead(orgId)).toBe(3);
    });

    it('yellsSince pages exactly in version order; a clapped エール moves to its new version', async () => {
      const { store, orgId } = await fresh();
      for (let i = 1; i <= 5; i++) await send(store, orgId, staffId(i), `page-000${i}`, [staffId(10)]);
      await store.yells.applyYellMutation(orgId, mutationId('clap'), staffId(20), clap('page-0001'), ctx([]));
      const viewer = staffId(30);
      const first = await store.yells.yellsSince(orgId, viewer, 0, 2);
      expect(first.yells.map((y) => [y.id, y.version])).toEqual([
        ['page-0002', 2],
        ['page-0003', 3],
      ]);
      expect(first).toMatchObject({ version: 3, more: true });
      const second = await store.yells.yellsSince(orgId, viewer, 3, 2);
      expect(second.yells.map((y) => [y.id, y.version])).toEqual([
        ['page-0004', 4],
        ['page-0005', 5],
      ]);
      const third = await store.yells.yellsSince(orgId, viewer, 5, 2);
      expect(third.yells.map((y) => [y.id, y.version, y.clapCount])).toEqual([['page-0001', 6, 1]]);
      expect(third).toMatchObject({ version: 6, more: false });
      expect((await store.yells.yellsSince(orgId, viewer, 6, 2)).yells).toEqual([]);
    });

    it('opting out takes one’s エール out of others’ feeds (as removed ids) at the next pull; opting in brings them back', async () => {
      const { store, orgId } = await fresh();
      const [a, b, c] = [staffId(1), staffId(2), staffId(3)];
      await send(store, orgId, a, 'yell-0001', [b]);
      await send(store, orgId, a, 'yell-0002', [c]);
      await send(store, orgId, a, 'priv-0001', [b], { visibility: 'private' });
      const viewer = staffId(9);
      const before = await store.yells.yellsSince(orgId, viewer, 0, 10);
      expect(before.yells.map((y) => y.id)).toEqual(['yell-0001', 'yell-0002']);
      await store.yells.setYellFeedOptOut(orgId, b, true);
      expect(await store.yells.getYellFeedOptOut(orgId)).toEqual([b]);
      const after = await store.yells.yellsSince(orgId, viewer, before.version, 10);
      expect(after.yells).toEqual([]);
      expect(after.removed).toEqual(['yell-0001']);
      expect(after.feedOptOut).toEqual([b]);
      // The person and the sender still see it; clapping it is no longer open to others.
      expect((await store.yells.yellsSince(orgId, b, 0, 10)).yells.map((y) => y.id).sort()).toEqual([
        'priv-0001',
        'yell-0001',
        'yell-0002',
      ]);
      expect((await store.yells.yellsSince(orgId, a, 0, 10)).yells.map((y) => y.id).sort()).toEqual([
        'priv-0001',
        'yell-0001',
        'yell-0002',
      ]);
      expect(
        (await store.yells.applyYellMutation(orgId, mutationId('c'), viewer, clap('yell-0001'), ctx([]))).status,
      ).toBe('rejected');
      // Setting the same state again changes nothing.
      const head = await store.yells.yellHead(orgId);
      await store.yells.setYellFeedOptOut(orgId, b, true);
      expect(await store.yells.yellHead(orgId)).toBe(head);
      await store.yells.setYellFeedOptOut(orgId, b, false);
      const back = await store.yells.yellsSince(orgId, viewer, after.version, 10);
      expect(back.yells.map((y) => y.id)).toEqual(['yell-0001']);
      expect(back.removed).toEqual([]);
      expect(back.feedOptOut).toEqual([]);
    });

    it('an opt-out with nothing to re-log still serialises on a version', async () => {
      const { store, orgId } = await fresh();
      await Promise.all([
        store.yells.setYellFeedOptOut(orgId, staffId(1), true),
        store.yells.setYellFeedOptOut(orgId, staffId(2), true),
      ]);
      expect(await store.yells.getYellFeedOptOut(orgId)).toEqual([staffId(1), staffId(2)]);
      expect(await store.yells.yellHead(orgId)).toBe(2);
    });

    it('settings are stored whole', async () => {
      const { store, orgId } = await fresh();
      const settings = { values: [{ id: 'kaizen', label: 'カイゼンエール' }], dailyCap: 5 };
      await store.yells.putRecognitionSettings(orgId, settings);
      expect(await store.yells.getRecognitionSettings(orgId)).toEqual(settings);
    });

    it(
      '40 people sending to one colleague at once: every send lands once, with exact counts and unique versions',
      async () => {
        const { store, orgId } = await fresh();
        const target = staffId(99);
        const senders = Array.from({ length: 40 }, (_, i) => staffId(i + 1));
        const outcomes = await Promise.all(
          senders.map((s, i) => send(store, orgId, s, `burst-${String(i).padStart(4, '0')}`, [target])),
        );
        const versions = outcomes.map((o) => (o.status === 'applied' ? o.version : -1)).sort((x, y) => x - y);
        expect(versions).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
        expect((await store.yells.getYellPerson(orgId, target, '2026-11-30')).received).toBe(40);
        const org = await store.yells.getYellScope(orgId, ORG_SCOPE);
        expect(org.total).toBe(40);
        // Senders 1-40 are in b1, the target (99) in b2: every pair crosses.
        expect(org.crossDepartment).toBe(40);
        expect(await store.notifications.notificationsSince(orgId, target, 0, 100)).toHaveLength(40);
        expect((await store.yells.yellsSince(orgId, staffId(200), 0, 100)).yells).toHaveLength(40);
      },
      SLOW,
    );

    it(
      'two tabs clapping at once (two mutation ids): one clap; two tabs replaying one send: one applied, one duplicate',
      async () => {
        const { store, orgId } = await fresh();
        await send(store, orgId, staffId(1), 'yell-0001', [staffId(2)]);
        const claps = await Promise.all(
          ['tab1', 'tab2'].map((t) =>
            store.yells.applyYellMutation(orgId, mutationId(t), staffId(3), clap('yell-0001'), ctx([])),
          ),
        );
        expect(claps.map((o) => o.status)).toEqual(['applied', 'applied']);
        expect((await store.yells.getYells(orgId, ['yell-0001']))[0]?.clappers).toEqual([staffId(3)]);
        expect(await store.notifications.notificationsSince(orgId, staffId(1), 0, 10)).toHaveLength(1);
        const id = mutationId('replay');
        const intent = sendIntent('yell-0002', [staffId(2)]);
        const twice = await Promise.all(
          [1, 2].map(() => store.yells.applyYellMutation(orgId, id, staffId(1), intent, ctx([staffId(1), staffId(2)]))),
        );
        expect(twice.map((o) => o.status).sort()).toEqual(['applied', 'duplicate']);
        expect((await store.yells.getYellScope(orgId, ORG_SCOPE)).total).toBe(2);
      },
      SLOW,
    );

    it(
      'ten sends at once by one person with a cap of 4: exactly 4 land (the cap is read under the version gate)',
      async () => {
        const { store, orgId } = await fresh();
        const settings = { ...DEFAULT_RECOGNITION_SETTINGS, dailyCap: 4 };
        const a = staffId(1);
        const outcomes = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            store.yells.applyYellMutation(
              orgId,
              mutationId(`capb${i}`),
              a,
              sendIntent(`capb-000${i}`, [staffId(2)]),
              ctx([a, staffId(2)], { settings }),
            ),
          ),
        );
        expect(outcomes.filter((o) => o.status === 'applied')).toHaveLength(4);
        expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(6);
        expect(await store.yells.getYellPerson(orgId, a, '2026-11-30')).toMatchObject({ sent: 4, sentOnDay: 4 });
      },
      SLOW,
    );

    it(
      'a clap racing an opt-out: the version gate orders them, so the clap is judged by one state or the other, never lost',
      async () => {
        const { store, orgId } = await fresh();
        await send(store, orgId, staffId(1), 'yell-0001', [staffId(2)]);
        const [clapped] = await Promise.all([
          store.yells.applyYellMutation(orgId, mutationId('racer'), staffId(3), clap('yell-0001'), ctx([])),
          store.yells.setYellFeedOptOut(orgId, staffId(2), true),
        ]);
        const clappers = (await store.yells.getYells(orgId, ['yell-0001']))[0]?.clappers;
        expect(clappers).toEqual(clapped.status === 'applied' ? [staffId(3)] : []);
        // Whichever came first, the recipient's feed state won and the yell left the feed for others.
        const page = await store.yells.yellsSince(orgId, staffId(9), 1, 10);
        expect(page.removed).toEqual(['yell-0001']);
      },
      SLOW,
    );
  });
}
