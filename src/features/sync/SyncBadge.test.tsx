import { act, render, screen } from '@testing-library/react';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeCursor, KEPT_FEEDS } from '../../db/cursors';
import { AppDb } from '../../db/schema';
import { ja } from '../../i18n/ja';
import { useLang } from '../../i18n/language';
import { INITIAL_STATUS } from '../../sync/sync-status';
import { useUi } from '../../ui/ui-store';
import { SyncBadge } from './SyncBadge';

/** Issue 22: the badge says 最新 only when every feed has arrived and this session has synced. */

let db: AppDb;
beforeEach(() => {
  localStorage.clear();
  useLang.setState({ lang: 'ja', shown: 'ja', messages: ja });
  useUi.setState({ online: true, sync: INITIAL_STATUS });
  db = new AppDb(`badge-${Math.random().toString(36).slice(2)}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
  useUi.setState({ online: true, sync: INITIAL_STATUS });
  localStorage.clear();
});

async function keep(feeds: readonly (typeof KEPT_FEEDS)[number][]) {
  await db.transaction('rw', db.feedCursors, async () => {
    for (const feed of feeds) {
      await writeCursor(db, feed, feed === 'directory' ? { snapshotId: 's1', version: 1 } : { version: 1 });
    }
  });
}

const failed = (status: number) =>
  useUi.setState({
    sync: {
      ...INITIAL_STATUS,
      phase: 'error',
      error: { code: 'sync.refused', params: { status } },
      errorCode: 'refused',
    },
  });

describe('SyncBadge', () => {
  it('is not 最新 before the first sync of the session, nor while a feed has not arrived', async () => {
    render(<SyncBadge db={db} />);
    expect(screen.getByRole('status').textContent).toBe('同期中…');

    // The sync ended, but the エール feed's first page was never stored.
    await keep(KEPT_FEEDS.filter((f) => f !== 'yells'));
    act(() => useUi.setState({ sync: { ...INITIAL_STATUS, lastSyncedAt: 1 } }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByRole('status').textContent).toBe('同期中…');

    await keep(['yells']);
    expect(await screen.findByText('最新')).toBeTruthy();
  });

  it('is not 最新 while a first directory is still arriving', async () => {
    await keep(KEPT_FEEDS);
    await db.meta.put({
      key: 'directory',
      value: { staffCount: 1000, syncedAt: null, arriving: { snapshotId: 's2', staffCount: 40000 } },
    });
    useUi.setState({ sync: { ...INITIAL_STATUS, lastSyncedAt: 1 } });
    render(<SyncBadge db={db} />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByRole('status').textContent).toBe('同期中…');
    await db.meta.put({ key: 'directory', value: { staffCount: 40000, syncedAt: 2 } });
    expect(await screen.findByText('最新')).toBeTruthy();
  });

  it('says a sync error in its code’s words, which load as the badge mounts (not in the entry chunk), in each language', async () => {
    render(<SyncBadge db={db} />);
    act(() => failed(503));
    expect(await screen.findByText('サーバーが要求を受け付けませんでした（エラー 503）')).toBeTruthy();

    act(() => useLang.getState().setLang('en'));
    expect(await screen.findByText("The server didn't accept the request (error 503)")).toBeTruthy();
  });
});
