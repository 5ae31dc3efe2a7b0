import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryLocation } from 'wouter/memory-location';
import { Router } from 'wouter';
import { linkNames, personNamed } from '../../tests/fixtures/dom';
import { record, UNITS } from '../../tests/fixtures/records';
import { dexieDirectoryStore } from '../db/directory-store';
import { toChunkText } from '../domain/directory-codec';
import { AppDb } from '../db/schema';
import { App } from './App';
import { EMPTY_FILTER } from '../domain/filters';
import { useDirectoryUi } from '../features/directory/directory-ui';
import { saveSession } from '../db/session';
import { noteSignedOutRemotely } from '../features/auth/notice';
import { SNAPSHOT_ID, SNAPSHOT_KEY } from '../features/directory/snapshot';

let db: AppDb;

beforeEach(async () => {
  useDirectoryUi.setState({ query: '', filter: EMPTY_FILTER, view: 'grid' });
  db = new AppDb(`app-${Math.random().toString(36).slice(2)}`);
  await dexieDirectoryStore(db).replaceSnapshot(
    { id: 's1', version: 1, chunkCount: 1, staffCount: 3, createdAt: '2026-11-22T00:00:00.000Z' },
    UNITS,
    [
      toChunkText([
        record({ id: 'me', familyName: '髙橋', givenName: '一郎', familyKana: 'たかはし', givenKana: 'いちろう' }),
        record({
          id: 'p2',
          familyName: '佐藤',
          givenName: '美咲',
          familyKana: 'さとう',
          givenKana: 'みさき',
          unitId: 'b02k01s01',
          extension: '5678',
          skills: ['<b>手話</b>'],
        }),
        record({
          id: 'p3',
          familyName: '鈴木',
          givenName: '<img src=x onerror=alert(1)>',
          familyKana: 'すずき',
          givenKana: 'たろう',
          altFamilyName: '田中',
          altFamilyKana: 'たなか',
        }),
      ]),
    ],
  );
  await saveSession(db, { uid: 'u1', email: 'me@x.jp', staffId: 'me', orgId: 'demo-ku', role: 'staff', duties: [] });
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

function renderAt(path: string) {
  const location = memoryLocation({ path, record: true });
  const { unmount } = render(
    <Router hook={location.hook}>
      <App db={db} />
    </Router>,
  );
  return Object.assign(location, { unmount });
}

describe('App on a device store (fake-indexeddb)', () => {
  it('drops and forgets a copy of a first screen when nobody is signed in', async () => {
    await db.meta.delete('session');
    localStorage.setItem(SNAPSHOT_KEY, '{}');
    const copy = document.createElement('div');
    copy.id = SNAPSHOT_ID;
    document.body.append(copy);
    renderAt('/');
    await screen.findByRole('button', { name: 'サインイン' });
    // What the phone will keep, and how to remove it, said before signing in (issue 22).
    expect(screen.getByText(/この端末に職員名簿と自分の下書き.*サインアウトしてください/)).toBeTruthy();
    expect(document.getElementById(SNAPSHOT_ID)).toBeNull();
    expect(localStorage.getItem(SNAPSHOT_KEY)).toBeNull();
  });

  it('after the server signed this device out (A6), the sign-in screen says so once', async () => {
    await db.meta.delete('session');
    noteSignedOutRemotely();
    const first = renderAt('/');
    expect((await screen.findByText(/サインアウトされました/)).getAttribute('role')).toBe('status');
    first.unmount();
    renderAt('/');
    await screen.findByRole('button', { name: 'サインイン' });
    expect(screen.queryByText(/サインアウトされました/)).toBeNull();
  });

  it('lists everyone from the device store as links named with their full names', async () => {
    renderAt('/');
    expect(await screen.findByText('3人')).toBeTruthy();
    expect(screen.getByRole('link', { name: personNamed('髙橋 一郎') })).toBeTruthy();
    expect(screen.getByRole('link', { name: personNamed('佐藤 美咲') })).toBeTruthy();
    // Markup in a name is text: no element was created from it.
    expect(
      screen.getByRole('link', { name: personNamed('鈴木 <img src=x onerror=alert(1)>') }).querySelector('img'),
    ).toBeNull();
  });

  it('finds a person by katakana reading and by extension', async () => {
    renderAt('/');
    const box = await screen.findByRole('searchbox', { name: '職員を検索' });
    await userEvent.type(box, 'サトウ');
    expect(await screen.findByText('1人が見つかりました')).toBeTruthy();
    expect(screen.getByRole('link', { name: personNamed('佐藤 美咲') })).toBeTruthy();
    await userEvent.clear(box);
    await userEvent.type(box, '５６７８');
    expect(await screen.findByText('1人が見つかりました')).toBeTruthy();
  });

  it('asks the phone not to correct, capitalise or spell-check names typed into the search box', async () => {
    renderAt('/');
    const box = await screen.findByRole('searchbox', { name: '職員を検索' });
    expect(box.getAttribute('autocorrect')).toBe('off');
    expect(box.getAttribute('autocapitalize')).toBe('none');
    expect(box.getAttribute('spellcheck')).toBe('false');
  });

  it("searches as one types while the keys' events stop at the box, short of React's root listener", async () => {
    const reachedReact = vi.fn();
    const location = memoryLocation({ path: '/' });
    render(
      <div onKeyDown={reachedReact} onKeyUp={reachedReact} onInput={reachedReact} onBeforeInput={reachedReact}>
        <Router hook={location.hook}>
          <App db={db} />
        </Router>
      </div>,
    );
    const box = await screen.findByRole('searchbox', { name: '職員を検索' });
    await userEvent.type(box, 'みさき');
    await screen.findByText('1人が見つかりました');
    expect(screen.getByRole('link', { name: personNamed('佐藤 美咲') }).getAttribute('href')).toBe('/people/p2');
    expect(screen.queryByRole('link', { name: personNamed('髙橋 一郎') })).toBeNull();
    expect(reachedReact).not.toHaveBeenCalled();
    // The rest of the page still hands its events to React.
    await userEvent.click(screen.getByText('絞り込み'));
    await userEvent.keyboard('{Escape}');
    expect(reachedReact).toHaveBeenCalled();
  });

  it('keeps what was typed, and its results, when the directory opens again', async () => {
    const first = renderAt('/');
    await userEvent.type(await screen.findByRole('searchbox', { name: '職員を検索' }), 'すずき');
    await screen.findByText('1人が見つかりました');
    first.unmount();
    renderAt('/');
    expect(await screen.findByRole('searchbox', { name: '職員を検索' })).toHaveProperty('value', 'すずき');
    await screen.findByText('1人が見つかりました');
    const shown = linkNames(screen.getByRole('list', { name: '職員一覧' }));
    expect(shown).toEqual(['鈴木 <img src=x onerror=alert(1)>']);
  });

  it('says on the card why a search found someone when the card would not: 旧姓, skill, extension', async () => {
    renderAt('/');
    const box = await screen.findByRole('searchbox', { name: '職員を検索' });
    const card = (name: string) => screen.getByRole('link', { name: personNamed(name) });
    const suzuki = '鈴木 <img src=x onerror=alert(1)>';
    await userEvent.type(box, 'tanaka');
    await screen.findByText('1人が見つかりました');
    await within(card(suzuki)).findByText('旧姓・通称：田中');
    expect(within(card(suzuki)).queryByText('すずき たろう')).toBeNull();
    // Named by the name alone, described by the reason: a screen reader hears both.
    expect(screen.getByRole('link', { name: personNamed(suzuki), description: '旧姓・通称：田中' })).toBe(card(suzuki));

    await userEvent.clear(box);
    await userEvent.type(box, '手話');
    await screen.findByText('1人が見つかりました');
    // Markup in a skill is text here too.
    await within(card('佐藤 美咲')).findByText('スキル：<b>手話</b>');
    expect(card('佐藤 美咲').querySelector('b')).toBeNull();

    // Found by the name on the card: the reading stays, no reason.
    await userEvent.clear(box);
    await userEvent.type(box, 'さとう');
    await screen.findByText('1人が見つかりました');
    await within(card('佐藤 美咲')).findByText('さとう みさき');
    expect(card('佐藤 美咲').querySelector('.match-reason')).toBeNull();

    await userEvent.clear(box);
    await userEvent.type(box, '5678');
    await screen.findByText('1人が見つかりました');
    await within(card('佐藤 美咲')).findByText('内線：5678');

    // The list view names a skill too (which reasons a row leaves out: PeopleList.test.tsx).
    await userEvent.click(screen.getByRole('button', { name: '一覧' }));
    expect((await screen.findByRole('link', { name: personNamed('佐藤 美咲') })).className).toBe('person-link');
    await userEvent.clear(box);
    await userEvent.type(box, '手話');
    await screen.findByText('1人が見つかりました');
    const described = await screen.findByRole('link', {
      name: personNamed('佐藤 美咲'),
      description: 'スキル：<b>手話</b>',
    });
    expect(described.className).toBe('person-link');
  });

  it('narrows by department from the filter menu and switches between faces and a list', async () => {
    renderAt('/');
    await screen.findByText('3人');
    await userEvent.click(screen.getByText('絞り込み'));
    await userEvent.selectOptions(await screen.findByLabelText('所属'), 'b02');
    expect(await screen.findByText('1人が見つかりました')).toBeTruthy();
    expect(screen.getByRole('link', { name: personNamed('佐藤 美咲') })).toBeTruthy();
    expect(screen.queryByRole('link', { name: personNamed('髙橋 一郎') })).toBeNull();

    expect(screen.queryByText('5678')).toBeNull(); // faces: no extension column
    await userEvent.click(screen.getByRole('button', { name: '一覧' }));
    expect(screen.getByRole('button', { name: '一覧' }).getAttribute('aria-pressed')).toBe('true');
    // The list view's code loads on that first tap (it is not in the entry chunk): then the one
    // person left by the filter is a row of the list, with their extension.
    const list = await screen.findByRole('list', { name: '職員一覧' });
    expect(linkNames(list)).toEqual(['佐藤 美咲']);
    expect(within(list).getByText('5678').closest('li')?.textContent).toContain('佐藤 美咲');

    await userEvent.click(screen.getByRole('button', { name: '条件をクリア' }));
    expect(await screen.findByText('3人')).toBeTruthy();
  });

  it('shows a profile with its section and a one-tap call to the extension', async () => {
    renderAt('/people/p2');
    const heading = await screen.findByRole('heading', { level: 1, name: '佐藤 美咲' });
    const article = heading.closest('article');
    if (!article) throw new Error('profile is not an article');
    expect(within(article).getByText(/福祉部 高齢者福祉課 地域支援係/)).toBeTruthy();
    expect(within(article).getByRole('link', { name: '内線 5678' }).getAttribute('href')).toBe('tel:5678');
  });

  it('saves an intro edit to the outbox and shows it at once as pending', async () => {
    const location = renderAt('/me/edit');
    const box = await screen.findByLabelText('自己紹介');
    await userEvent.type(box, '窓口のことなら何でも');
    await userEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('窓口のことなら何でも')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('未送信 1件');
    expect(location.history?.at(-1)).toBe('/people/me');
    const outbox = await db.outbox.toArray();
    expect(outbox.map((o) => (o.mutation.kind === 'profile.update' ? o.mutation.patch : null))).toEqual([
      { intro: '窓口のことなら何でも' },
    ]);
  });

  it('says how far over the limit an intro is and does not let it be saved', async () => {
    renderAt('/me/edit');
    const box = await screen.findByLabelText('自己紹介');
    await userEvent.click(box);
    await userEvent.paste('あ'.repeat(405));
    expect(screen.getByText('5文字オーバーしています')).toBeTruthy();
    expect(screen.getByRole('button', { name: '保存' }).hasAttribute('disabled')).toBe(true);
    expect(await db.outbox.count()).toBe(0);
  });
});
