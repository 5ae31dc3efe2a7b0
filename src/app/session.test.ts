import { afterEach, describe, expect, it } from 'vitest';
import { saveSession } from '../db/session';
import { AppDb } from '../db/schema';
import { enqueueMutation } from '../db/outbox';
import { captureSnapshot, forgetSnapshot, SNAPSHOT_KEY } from '../features/directory/snapshot';
import { keepSnapshot } from '../features/directory/snapshot-html';
import { httpTransport } from '../platform/api';
import { takeSignedOutNotice } from '../features/auth/notice';
import { clearDevice, endSignedOutSession } from './session';

/** The page as index.html and the app leave it: the entry script, then the root with a grid of faces. */
function page(names: string[]): void {
  document.head.innerHTML = '<script type="module" src="/assets/index-abc123.js"></script>';
  document.body.innerHTML = '';
  const root = document.createElement('div');
  root.id = 'root';
  const box = document.createElement('input');
  box.type = 'search';
  const grid = document.createElement('ul');
  grid.className = 'face-grid';
  for (const name of names) {
    const li = document.createElement('li');
    const link = document.createElement('a');
    link.href = '/people/x';
    link.textContent = name;
    li.append(link);
    grid.append(li);
  }
  root.append(box, grid);
  document.body.append(root);
}

afterEach(() => localStorage.clear());

describe('clearDevice (sign-out)', () => {
  it('forgets the copy of the first screen with the rest of the device', async () => {
    window.history.replaceState(null, '', '/');
    page(['佐藤 花子']);
    const copy = captureSnapshot(document);
    expect(copy && keepSnapshot(document, SNAPSHOT_KEY, copy)).toBe(true);
    expect(localStorage.getItem(SNAPSHOT_KEY)).not.toBeNull();
    const db = new AppDb(`session-${Math.random().toString(36).slice(2)}`);
    await saveSession(db, { uid: 'u1', email: 'me@x.jp', staffId: 'me', orgId: 'demo-ku', role: 'staff', duties: [] });
    await enqueueMutation(db, {
      kind: 'profile.update',
      id: 'mmmmmmmm',
      createdAt: '2026-04-01T00:00:00.000Z',
      patch: { intro: 'x' },
    });
    await db.feedCursors.put({ feed: 'yells', cursor: { version: 4 } });

    await clearDevice(db);

    expect(localStorage.getItem(SNAPSHOT_KEY)).toBeNull();
    expect(await db.meta.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    // The next person starts every feed from the beginning.
    expect(await db.feedCursors.count()).toBe(0);
    db.close();
    forgetSnapshot(); // Nothing kept: nothing to forget, and no error.
  });
});

describe('signed out of every device (A6): the device is told at its next contact', () => {
  it('a sync refused with auth.signedOut deletes the local data and signs out', async () => {
    const db = new AppDb(`signed-out-${Math.random().toString(36).slice(2)}`);
    await saveSession(db, { uid: 'u1', email: 'me@x.jp', staffId: 'me', orgId: 'demo-ku', role: 'staff', duties: [] });
    await db.feedCursors.put({ feed: 'yells', cursor: { version: 4 } });
    await enqueueMutation(db, {
      kind: 'profile.update',
      id: 'nnnnnnnn',
      createdAt: '2026-04-01T00:00:00.000Z',
      patch: { intro: 'x' },
    });
    let signedOut = 0;
    const transport = httpTransport({
      apiBase: '',
      getToken: async () => 'tok',
      fetch: async () => Response.json({ code: 'auth.signedOut' }, { status: 401 }),
      // As src/app/connect.ts wires it.
      onSignedOut: () =>
        endSignedOutSession(db, async () => {
          signedOut += 1;
        }),
    });

    await expect(transport.sync({ feeds: { yells: { version: 4 } } })).rejects.toMatchObject({
      code: 'auth.signedOut',
    });

    expect(signedOut).toBe(1);
    // The sign-in screen says why, once.
    expect(takeSignedOutNotice()).toBe(true);
    expect(takeSignedOutNotice()).toBe(false);
    expect(await db.meta.count()).toBe(0);
    expect(await db.feedCursors.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    db.close();
  });
});
