import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { record, UNITS } from '../../../tests/fixtures/records';
import { renderAppAt } from '../../../tests/fixtures/app';
import { ja } from '../../i18n/ja';
import { useLang } from '../../i18n/language';
import { saveSession } from '../../db/session';
import { dexieDirectoryStore } from '../../db/directory-store';
import { AppDb } from '../../db/schema';
import { toChunkText } from '../../domain/directory-codec';
import type { StaffDetail } from '../../domain/profile';
import { TransportError } from '../../sync/ports';
import { setProfileApi } from './detail-source';

let db: AppDb;

const OWN_DETAIL: StaffDetail = {
  id: 'me',
  intro: '部内だけに見せる自己紹介',
  hobbies: ['将棋'],
  photo: null,
  privatePhone: '090-1111-2222',
  history: [{ unitId: 'old', unitName: '区民課', from: '2018-04-01', to: '2022-03-31' }],
  settings: {
    audiences: { intro: 'department', hobbies: 'everyone', photo: 'everyone', privatePhone: 'managers' },
    photoConsent: false,
    photo: null,
  },
};

beforeEach(async () => {
  db = new AppDb(`profile-${Math.random().toString(36).slice(2)}`);
  await dexieDirectoryStore(db).replaceSnapshot(
    { id: 's1', version: 1, chunkCount: 1, staffCount: 2, createdAt: '2026-11-22T00:00:00.000Z' },
    UNITS,
    [
      toChunkText([
        // The shared record: the intro is blanked because its audience is narrower than everyone.
        record({ id: 'me', familyName: '髙橋', givenName: '一郎', intro: '', hobbies: ['将棋'] }),
        record({ id: 'p2', familyName: '佐藤', givenName: '美咲', unitId: 'b02k01s01', intro: '' }),
      ]),
    ],
  );
  await saveSession(db, { uid: 'u1', email: 'me@x.jp', staffId: 'me', orgId: 'demo-ku', role: 'hr', duties: [] });
});
afterEach(async () => {
  setProfileApi(null);
  useLang.setState({ lang: 'ja', shown: 'ja', messages: ja });
  localStorage.clear();
  db.close();
  await Dexie.delete(db.name);
});

const renderAt = (path: string) => renderAppAt(db, path);

describe('profile page (D4): restricted fields from the per-person endpoint, kept in Dexie', () => {
  it('shows what was fetched before, offline (no API): private phone, 異動歴 and a narrowed intro', async () => {
    await db.profileDetails.put({
      id: 'p2',
      detail: { id: 'p2', intro: '人事にだけ見える紹介', privatePhone: '080-3333-4444', history: OWN_DETAIL.history },
      fetchedAt: 1,
    });
    renderAt('/people/p2');
    const heading = await screen.findByRole('heading', { level: 1, name: '佐藤 美咲' });
    const article = heading.closest('article');
    if (!article) throw new Error('no article');
    expect(await within(article).findByText('人事にだけ見える紹介')).toBeTruthy();
    expect(within(article).getByRole('link', { name: '私用電話 080-3333-4444' }).getAttribute('href')).toBe(
      'tel:080-3333-4444',
    );
    expect(within(article).getByRole('heading', { name: '異動歴' })).toBeTruthy();
    expect(within(article).getByText('区民課（2018年4月〜2022年3月）')).toBeTruthy();
  });

  it('ignores a damaged cached detail instead of showing it', async () => {
    await db.profileDetails.put({ id: 'p2', detail: { id: 'p2', privatePhone: 42, history: 'x' }, fetchedAt: 1 });
    renderAt('/people/p2');
    await screen.findByRole('heading', { level: 1, name: '佐藤 美咲' });
    expect(await screen.findByText('接続すると、公開範囲が限られた項目も表示されます。')).toBeTruthy();
    expect(screen.queryByText(/私用電話/)).toBeNull();
  });

  it('fetches the detail when the API is there, stores it, and forgets it when the server says 404', async () => {
    const asked: string[] = [];
    let answer: StaffDetail | TransportError = { id: 'p2', privatePhone: '070-5555-6666' };
    setProfileApi({
      async fetchStaffDetail(id) {
        asked.push(id);
        if (answer instanceof TransportError) throw answer;
        return answer;
      },
    });
    renderAt('/people/p2');
    expect(await screen.findByRole('link', { name: '私用電話 070-5555-6666' })).toBeTruthy();
    expect(asked).toEqual(['p2']);
    expect((await db.profileDetails.get('p2'))?.detail).toEqual({ id: 'p2', privatePhone: '070-5555-6666' });

    answer = new TransportError('見つかりません', 404, 'not_found');
    window.dispatchEvent(new Event('online'));
    await expect.poll(() => db.profileDetails.get('p2')).toBeUndefined();
    await expect.poll(() => screen.queryByRole('link', { name: /私用電話/ })).toBeNull();
  });
});

