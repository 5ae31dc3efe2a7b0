import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dexieNotificationCache } from '../../db/notifications';
import type { AppDb } from '../../db/schema';
import type { AppNotification } from '../../domain/notifications';
import { dropDb, renderAppAt, seededDb } from '../../../tests/fixtures/app';

const NOTES: AppNotification[] = [
  {
    id: 'yell.received:y1',
    kind: 'yell.received',
    createdAt: '2026-11-20T01:00:00.000Z',
    actor: 'p2',
    yellId: 'y1',
    version: 1,
  },
  {
    id: 'yell.clapped:y2:p3',
    kind: 'yell.clapped',
    createdAt: '2026-11-21T01:00:00.000Z',
    actor: 'p3',
    yellId: 'y2',
    version: 2,
  },
  {
    id: 'nomination.status:n1:under_review',
    kind: 'nomination.status',
    createdAt: '2026-11-22T01:00:00.000Z',
    actor: null,
    nominationId: 'n1',
    status: 'under_review',
    version: 3,
  },
];

let db: AppDb;
beforeEach(async () => {
  db = await seededDb();
  await dexieNotificationCache(db).applyPage({ notifications: NOTES, version: 3, more: false, reset: false });
});
afterEach(() => dropDb(db));

describe('notifications, read state on the device', () => {
  it('shows the unread count on the bell, lists each kind in words, and marks them read on opening', async () => {
    renderAppAt(db, '/');
    const bell = await screen.findByRole('link', { name: 'お知らせ（未読3件）' });
    expect(bell.getAttribute('href')).toBe('/notifications');

    bell.click();
    const list = await screen.findByRole('list', { name: 'お知らせ' });
    const items = within(list)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([
      expect.stringContaining('推薦が「審査中」になりました'),
      expect.stringContaining('鈴木 次郎さんがあなたのエールに拍手しました'),
      expect.stringContaining('佐藤 美咲さんからエールが届きました'),
    ]);
    // The ones new at opening keep their mark while the list is open.
    expect(within(list).getAllByText('未読')).toHaveLength(3);
    await screen.findByRole('link', { name: 'お知らせ' });
    expect((await db.readNotifications.toArray()).map((r) => r.id).sort()).toEqual(NOTES.map((n) => n.id).sort());
  });

  it('counts only what is new since the last reading, and a page from the server never resets read state', async () => {
    await db.readNotifications.bulkPut(NOTES.slice(0, 2).map((n) => ({ id: n.id, readAt: 1 })));
    await dexieNotificationCache(db).applyPage({ notifications: NOTES, version: 3, more: false, reset: false });
    renderAppAt(db, '/');
    expect(await screen.findByRole('link', { name: 'お知らせ（未読1件）' })).toBeTruthy();
    expect(await dexieNotificationCache(db).version()).toBe(3);
  });

  it('says so when there are none', async () => {
    await db.notifications.clear();
    renderAppAt(db, '/notifications');
    expect(await screen.findByText('お知らせはありません。')).toBeTruthy();
  });
});
