import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveSession } from '../../db/session';
import type { AppDb } from '../../db/schema';
import { encodeCp932 } from '../../domain/csv/testing/cp932';
import { dropDb, renderAppAt, seededDb } from '../../../tests/fixtures/app';
import { rosterServerApi as serverApi, wireRoster } from '../../../tests/fixtures/roster-server';
import { setRosterApi } from './roster-source';

const FILE = [
  '職員番号,姓,名,所属コード,職層,メール,発令日,区分',
  's00004,,,ka-1,,,2026/3/1,異動',
  's00005,,,nowhere,,,2026/3/1,異動',
  's00100,髙﨑,花子,kakari-1,主事,s00100@city.example.lg.jp,令和8年3月1日,採用',
  's00101,佐藤,一郎,kakari-2,係員,sato@elsewhere.example.jp,2026/3/1,採用',
].join('\r\n');

let db: AppDb;
beforeEach(async () => {
  db = await seededDb();
  await saveSession(db, {
    uid: 'u1',
    email: 'me@x.jp',
    staffId: 's00001',
    orgId: 'org-roster-ui',
    role: 'hr',
    duties: [],
  });
});
afterEach(async () => {
  setRosterApi(null);
  wireRoster(null);
  await dropDb(db);
});

async function pick(file: File) {
  await userEvent.upload(await screen.findByLabelText('CSVファイル'), file);
  await userEvent.click(screen.getByRole('button', { name: '確認する' }));
}

describe('roster import screen', () => {
  it('shows every bad row with line, column, value and why, and applies the valid rows only when HR chooses so', async () => {
    const server = await serverApi();
    setRosterApi(server.api);
    renderAppAt(db, '/admin/roster');
    await pick(new File([new Uint8Array(encodeCp932(FILE))], '名簿.csv', { type: 'text/csv' }));

    expect((await screen.findByTestId('roster-summary')).textContent).toContain(
      '新規 1・異動 1・退職 0・変更 0・変更なし 0',
    );
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['3', '所属コード', 'nowhere', expect.stringContaining('時点の組織にこの所属コードはありません')],
      [
        '5',
        'メール',
        'sato@elsewhere.example.jp',
        expect.stringContaining('組織のメールアドレス（city.example.lg.jp）ではありません'),
      ],
    ]);
    const head = await server.headVersion();
    const apply = screen.getByRole('button', { name: '反映する' });
    expect((apply as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(screen.getByLabelText('誤りのある行を除き、正しい行だけを反映する'));
    await userEvent.click(apply);
    await screen.findByText('反映しました。各端末には次の同期で届きます。');
    expect(await server.headVersion()).toBe(head + 2);
    expect(server.access.calls.flatMap((c) => c.changes.map((x) => x.staffId))).toEqual(['s00100']);
  });

  it('says so when the chosen encoding is not the file’s, and sends nothing', async () => {
    const server = await serverApi();
    setRosterApi(server.api);
    const head = await server.headVersion();
    renderAppAt(db, '/admin/roster');
    await userEvent.selectOptions(await screen.findByLabelText('文字コード'), 'utf-8');
    await pick(new File([new Uint8Array(encodeCp932(FILE))], '名簿.csv'));
    expect((await screen.findByRole('alert')).textContent).toContain(
      '文字コードがUTF-8ではないようです（Shift_JISと思われます）',
    );
    expect(await server.headVersion()).toBe(head);
  });

  it('refuses an empty file with why', async () => {
    setRosterApi((await serverApi()).api);
    renderAppAt(db, '/admin/roster');
    await pick(new File([], 'empty.csv'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('ファイルが空です'));
  });

  it('is for HR only', async () => {
    await saveSession(db, {
      uid: 'u2',
      email: 'x@x.jp',
      staffId: 's00003',
      orgId: 'org-roster-ui',
      role: 'manager',
      duties: [],
    });
    renderAppAt(db, '/admin/roster');
    expect((await screen.findByRole('alert')).textContent).toContain('この画面は人事担当者のみ利用できます。');
  });
});
