import { act, render, screen } from '@testing-library/react';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppDb } from '../../db/schema';
import { ja } from '../../i18n/ja';
import { useLang } from '../../i18n/language';
import { INITIAL_STATUS } from '../../sync/sync-status';
import { useUi } from '../../ui/ui-store';
import { SyncBadge } from './SyncBadge';

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

const failed = (status: number) =>
  useUi.setState({
    sync: {
      ...INITIAL_STATUS,
      phase: 'error',
      error: { code: 'sync.refused', params: { status } },
      errorCode: 'refused',
    },
  });

describe('sync badge', () => {
  it('says a sync error in its code’s words, which load as the badge mounts (not in the entry chunk), in each language', async () => {
    render(<SyncBadge db={db} />);
    expect(await screen.findByText('最新')).toBeTruthy();
    act(() => failed(503));
    expect(await screen.findByText('サーバーが要求を受け付けませんでした（エラー 503）')).toBeTruthy();

    act(() => useLang.getState().setLang('en'));
    expect(await screen.findByText("The server didn't accept the request (error 503)")).toBeTruthy();
  });
});
