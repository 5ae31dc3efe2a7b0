import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveSession } from '../../db/session';
import { dexieNominationCache } from '../../db/nominations';
import type { AppDb } from '../../db/schema';
import type { NominationView } from '../../domain/nominations';
import { dropDb, PEOPLE, renderAppAt, seededDb } from '../../../tests/fixtures/app';

// me: 人事課 (b01k01); p2, p4: 高齢者福祉課 (b02k01); p3: 人事課.
const YELL = {
  id: 'yell-0000-0001',
  from: 'me',
  to: ['p2'],
  message: '<b>繁忙期</b>の応援ありがとうございました',
  value: 'tasukeai',
  visibility: 'public' as const,
  createdAt: '2026-11-20T01:00:00.000Z',
  version: 3,
  clapCount: 0,
  clappedByMe: false,
};

const nomination = (over: Partial<NominationView> = {}): NominationView => ({
  id: 'nom-0000-0001',
  awardId: 'shokuin',
  awardLabel: '職員表彰',
  nominator: 'p3',
  nominees: ['p4'],
  teamName: '',
  reason: '地域の見守りを立ち上げた',
  yellIds: [],
  endorsers: [],
  status: 'submitted',
  consent: {},
  createdAt: '2026-11-21T00:00:00.000Z',
  awardYear: null,
  version: 1,
  ...over,
});

async function withNominations(db: AppDb, nominations: NominationView[]) {
  await dexieNominationCache(db).applyPage({ nominations, removed: [], version: 9, more: false, reset: false });
}

async function asCommittee(db: AppDb) {
  await saveSession(db, {
    uid: 'u1',
    email: 'me@x.jp',
    staffId: 'me',
    orgId: 'demo-ku',
    role: 'staff',
    duties: ['committee'],
  });
}

let db: AppDb;
beforeEach(async () => {
  db = await seededDb();
  await db.yells.put(YELL);
});
afterEach(async () => {
  // Unmount first: a screen left mounted would read or write the closed database.
  cleanup();
  await dropDb(db);
});

describe('new nomination (C1), offline on the device store', () => {
  it('starts from an エール: its recipient is the nominee and the エール is linked; sends one create and drops the draft', async () => {
    const location = renderAppAt(db, `/nominations/new?yell=${YELL.id}`);
    await screen.findByRole('heading', { level: 1, name: '表彰に推薦' });
    expect(screen.getByRole('button', { name: '佐藤 美咲を外す' })).toBeTruthy();
    const linked = await screen.findByRole('checkbox', { name: /繁忙期/ });
    expect((linked as HTMLInputElement).checked).toBe(true);
    // Markup in a message is shown as text.
    expect(screen.getByText('<b>繁忙期</b>の応援ありがとうございました')).toBeTruthy();

    await userEvent.type(screen.getByLabelText('推薦理由'), '他部署の窓口を支えた');
    expect(screen.getByText('10 / 800文字')).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText('賞'), 'dx');
    await userEvent.click(screen.getByRole('button', { name: '推薦を送る' }));

    await screen.findByRole('heading', { level: 1, name: 'DX優良事例表彰' });
    expect(location.history?.at(-1)).toMatch(/^\/nominations\/[0-9a-f-]{36}$/);
    expect(screen.getByText('送信待ち')).toBeTruthy();
    const outbox = await db.outbox.toArray();
    expect(outbox.map((o) => o.mutation)).toMatchObject([
      {
        kind: 'nomination.create',
        awardId: 'dx',
        nominees: ['p2'],
        yellIds: [YELL.id],
        reason: '他部署の窓口を支えた',
      },
    ]);
    expect(await db.nominationDrafts.count()).toBe(0);
  }, 20_000);

  it('keeps the draft on the device: a reload brings back what was typed', async () => {
    renderAppAt(db, '/nominations/new?nominee=p4');
    await userEvent.type(await screen.findByLabelText('推薦理由'), '下書きの途中');
    await screen.findByText('6 / 800文字');
    cleanup();
    renderAppAt(db, '/nominations/new');
    expect(((await screen.findByLabelText('推薦理由')) as HTMLTextAreaElement).value).toBe('下書きの途中');
    expect(screen.getByRole('button', { name: '田中 陽菜を外す' })).toBeTruthy();
  });

  it('says so while typing past 800 characters and does not let it be sent', async () => {
    renderAppAt(db, '/nominations/new?nominee=p4');
    const reason = await screen.findByLabelText('推薦理由');
    await userEvent.click(reason);
    await userEvent.paste('あ'.repeat(801));
    expect(screen.getByText('801 / 800文字').className).toBe('error');
    expect(screen.getByRole('button', { name: '推薦を送る' }).hasAttribute('disabled')).toBe(true);
    expect(await db.outbox.count()).toBe(0);
  });

  it('a team of two without a name is told so in Japanese; nothing is queued and the draft stays', async () => {
    await db.nominationDrafts.put({
      id: 'draft',
      awardId: 'shokuin',
      nominees: ['p2', 'p4'],
      teamName: '',
      reason: '二人で',
      yellIds: [],
      updatedAt: 1,
    });
    renderAppAt(db, '/nominations/new');
    await userEvent.click(await screen.findByRole('button', { name: '推薦を送る' }));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      '2人以上を推薦するときはチーム名を入力してください',
    );
    expect(await db.outbox.count()).toBe(0);
    expect((await db.nominationDrafts.get('draft'))?.reason).toBe('二人で');
  });
});

