import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppDb } from '../../db/schema';
import { dexieCommunityCache } from '../../db/communities';
import { keptCursor } from '../../db/cursors';
import { dexieYellCache } from '../../db/yells';
import { dropDb, renderAppAt, seededDb } from '../../../tests/fixtures/app';
import { useUi } from '../../ui/ui-store';

/** Issue 22: a feed that has not arrived is loading, not empty; an empty first page is stored as arrived. */

let db: AppDb;
beforeEach(async () => {
  db = await seededDb();
});
afterEach(() => {
  useUi.setState({ online: true });
  return dropDb(db);
});

const emptyPage = { yells: [], removed: [], version: 0, more: false, reset: false, feedOptOut: [] };

describe('the エール feed of a device it has not reached yet', () => {
  it('says loading, not "no public yells", until its first page is stored, an empty one too', async () => {
    renderAppAt(db, '/yells');
    expect(await screen.findByText('読み込み中…')).toBeTruthy();
    expect(screen.queryByText('まだ公開のエールはありません。')).toBeNull();

    await dexieYellCache(db).applyPage(emptyPage);
    expect(await screen.findByText('まだ公開のエールはありません。')).toBeTruthy();
  });

  it('says it has not arrived, and how it will, when offline', async () => {
    useUi.setState({ online: false });
    renderAppAt(db, '/yells');
    expect(await screen.findByText(/エールをまだ受信していません/)).toBeTruthy();
  });
});

describe('every feed stores its cursor with its first answer, an empty one too', () => {
  it('yells and communities', async () => {
    expect(await keptCursor(db, 'yells')).toBeNull();
    await dexieYellCache(db).applyPage(emptyPage);
    expect(await keptCursor(db, 'yells')).toEqual({ version: 0 });
    expect(await keptCursor(db, 'communities')).toBeNull();
    await dexieCommunityCache(db).applyPage({ communities: [], version: 0, more: false, reset: false });
    expect(await keptCursor(db, 'communities')).toEqual({ version: 0 });
  });
});
