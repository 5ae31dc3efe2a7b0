import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveSession } from '../../db/session';
import type { AppDb } from '../../db/schema';
import type { RecognitionSummary } from '../../domain/yell-aggregate';
import { TransportError } from '../../sync/ports';
import { dropDb, renderAppAt, seededDb } from '../../../tests/fixtures/app';
import { setRecognitionApi } from './summary-source';
import { summaryKey } from './use-summary';

function summary(name: string, unitId: string | null, total: number, cross: number): RecognitionSummary {
  return {
    scope: { unitId, name },
    total,
    crossDepartment: cross,
    crossDepartmentShare: total === 0 ? 0 : cross / total,
    byValue: [
      { value: 'tasukeai', label: '助けあエール', count: total - 1 },
      { value: 'sonchou', label: 'そんちょうしあエール', count: 1 },
    ],
    byDepartment: [
      { unitId: 'b01', name: '総務部', received: 3, sent: 1 },
      { unitId: 'b02', name: '福祉部', received: 1, sent: 3 },
    ],
    byMonth: [
      { month: '2026-10', count: 1, crossDepartment: 0 },
      { month: '2026-11', count: total - 1, crossDepartment: cross },
    ],
  };
}

async function as(db: AppDb, role: 'staff' | 'manager' | 'hr') {
  await saveSession(db, { uid: 'u1', email: 'me@x.jp', staffId: 'me', orgId: 'demo-ku', role, duties: [] });
}

let db: AppDb;
const asked: (string | null)[] = [];
beforeEach(async () => {
  db = await seededDb();
  asked.length = 0;
});
afterEach(async () => {
  setRecognitionApi(null);
  await dropDb(db);
});

describe('recognition summary (R3)', () => {
  it('is closed to staff, and asks the server nothing', async () => {
    await as(db, 'staff');
    setRecognitionApi({
      fetchRecognitionSummary: async (unitId) => {
        asked.push(unitId);
        return summary('組織全体', null, 4, 1);
      },
    });
    renderAppAt(db, '/recognition/summary');
    expect(await screen.findByText('この画面は管理職と人事の方だけが見られます。')).toBeTruthy();
    expect(asked).toEqual([]);
  });

  it('shows HR the whole organisation with the cross-department share, tables beside charts, and a 部 chosen', async () => {
    await as(db, 'hr');
    setRecognitionApi({
      fetchRecognitionSummary: async (unitId) => {
        asked.push(unitId);
        return unitId === 'b02' ? summary('福祉部', 'b02', 10, 7) : summary('Org (as the server names it)', null, 4, 1);
      },
    });
    renderAppAt(db, '/recognition/summary');
    expect(await screen.findByText('25.0%')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '組織全体' })).toBeTruthy();
    const byDept = screen.getByRole('table', { name: '部別（表）' });
    expect(
      within(byDept)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['部受け取った送った', '総務部31', '福祉部13']);
    expect(screen.getAllByRole('img', { name: /同じ内容を下の表で読めます/ })).toHaveLength(3);
    expect(screen.getByRole('table', { name: '月別（表）' })).toBeTruthy();

    // The 部 come with the directory, which may land a moment after the summary.
    await screen.findByRole('option', { name: '福祉部' });
    await userEvent.selectOptions(screen.getByLabelText('対象'), '福祉部');
    expect(await screen.findByText('70.0%')).toBeTruthy();
    expect(asked).toEqual([null, 'b02']);
    // Kept for offline viewing under its scope.
    expect(await db.recognition.get(summaryKey('b02'))).toMatchObject({ value: { total: 10 } });
  });

  it('offline, shows a manager the last summary kept on the device, and says it is not fresh', async () => {
    await as(db, 'manager');
    await db.recognition.put({ key: summaryKey(null), value: summary('総務部', 'b01', 8, 2), fetchedAt: Date.now() });
    setRecognitionApi({
      fetchRecognitionSummary: async () => {
        throw new TransportError('オフラインです', 0, 'offline');
      },
    });
    renderAppAt(db, '/recognition/summary');
    expect(await screen.findByText('オフラインのため、前回の集計を表示しています。')).toBeTruthy();
    expect(screen.getByText('25.0%')).toBeTruthy();
    expect(screen.queryByLabelText('対象')).toBeNull();
  });

  it('forgets the kept copy when the server refuses (the role changed)', async () => {
    await as(db, 'manager');
    await db.recognition.put({ key: summaryKey(null), value: summary('総務部', 'b01', 8, 2), fetchedAt: 1 });
    setRecognitionApi({
      fetchRecognitionSummary: async () => {
        throw new TransportError('集計を見る権限がありません', 403, 'forbidden');
      },
    });
    renderAppAt(db, '/recognition/summary');
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.queryByText('25.0%')).toBeNull();
    expect(await db.recognition.get(summaryKey(null))).toBeUndefined();
  });
});