describe('the 表彰 list and a nomination (C1-C3)', () => {
  it('lists one to endorse; endorsing from its page queues one endorse and shows it at once', async () => {
    await withNominations(db, [nomination()]);
    renderAppAt(db, '/nominations');
    const list = await screen.findByRole('list', { name: '賛同できる推薦' });
    // The list can show before the directory it names people from has been read.
    await userEvent.click(await within(list).findByRole('link', { name: '田中 陽菜' }));
    await userEvent.click(await screen.findByRole('button', { name: '賛同する' }));
    expect(await screen.findByText('賛同済み')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '賛同 1人' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '賛同する' })).toBeNull();
    expect((await db.outbox.toArray()).map((o) => o.mutation.kind)).toEqual(['nomination.endorse']);
  });

  it('a committee member reviews a nomination from another 課, but not one from their own 課', async () => {
    await asCommittee(db);
    await withNominations(db, [
      nomination({ id: 'nom-other-ka1', nominees: ['p2'], nominator: 'p4' }),
      nomination({ id: 'nom-own-ka01', nominees: ['p3'], nominator: 'p4' }),
    ]);
    renderAppAt(db, '/nominations');
    const toReview = await screen.findByRole('list', { name: '審査する推薦' });
    expect(
      within(toReview)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['佐藤 美咲']);

    cleanup();
    renderAppAt(db, '/nominations/nom-own-ka01');
    expect(await screen.findByText('自分と同じ課の職員が推薦された案件は審査できません')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '審査状況を変更' })).toBeNull();

    cleanup();
    renderAppAt(db, '/nominations/nom-other-ka1');
    await userEvent.type(await screen.findByLabelText('コメント（委員のみ閲覧）'), '審査を始めます');
    await userEvent.click(screen.getByRole('button', { name: '審査状況を変更' }));
    const [entry] = await db.outbox.toArray();
    expect(entry?.mutation).toMatchObject({
      kind: 'nomination.review',
      nominationId: 'nom-other-ka1',
      from: 'submitted',
      to: 'under_review',
      comment: '審査を始めます',
    });
  });

  it('the winner is asked whether to show the award on the profile, and the answer is queued', async () => {
    await withNominations(db, [nomination({ nominees: ['me'], status: 'awarded', awardYear: 2026 })]);
    renderAppAt(db, '/nominations');
    await screen.findByText('「職員表彰」をプロフィールに掲載しますか？');
    await userEvent.click(screen.getByRole('button', { name: '掲載する' }));
    expect((await db.outbox.toArray()).map((o) => o.mutation)).toMatchObject([
      { kind: 'award.consent', nominationId: 'nom-0000-0001', show: true },
    ]);
  });
});

describe('ProfileAwards (C3)', () => {
  it('shows the awards on the record, and offers to nominate the person', async () => {
    const sato = PEOPLE.find((p) => p.id === 'p2');
    if (!sato) throw new Error('fixture');
    // As a directory change after the snapshot brings it (the consent goes through the profile path).
    await db.directoryOverlay.put({
      id: 'p2',
      version: 2,
      record: { ...sato, awards: [{ nominationId: 'nom-1', awardId: 'shokuin', label: '職員表彰', year: 2026 }] },
    });
    renderAppAt(db, '/people/p2');
    expect(await screen.findByText(/2026年 職員表彰/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'この人を表彰に推薦' }).getAttribute('href')).toBe(
      '/nominations/new?nominee=p2',
    );
  });
});
