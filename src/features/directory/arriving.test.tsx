import { render, screen, waitFor } from '@testing-library/react';
import Dexie from 'dexie';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { afterEach, describe, expect, it } from 'vitest';
import { record, UNITS } from '../../../tests/fixtures/records';
import { dexieDirectoryStore } from '../../db/directory-store';
import { AppDb } from '../../db/schema';
import { toChunkText } from '../../domain/directory-codec';
import { useDirectory } from '../../ui/use-directory';
import { useUi } from '../../ui/ui-store';
import { INITIAL_STATUS } from '../../sync/sync-status';
import { DirectoryScreen } from './DirectoryScreen';
import { useDirectoryUi } from './directory-ui';

/** Issue 22: the directory screen of a new device while its first snapshot arrives (in-thread searcher). */

let db: AppDb;
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
  useUi.setState({ online: true, sync: INITIAL_STATUS });
  useDirectoryUi.setState({ query: '' });
});

const manifest = (id: string) => ({
  id,
  version: 4,
  chunkCount: 2,
  staffCount: 3,
  createdAt: '2026-11-22T00:00:00.000Z',
});
const first = [
  record({ id: 'a', familyName: '佐藤', familyKana: 'さとう' }),
  record({ id: 'b', familyName: '鈴木', familyKana: 'すずき' }),
];
const second = [record({ id: 'c', familyName: '佐々木', familyKana: 'ささき' })];

function Screen() {
  const directory = useDirectory(db, null);
  return <DirectoryScreen db={db} directory={directory} />;
}

function show() {
  const location = memoryLocation({ path: '/' });
  return render(
    <Router hook={location.hook}>
      <Screen />
    </Router>,
  );
}

describe('the directory of a new device', () => {
  it('says it is receiving, not that nothing has arrived, while the first sync is under way', async () => {
    db = new AppDb(`arr-${Math.random().toString(36).slice(2)}`);
    show();
    expect(await screen.findByText('名簿を受信しています…')).toBeTruthy();
    useUi.setState({ online: false });
    expect(await screen.findByText(/名簿をまだ受信していません/)).toBeTruthy();
  });

  it('shows the first chunk with how many of how many have come and a progress bar, searches those, then the rest', async () => {
    db = new AppDb(`arr-${Math.random().toString(36).slice(2)}`);
    const store = dexieDirectoryStore(db);
    const m = manifest(`s-${Math.random().toString(36).slice(2)}`);
    await store.receiveChunk(m, UNITS, 0, toChunkText(first));
    show();
    expect(await screen.findByText('読み込み中 2 / 3人')).toBeTruthy();
    const bar = screen.getByRole('progressbar', { name: '名簿の受信' });
    expect(bar.getAttribute('value')).toBe('2');
    expect(bar.getAttribute('max')).toBe('3');
    expect(screen.getAllByRole('link').length).toBe(2);

    useDirectoryUi.setState({ query: 'さ' });
    expect(await screen.findByText('1人が見つかりました（読み込み中 2 / 3人）')).toBeTruthy();

    await store.receiveChunk(m, UNITS, 1, toChunkText(second));
    await store.installSnapshot(m, UNITS);
    expect(await screen.findByText('2人が見つかりました')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
  });
});
