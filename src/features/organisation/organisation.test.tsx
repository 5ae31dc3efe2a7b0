import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveSession } from '../../db/session';
import type { AppDb } from '../../db/schema';
import type { OrgPreview } from '../../domain/organisation/protocol';
import { dropDb, renderAppAt, seededDb } from '../../../tests/fixtures/app';
import { setOrganisationApi } from './organisation-source';

let db: AppDb;
async function signIn(role: 'hr' | 'staff') {
  await saveSession(db, { uid: 'u1', email: 'me@x.jp', staffId: 's00001', orgId: 'org-ui', role, duties: [] });
}
beforeEach(async () => {
  db = await seededDb();
});
afterEach(async () => {
  setOrganisationApi(null);
  await dropDb(db);
});

/** A stand-in server: answers the preview with `problems`, records what was sent. */
function fakeServer(problems: OrgPreview['problems']) {
  const calls: { path: string; body: unknown }[] = [];
  setOrganisationApi({
    post: async (path, body) => {
      calls.push({ path, body });
      if (path === '/org/batches') {
        return {
          batchId: 'b-1',
          effective: (body as { effective: string }).effective,
          problems,
          summary: { add: 0, rename: 1, move: 0, merge: 0, abolish: 1 },
          future: false,
        } satisfies OrgPreview;
      }
      return { batchId: 'b-1', status: 'applied', summary: { add: 0, rename: 1, move: 0, merge: 0, abolish: 1 } };
    },
  });
  return calls;
}

describe('the organisation screen (/admin/org)', () => {
  it('is HR only', async () => {
    await signIn('staff');
    renderAppAt(db, '/admin/org');
    expect(await screen.findByText('この画面は人事担当者のみ利用できます。')).toBeTruthy();
  });

  it('shows the tree, stages changes from the form, shows the preview problems in Japanese and does not offer apply', async () => {
    await signIn('hr');
    const calls = fakeServer([
      {
        line: 2,
        problem: { code: 'org.unitHasPeople', params: { unit: 'kakari-2', count: 2, people: 's00002、s00005' } },
      },
    ]);
    renderAppAt(db, '/admin/org');
    const tree = await screen.findByRole('list', { name: '現在の組織' });
    await waitFor(() => expect(within(tree).getAllByRole('listitem').length).toBeGreaterThan(3));

    await userEvent.selectOptions(screen.getByLabelText('操作'), 'rename');
    await userEvent.type(screen.getByLabelText('所属コード'), 'ka-1');
    await userEvent.type(screen.getByLabelText('名称'), '<script>x</script>');
    await userEvent.click(screen.getByRole('button', { name: '追加' }));
    await userEvent.clear(screen.getByLabelText('所属コード'));
    await userEvent.selectOptions(screen.getByLabelText('操作'), 'abolish');
    await userEvent.type(screen.getByLabelText('所属コード'), 'kakari-2');
    await userEvent.click(screen.getByRole('button', { name: '追加' }));
    expect(screen.getByText('登録する変更（2件）')).toBeTruthy();
    // A name with a tag is shown as its characters.
    expect(screen.getByText(/名称変更 ka-1 → <script>x<\/script>/)).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: '確認する' }));
    const result = await screen.findByRole('region', { name: '確認の結果' });
    expect(within(result).getByText(/「kakari-2」にはまだ2人が所属しています（s00002、s00005）/)).toBeTruthy();
    expect(within(result).queryByRole('button', { name: '反映する' })).toBeNull();
    expect(calls).toEqual([
      {
        path: '/org/batches',
        body: {
          effective: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          changes: [
            { op: 'rename', id: 'ka-1', name: '<script>x</script>' },
            { op: 'abolish', id: 'kakari-2' },
          ],
        },
      },
    ]);
  }, 30_000);

  it('reads a CSV of changes, previews and applies', async () => {
    await signIn('hr');
    const calls = fakeServer([]);
    renderAppAt(db, '/admin/org');
    const csv =
      '操作,所属コード,種別,名称,よみ,上位所属コード,統合先所属コード\n名称変更,ka-1,,職員課,しょくいんか,,\n廃止,kakari-2,,,,,\n';
    await userEvent.upload(
      await screen.findByLabelText('変更のCSVファイル'),
      new File([csv], 'kaisei.csv', { type: 'text/csv' }),
    );
    expect(await screen.findByText('登録する変更（2件）')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: '確認する' }));
    await userEvent.click(await screen.findByRole('button', { name: '反映する' }));
    expect(await screen.findByText('反映しました。各端末には次の同期で届きます。')).toBeTruthy();
    expect(calls.map((c) => c.path)).toEqual(['/org/batches', '/org/batches/b-1/apply']);
    expect((calls[0]?.body as { changes: unknown }).changes).toEqual([
      { op: 'rename', id: 'ka-1', name: '職員課', kana: 'しょくいんか' },
      { op: 'abolish', id: 'kakari-2' },
    ]);
  }, 30_000);

  it('says which cell of a CSV cannot be read', async () => {
    await signIn('hr');
    fakeServer([]);
    renderAppAt(db, '/admin/org');
    const csv = '操作,所属コード\n改名,ka-1\n';
    await userEvent.upload(await screen.findByLabelText('変更のCSVファイル'), new File([csv], 'x.csv'));
    expect(await screen.findByText('2行目の「操作」が読めません（改名）')).toBeTruthy();
  });
});
