/**
 * The notifications' store contract (P4), run on the twin and on the stand-in by the contract
 * entry points (features/contracts.test.ts, features/contracts.standin.test.ts). Notifications a yell causes
 * are held to the yells' contract, which writes them.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RECOGNITION_SETTINGS } from '../../../../src/domain/yells';
import { freshOrgId, mutationId, staffId } from '../../testing/fixtures';
import type { ServerStores } from '../stores';
import type { YellIntent } from '../yells/port';

const NOW = new Date('2026-11-30T01:00:00.000Z');

const sendTo = (yellId: string, to: string): YellIntent => ({
  kind: 'yell.send',
  yellId,
  to: [to],
  message: 'ありがとう',
  value: 'tasukeai',
  visibility: 'public',
});

export function runNotificationContract(name: string, makeStore: () => ServerStores | Promise<ServerStores>): void {
  describe(`store contract, notifications: ${name}`, () => {
    async function fresh(): Promise<{ store: ServerStores; orgId: string }> {
      return { store: await makeStore(), orgId: freshOrgId('notif') };
    }

    it('addNotifications is idempotent per (recipient, id), and each person reads only their own', async () => {
      const { store, orgId } = await fresh();
      const n = (id: string) => ({
        id,
        kind: 'nomination.status' as const,
        createdAt: NOW.toISOString(),
        actor: null,
        nominationId: 'nom-0001',
        status: 'accepted',
      });
      await store.notifications.addNotifications(orgId, [
        { recipient: staffId(1), notification: n('nomination.status:nom-0001:accepted') },
        { recipient: staffId(2), notification: n('nomination.status:nom-0001:accepted') },
      ]);
      await store.notifications.addNotifications(orgId, [
        { recipient: staffId(1), notification: n('nomination.status:nom-0001:accepted') },
        { recipient: staffId(1), notification: n('nomination.status:nom-0001:awarded') },
        { recipient: staffId(1), notification: n('nomination.status:nom-0001:awarded') },
      ]);
      const mine = await store.notifications.notificationsSince(orgId, staffId(1), 0, 10);
      expect(mine.map((x) => x.id)).toEqual([
        'nomination.status:nom-0001:accepted',
        'nomination.status:nom-0001:awarded',
      ]);
      expect(mine[0]).toMatchObject({ actor: null, nominationId: 'nom-0001', status: 'accepted' });
      expect(new Set(mine.map((x) => x.version)).size).toBe(2);
      expect((await store.notifications.notificationsSince(orgId, staffId(2), 0, 10)).map((x) => x.id)).toEqual([
        'nomination.status:nom-0001:accepted',
      ]);
      const after = await store.notifications.notificationsSince(orgId, staffId(1), mine[0]?.version ?? 0, 10);
      expect(after.map((x) => x.id)).toEqual(['nomination.status:nom-0001:awarded']);
      // Notifications share the version sequence with yells, so a yell after them is above them.
      await store.yells.applyYellMutation(
        orgId,
        mutationId('send-yell-0001'),
        staffId(3),
        sendTo('yell-0001', staffId(1)),
        {
          settings: DEFAULT_RECOGNITION_SETTINGS,
          paths: new Map([
            [staffId(3), ['b1']],
            [staffId(1), ['b1']],
          ]),
          now: NOW,
        },
      );
      const yellVersion = (await store.notifications.notificationsSince(orgId, staffId(1), 0, 10)).at(-1)?.version ?? 0;
      expect(yellVersion).toBeGreaterThan(after[0]?.version ?? Infinity);
    });

    it('addNotifications refuses an id that is not a document id, writing nothing', async () => {
      const { store, orgId } = await fresh();
      const item = (id: string) => ({
        recipient: staffId(1),
        notification: { id, kind: 'nomination.status' as const, createdAt: NOW.toISOString(), actor: null },
      });
      await expect(
        store.notifications.addNotifications(orgId, [item('nomination.status:ok'), item('a/b')]),
      ).rejects.toThrow(RangeError);
      expect(await store.notifications.notificationsSince(orgId, staffId(1), 0, 10)).toEqual([]);
    });
  });
}
