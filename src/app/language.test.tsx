import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { linkNames } from '../../tests/fixtures/dom';
import { record, UNITS } from '../../tests/fixtures/records';
import { dexieDirectoryStore } from '../db/directory-store';
import { AppDb } from '../db/schema';
import { toChunkText } from '../domain/directory-codec';
import { EMPTY_FILTER } from '../domain/filters';
import { useDirectoryUi } from '../features/directory/directory-ui';
import { App } from './App';
import { saveSession } from '../db/session';
import { LANG_STORAGE_KEY, readStoredLang, useLang } from '../i18n/language';
import { ja } from '../i18n/ja';

let db: AppDb;

async function seed(signedIn: boolean) {
  await dexieDirectoryStore(db).replaceSnapshot(
    { id: 's1', version: 1, chunkCount: 1, staffCount: 2, createdAt: '2026-11-22T00:00:00.000Z' },
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
        }),
      ]),
    ],
  );
  if (signedIn) {
    await saveSession(db, { uid: 'u1', email: 'me@x.jp', staffId: 'me', orgId: 'demo-ku', role: 'staff', duties: [] });
  }
}

beforeEach(() => {
  localStorage.clear();
  useLang.setState({ lang: 'ja', shown: 'ja', messages: ja });
  document.documentElement.lang = 'ja';
  useDirectoryUi.setState({ query: '', filter: EMPTY_FILTER, view: 'grid' });
  db = new AppDb(`i18n-${Math.random().toString(36).slice(2)}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
  localStorage.clear();
});

function renderAt(path: string, app = <App db={db} />) {
  const location = memoryLocation({ path });
  return render(<Router hook={location.hook}>{app}</Router>);
}

const languageSelect = () => screen.getByRole('combobox', { name: /Language/ });

describe('UI language (P5)', () => {
  it('is Japanese by default, with <html lang="ja"> and the searchbox named 職員を検索', async () => {
    await seed(true);
    renderAt('/');
    expect(await screen.findByRole('searchbox', { name: '職員を検索' })).toBeTruthy();
    expect(await screen.findByText('2人')).toBeTruthy();
    expect(document.documentElement.lang).toBe('ja');
    expect((languageSelect() as HTMLSelectElement).value).toBe('ja');
  });

  it('switches the header, directory and filters to English, saves the choice and sets <html lang="en">', async () => {
    await seed(true);
    renderAt('/');
    await screen.findByText('2人');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: '言語 (Language)' }), 'English');

    // The English words are a chunk of their own, there a moment after the choice.
    expect(await screen.findByRole('searchbox', { name: 'Search staff' })).toBeTruthy();
    expect(screen.queryByRole('searchbox', { name: '職員を検索' })).toBeNull();
    expect(screen.getByText('2 people')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Menu' });
    for (const name of ['Org', 'Peers', 'Me']) expect(within(nav).getByRole('link', { name })).toBeTruthy();
    expect(within(nav).getByRole('button', { name: 'Sign out' })).toBeTruthy();
    // Nothing has synced in this test (the device was seeded), so the badge does not claim 最新 (issue 22).
    expect(screen.getByRole('status').textContent).toBe('Syncing…');
    expect(screen.getByRole('combobox', { name: 'Language (言語)' })).toBeTruthy();

    await userEvent.click(screen.getByText('Filter'));
    await userEvent.selectOptions(await screen.findByLabelText('Section'), 'b02');
    expect(await screen.findByText('1 found')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'List' }));
    // Loaded on this first tap (not in the entry chunk); the filtered one person is its only row,
    // with the extension only the list view shows.
    const list = await screen.findByRole('list', { name: 'Staff' });
    expect(linkNames(list)).toEqual(['佐藤 美咲']);
    expect(within(list).getByText('5678').closest('li')?.textContent).toContain('佐藤 美咲');
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByText('2 people')).toBeTruthy();

    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('en');
  });

  it('keeps English across an unmount and a remount', async () => {
    await seed(true);
    const first = renderAt('/');
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: /Language/ }), 'en');
    expect(await screen.findByRole('searchbox', { name: 'Search staff' })).toBeTruthy();
    first.unmount();

    renderAt('/');
    expect(await screen.findByRole('searchbox', { name: 'Search staff' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
  });

  it('switches back to 日本語', async () => {
    await seed(true);
    useLang.getState().setLang('en');
    renderAt('/');
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Language (言語)' }), '日本語');
    expect(screen.getByRole('searchbox', { name: '職員を検索' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('ja');
    expect(readStoredLang()).toBe('ja');
  });

  it('offers the switch on the sign-in screen', async () => {
    await seed(false);
    renderAt('/');
    expect(await screen.findByLabelText('メールアドレス')).toBeTruthy();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: '言語 (Language)' }), 'en');
    // The sign-in screen's English is a chunk of its own too, there a moment after the choice.
    expect(await screen.findByRole('heading', { level: 1, name: 'Staff Directory' })).toBeTruthy();
    expect(screen.getByLabelText('Email')).toBeTruthy();
    expect(screen.getByLabelText('Password')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(screen.getByRole('form', { name: 'Sign in' })).toBeTruthy();
  });

  it('shows a profile in English, data (names, units) as they are', async () => {
    await seed(true);
    useLang.getState().setLang('en');
    renderAt('/people/p2');
    const heading = await screen.findByRole('heading', { level: 1, name: '佐藤 美咲' });
    const article = heading.closest('article');
    if (!article) throw new Error('profile is not an article');
    expect(within(article).getByText(/福祉部 高齢者福祉課 地域支援係/)).toBeTruthy();
    expect(within(article).getByRole('link', { name: 'Ext. 5678' }).getAttribute('href')).toBe('tel:5678');
    expect(within(article).getByRole('button', { name: 'Copy ext.' })).toBeTruthy();
    expect(within(article).getByRole('heading', { name: 'DX skills' })).toBeTruthy();
    expect(within(article).getByRole('link', { name: '← Directory' })).toBeTruthy();
  });

  it('shows the peers, organisation and communities screens in English', async () => {
    await seed(true);
    useLang.getState().setLang('en');
    const peers = renderAt('/peers');
    expect(await screen.findByRole('heading', { level: 1, name: 'Peers' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Find by skill' })).toBeTruthy();
    expect(screen.getByLabelText('Skill')).toBeTruthy();
    peers.unmount();

    const org = renderAt('/org');
    expect(await screen.findByRole('heading', { level: 1, name: 'Organization' })).toBeTruthy();
    expect(await screen.findByText(/departments · 2 people$/)).toBeTruthy();
    org.unmount();

    renderAt('/communities');
    expect(await screen.findByRole('heading', { level: 1, name: 'Communities' })).toBeTruthy();
    expect(await screen.findByText("You haven't joined any yet.")).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Create' })).toBeTruthy();
    expect(screen.getByLabelText('Name')).toBeTruthy();
  });

  it('switches a lazy screen already on view to English and back, with its own words', async () => {
    await seed(true);
    renderAt('/org');
    expect(await screen.findByRole('heading', { level: 1, name: '組織' })).toBeTruthy();
    await userEvent.selectOptions(languageSelect(), 'English');
    expect(await screen.findByRole('heading', { level: 1, name: 'Organization' })).toBeTruthy();
    expect(screen.getByText(/departments · 2 people$/)).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Menu' })).toBeTruthy();
    await userEvent.selectOptions(languageSelect(), '日本語');
    expect(await screen.findByRole('heading', { level: 1, name: '組織' })).toBeTruthy();
    expect(screen.getByText(/部・2人$/)).toBeTruthy();
  });

  it('names job levels, employment types and DX skills in English, and shows 職名, units and tags as written', async () => {
    await dexieDirectoryStore(db).replaceSnapshot(
      { id: 's2', version: 1, chunkCount: 1, staffCount: 2, createdAt: '2026-11-22T00:00:00.000Z' },
      UNITS,
      [
        toChunkText([
          record({ id: 'me' }),
          record({
            id: 'p3',
            familyName: '佐藤',
            givenName: '美咲',
            title: '主任主事',
            jobLevel: '主任',
            employment: '再任用',
            skills: ['手話'],
            dxLevels: [0, 2, 0, 0, 0],
          }),
        ]),
      ],
    );
    await saveSession(db, { uid: 'u1', email: 'me@x.jp', staffId: 'me', orgId: 'demo-ku', role: 'staff', duties: [] });
    useLang.getState().setLang('en');
    const profile = renderAt('/people/p3');
    const heading = await screen.findByRole('heading', { level: 1, name: '佐藤 美咲' });
    const article = heading.closest('article');
    if (!article) throw new Error('profile is not an article');
    expect(within(article).getByText('Reappointed')).toBeTruthy();
    expect(within(article).queryByText('再任用')).toBeNull();
    expect(within(article).getByText(/主任主事/)).toBeTruthy(); // the 職名: data
    expect(within(article).getByText('手話')).toBeTruthy(); // a skill tag: data
    const dx = within(article).getByRole('heading', { name: 'DX skills' }).closest('section');
    if (!dx) throw new Error('no DX skills section');
    expect([...dx.querySelectorAll('dt')].map((d) => d.textContent)).toEqual([
      'Business reform',
      'Project management',
      'Digital tools',
      'Data use',
      'Security',
    ]);
    profile.unmount();

    renderAt('/');
    await userEvent.click(await screen.findByText('Filter'));
    const level = await screen.findByLabelText('Job level');
    const levels = [...level.querySelectorAll('option')].map((o) => o.textContent);
    expect(levels).toContain('Senior officer');
    expect(levels).toContain('Director level');
    expect(levels.some((l) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(l ?? ''))).toBe(false);
    await userEvent.selectOptions(level, 'Senior officer');
    expect(await screen.findByText('1 found')).toBeTruthy();
    const skill = screen.getByLabelText('Skill');
    expect(within(skill).getByRole('option', { name: 'Project management' })).toBeTruthy();
    expect(within(skill).getByRole('option', { name: '手話' })).toBeTruthy();
  });
});
