import { render, screen } from '@testing-library/react';
import Dexie from 'dexie';
import { afterEach, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { record, UNITS } from '../../tests/fixtures/records';
import { dexieDirectoryStore } from '../db/directory-store';
import { AppDb } from '../db/schema';
import { toChunkText } from '../domain/directory-codec';
import { saveSession } from '../db/session';
import { LANG_STORAGE_KEY } from '../i18n/language';

// Its own file: vi.resetModules() gives later lazy imports a new module graph, which other tests must not share.

const db = new AppDb(`i18n-start-${Math.random().toString(36).slice(2)}`);
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
  localStorage.clear();
});

it('starts a fresh page load in the saved language: <html lang> before the first render, then English', async () => {
  await dexieDirectoryStore(db).replaceSnapshot(
    { id: 's1', version: 1, chunkCount: 1, staffCount: 1, createdAt: '2026-11-22T00:00:00.000Z' },
    UNITS,
    [toChunkText([record({ id: 'me', familyName: '髙橋', givenName: '一郎' })])],
  );
  await saveSession(db, { uid: 'u1', email: 'me@x.jp', staffId: 'me', orgId: 'demo-ku', role: 'staff', duties: [] });
  localStorage.setItem(LANG_STORAGE_KEY, 'en');
  document.documentElement.lang = 'ja'; // as index.html serves it

  // A new module graph is a new page load: the language store reads localStorage as it is created.
  vi.resetModules();
  const { App } = await import('./App');
  expect(document.documentElement.lang).toBe('en');

  const location = memoryLocation({ path: '/' });
  render(
    <Router hook={location.hook}>
      <App db={db} />
    </Router>,
  );
  expect(await screen.findByRole('searchbox', { name: 'Search staff' })).toBeTruthy();
  expect(await screen.findByText('1 person')).toBeTruthy();
});
