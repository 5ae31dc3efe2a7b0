import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dexieCommunityCache } from '../../db/communities';
import type { AppDb } from '../../db/schema';
import type { Community } from '../../domain/communities';
import { dropDb, renderAppAt, seededDb } from '../../../tests/fixtures/app';

const DESIGN: Community = {
  id: 'design-0001',
  name: 'デザイン',
  description: 'チラシや掲示物の相談',
  memberIds: ['p2', 'p3'],
  createdBy: 'p2',
  createdAt: '2026-04-01T00:00:00.000Z',
  version: 1,
};

let db: AppDb;
beforeEach(async () => {
  db = await seededDb();
  await dexieCommunityCache(db).applyPage({ communities: [DESIGN], version: 1, more: false, reset: false });
});
afterEach(() => dropDb(db));

describe('communities on the device store, with no connection', () => {
  it('lists communities with their head count, linked by name', async () => {
    renderAppAt(db, '/communities');
    const others = await screen.findByRole('list', { name: 'ほかのコミュニティ' });
    const link = within(others).getByRole('link', { name: 'デザイン' });
    expect(link.getAttribute('href')).toBe('/communities/design-0001');
    expect(within(others).getByText('2人')).toBeTruthy();
    expect(screen.getByText('まだ参加していません。')).toBeTruthy();
  });

  it("shows a community's members as faces linked by full name, and joins it offline at once", async () => {
    renderAppAt(db, '/communities/design-0001');
    await screen.findByRole('heading', { level: 1, name: 'デザイン' });
    const members = await screen.findByRole('list', { name: 'メンバー 2人' });
    expect(within(members).getByRole('link', { name: '佐藤 美咲' }).getAttribute('href')).toBe('/people/p2');
    expect(within(members).getByRole('link', { name: '鈴木 次郎' })).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: '参加する' }));
    const after = await screen.findByRole('list', { name: 'メンバー 3人' });
    expect(within(after).getByRole('link', { name: '髙橋 一郎' })).toBeTruthy();
    expect(screen.getByText('未送信', { selector: '.chip' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '抜ける' })).toBeTruthy();
    const outbox = await db.outbox.toArray();
    expect(outbox.map((o) => [o.mutation.kind, 'communityId' in o.mutation ? o.mutation.communityId : null])).toEqual([
      ['community.join', 'design-0001'],
    ]);
  });

  it('creates a community offline, opens it with me as its member, and queues one create', async () => {
    const location = renderAppAt(db, '/communities');
    await userEvent.type(await screen.findByLabelText('名前'), '  ランニング ');
    await userEvent.type(screen.getByLabelText('説明'), '昼休みに皇居まで');
    await userEvent.click(screen.getByRole('button', { name: '作成' }));
    await screen.findByRole('heading', { level: 1, name: 'ランニング' });
    expect(location.history?.at(-1)).toMatch(/^\/communities\/[0-9a-f-]{36}$/);
    expect(
      within(screen.getByRole('list', { name: 'メンバー 1人' })).getByRole('link', { name: '髙橋 一郎' }),
    ).toBeTruthy();
    const [entry, ...rest] = await db.outbox.toArray();
    expect(rest).toEqual([]);
    expect(entry?.mutation).toMatchObject({
      kind: 'community.create',
      name: 'ランニング',
      description: '昼休みに皇居まで',
    });
  });

  it('does not let a name over 30 characters be sent, and says so while typing', async () => {
    renderAppAt(db, '/communities');
    const name = await screen.findByLabelText('名前');
    await userEvent.click(name);
    await userEvent.paste('あ'.repeat(31));
    expect(screen.getByText('31/30文字')).toBeTruthy();
    expect(screen.getByRole('button', { name: '作成' }).hasAttribute('disabled')).toBe(true);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('dexieCommunityCache', () => {
  it('holds the version of the newest community it has, and forgets everything on a reset', async () => {
    const cache = dexieCommunityCache(db);
    expect(await cache.version()).toBe(1);
    await cache.applyPage({
      communities: [{ ...DESIGN, id: 'run-00001', version: 5 }],
      version: 5,
      more: false,
      reset: false,
    });
    expect(await cache.version()).toBe(5);
    await cache.applyPage({
      communities: [{ ...DESIGN, id: 'new-00001', version: 2 }],
      version: 2,
      more: false,
      reset: true,
    });
    expect((await db.communities.toArray()).map((c) => c.id)).toEqual(['new-00001']);
    expect(await cache.version()).toBe(2);
  });
});