describe('edit screen (D5)', () => {
  beforeEach(async () => {
    await db.profileDetails.put({ id: 'me', detail: OWN_DETAIL, fetchedAt: 1 });
  });

  it('starts from one own detail, and queues only what changed: hobbies, one audience, consent', async () => {
    const location = renderAt('/me/edit');
    const intro = await screen.findByLabelText('自己紹介');
    expect((intro as HTMLTextAreaElement).value).toBe('部内だけに見せる自己紹介');
    expect((screen.getByLabelText('自己紹介の公開範囲') as HTMLSelectElement).value).toBe('department');
    const hobbies = screen.getByLabelText('趣味・特技');
    await userEvent.clear(hobbies);
    await userEvent.type(hobbies, '将棋、 登山');
    await userEvent.selectOptions(screen.getByLabelText('私用電話の公開範囲'), '自分のみ');
    await userEvent.click(screen.getByLabelText('写真の表示に同意する'));
    await userEvent.click(screen.getByRole('button', { name: '保存' }));

    await expect.poll(() => location.history?.at(-1)).toBe('/people/me');
    const outbox = await db.outbox.toArray();
    expect(outbox.map((o) => o.mutation)).toMatchObject([
      {
        kind: 'profile.update',
        patch: { hobbies: ['将棋', '登山'], audiences: { privatePhone: 'self' }, photoConsent: true },
      },
    ]);
    // Untouched fields are not sent, so an older copy on this device cannot overwrite them.
    const patch = outbox[0]?.mutation.kind === 'profile.update' ? outbox[0].mutation.patch : {};
    expect(Object.keys(patch).sort()).toEqual(['audiences', 'hobbies', 'photoConsent']);
    // The own profile shows the pending choices at once.
    expect(await screen.findByText('私用電話の公開範囲: 自分のみ')).toBeTruthy();
  });

  it.each([
    ['趣味・特技', '<script>alert(1)</script>', '趣味・特技の「<script>alert(1)</script>」に「<」「>」は使えません'],
    ['スキル', 'Excel、<b>VBA</b>', 'スキルの「<b>VBA</b>」に「<」「>」は使えません'],
    ['私用電話', '090-abcd', '私用電話は数字とハイフンで20文字以内で入力してください'],
  ])('refuses markup or junk in %s with a Japanese message and queues nothing', async (label, typed, message) => {
    renderAt('/me/edit');
    const box = await screen.findByLabelText(label);
    await userEvent.clear(box);
    await userEvent.click(box);
    await userEvent.paste(typed);
    await userEvent.click(screen.getByRole('button', { name: '保存' }));
    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(await db.outbox.count()).toBe(0);
    expect(document.querySelector('script, b')).toBeNull();
  });

  it('points at the one tag it cannot save, at its field, and keeps everything typed (issue 22)', async () => {
    renderAt('/me/edit');
    const box = await screen.findByLabelText('趣味・特技');
    await userEvent.clear(box);
    await userEvent.click(box);
    const long = 'あ'.repeat(31);
    await userEvent.paste(`将棋、${long}、釣り`);
    await userEvent.click(screen.getByRole('button', { name: '保存' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(`趣味・特技の「${long}」が長すぎます。1つ30文字以内にしてください`);
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(box.getAttribute('aria-describedby')).toContain(alert.id);
    expect(document.activeElement).toBe(box);
    expect((box as HTMLInputElement).value).toBe(`将棋、${long}、釣り`);
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps markup in the intro as text, says so, and never renders it as elements', async () => {
    renderAt('/me/edit');
    const box = await screen.findByLabelText('自己紹介');
    await userEvent.clear(box);
    await userEvent.click(box);
    await userEvent.paste('<img src=x onerror=alert(1)>よろしく');
    expect(screen.getByText('「<」「>」などの記号は、そのまま文字として表示されます。')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('<img src=x onerror=alert(1)>よろしく')).toBeTruthy();
    expect(document.querySelector('img[src="x"]')).toBeNull();
  });

  it('is all in English once English is chosen: labels, help, audiences, counts and buttons', async () => {
    useLang.getState().setLang('en');
    renderAt('/me/edit');
    const form = await screen.findByRole('form', { name: 'Edit profile' });
    const about = screen.getByLabelText('Who can see: About') as HTMLSelectElement;
    expect(about.value).toBe('department');
    expect(about.selectedOptions[0]?.textContent).toBe('My department');
    // 400 less the 12 characters of the intro.
    expect(document.getElementById('intro-count')?.textContent).toBe('388 characters left');
    expect(screen.getByText('Choose a photo').tagName).toBe('LABEL');
    expect(
      within(form)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Save', 'Cancel']);
    // Everything the form says is English; its Japanese is the person's own data, in the fields.
    const words = form.cloneNode(true) as HTMLElement;
    for (const field of words.querySelectorAll('textarea')) field.remove();
    expect(words.textContent).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  describe("opened before one's own detail has arrived (the first visit, online)", () => {
    let arrive: (detail: StaffDetail) => void = () => undefined;
    beforeEach(async () => {
      await db.profileDetails.clear();
      setProfileApi({
        fetchStaffDetail: () => new Promise<StaffDetail>((resolve) => (arrive = resolve)),
      });
    });

    it('fills the form with the detail when it comes, if nothing was typed yet', async () => {
      renderAt('/me/edit');
      const audience = (await screen.findByLabelText('自己紹介の公開範囲')) as HTMLSelectElement;
      expect(audience.value).toBe('everyone');
      expect(screen.queryByText(/設定をまだ読み込めていません/)).not.toBeNull();

      arrive(OWN_DETAIL);
      await expect.poll(() => audience.value).toBe('department');
      expect((screen.getByLabelText('自己紹介') as HTMLTextAreaElement).value).toBe('部内だけに見せる自己紹介');
      expect((screen.getByLabelText('私用電話') as HTMLInputElement).value).toBe('090-1111-2222');
      expect(screen.queryByText(/設定をまだ読み込めていません/)).toBeNull();
    });

    it('keeps what was typed, and still sends only that, when the detail comes after', async () => {
      renderAt('/me/edit');
      const hobbies = await screen.findByLabelText('趣味・特技');
      await userEvent.clear(hobbies);
      await userEvent.type(hobbies, '登山');

      // With an uploaded photo, which the form shows as soon as it has the detail: the sign that the
      // detail has reached the form, and was not taken over the typed text.
      arrive({
        ...OWN_DETAIL,
        settings: {
          audiences: { intro: 'department', hobbies: 'everyone', photo: 'everyone', privatePhone: 'managers' },
          photoConsent: false,
          photo: 'a1b2c3d4e5f60718',
        },
      });
      expect(await screen.findByRole('img', { name: '現在の写真' })).toBeTruthy();
      expect((hobbies as HTMLInputElement).value).toBe('登山');
      expect((screen.getByLabelText('自己紹介の公開範囲') as HTMLSelectElement).value).toBe('everyone');
      expect(screen.queryByText(/設定をまだ読み込めていません/)).not.toBeNull();
      await userEvent.click(screen.getByRole('button', { name: '保存' }));
      await expect.poll(() => db.outbox.count()).toBe(1);
      const [entry] = await db.outbox.toArray();
      expect(entry?.mutation).toMatchObject({ kind: 'profile.update', patch: { hobbies: ['登山'] } });
      expect(Object.keys(entry?.mutation.kind === 'profile.update' ? entry.mutation.patch : {})).toEqual(['hobbies']);
    });
  });

  it('a 10,000-character intro cannot be saved and nothing is queued', async () => {
    renderAt('/me/edit');
    const box = await screen.findByLabelText('自己紹介');
    await userEvent.clear(box);
    await userEvent.click(box);
    await userEvent.paste('あ'.repeat(10_000));
    expect(screen.getByText('9600文字オーバーしています')).toBeTruthy();
    expect(screen.getByRole('button', { name: '保存' }).hasAttribute('disabled')).toBe(true);
    expect(await db.outbox.count()).toBe(0);
  });
});
