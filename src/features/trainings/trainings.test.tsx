import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppDb } from '../../db/schema';
import { mergeTrainingEdit, type Training, type TrainingInput } from '../../domain/trainings';
import { sampleTraining } from '../../domain/trainings/fixtures';
import { dropDb, renderAppAt, seededDb } from '../../../tests/fixtures/app';
import { dexieTrainingCache } from './cache';

function training(over: Partial<TrainingInput>, version: number): Training {
  const merged = mergeTrainingEdit(null, sampleTraining(over));
  if (!merged.ok) throw new Error('sample does not merge');
  return { ...merged.training, version };
}
const run = (id: string, dates: string[], capacity = 30) => ({
  id,
  dates,
  online: false,
  place: '本庁舎 第1研修室',
  capacity,
});

const CATALOGUE = [
  training({}, 1),
  training(
    {
      id: 'trn-0002',
      title: 'クレーム対応研修（窓口編）',
      area: 'interpersonal',
      dxSkill: null,
      dxLevel: null,
      description: '窓口での傾聴と説明',
      runs: [run('run-0002-1', ['2026-04-20']), run('run-0002-2', ['2099-05-12'])],
    },
    2,
  ),
  training(
    {
      id: 'trn-0003',
      title: 'RPA実践講座',
      dxSkill: 'デジタル活用',
      dxLevel: 2,
      runs: [run('run-0003-1', ['2099-07-01'])],
    },
    3,
  ),
  training(
    {
      id: 'trn-0004',
      title: '次世代リーダー養成塾',
      area: 'stance',
      dxSkill: null,
      dxLevel: null,
      kind: 'nominated',
      runs: [run('run-0004-1', ['2099-08-01'])],
    },
    4,
  ),
];

let db: AppDb;
beforeEach(async () => {
  db = await seededDb();
  await dexieTrainingCache(db).applyPage({ trainings: CATALOGUE, mine: [], version: 4, more: false, reset: false });
});
afterEach(async () => {
  cleanup();
  await dropDb(db);
});

const titles = () =>
  within(screen.getByRole('list', { name: '研修' }))
    .getAllByRole('link')
    .map((a) => a.textContent);

describe('the training catalogue (T1), offline on the device store', () => {
  it('browses by skill area and DX level, and searches with the directory’s normalisation', async () => {
    renderAppAt(db, '/trainings');
    await screen.findByRole('heading', { level: 1, name: '研修' });
    expect(titles()).toHaveLength(4);
    expect(screen.getByText('4件')).toBeTruthy();

    await userEvent.selectOptions(screen.getByLabelText('分野'), 'dx');
    expect(titles()).toEqual(['データ活用入門（Excel・BIツール）', 'RPA実践講座']);
    await userEvent.selectOptions(screen.getByLabelText('レベル'), '2');
    expect(titles()).toEqual(['RPA実践講座']);

    await userEvent.selectOptions(screen.getByLabelText('分野'), '');
    // Hiragana finds katakana, and half-width lower case finds full-width capitals, as in the directory.
    await userEvent.type(screen.getByRole('searchbox', { name: '研修名・内容で検索' }), 'くれーむ');
    expect(titles()).toEqual(['クレーム対応研修（窓口編）']);
    await userEvent.clear(screen.getByRole('searchbox'));
    await userEvent.type(screen.getByRole('searchbox'), 'ｒｐａ');
    expect(titles()).toEqual(['RPA実践講座']);
    await userEvent.clear(screen.getByRole('searchbox'));
    await userEvent.type(screen.getByRole('searchbox'), '簿記');
    expect(screen.getByText('条件に合う研修はありません。')).toBeTruthy();
  });

  it('a training’s page: a past run is closed, an open one takes one application, shown as 申込中 until the server answers', async () => {
    renderAppAt(db, '/trainings/trn-0002');
    await screen.findByRole('heading', { level: 1, name: 'クレーム対応研修（窓口編）' });
    const runs = within(screen.getByRole('list', { name: '開催日程' })).getAllByRole('listitem');
    expect(runs).toHaveLength(2);
    expect(within(runs[0]!).getByText('受付終了')).toBeTruthy();
    expect(within(runs[0]!).queryByRole('button')).toBeNull();
    expect(within(runs[0]!).getByText('2026年4月20日（月）')).toBeTruthy();

    await userEvent.click(within(runs[1]!).getByRole('button', { name: 'この回に申し込む' }));
    await within(runs[1]!).findByText('申込中（送信待ち）');
    expect(within(runs[1]!).queryByRole('button')).toBeNull();
    expect((await db.outbox.toArray()).map((o) => o.mutation)).toMatchObject([
      { kind: 'training.apply', trainingId: 'trn-0002', runId: 'run-0002-2' },
    ]);

    // The server's answer arrives with the feed: the application replaces 申込中.
    await db.outbox.clear();
    await dexieTrainingCache(db).applyPage({
      trainings: [],
      mine: [{ trainingId: 'trn-0002', runId: 'run-0002-2', staffId: 'me', status: 'waitlisted', at: '', version: 5 }],
      version: 5,
      more: false,
      reset: false,
    });
    await within(runs[1]!).findByText('キャンセル待ち');
  });

  it('a 指名研修 offers no button, and says why', async () => {
    renderAppAt(db, '/trainings/trn-0004');
    await screen.findByRole('heading', { level: 1, name: '次世代リーダー養成塾' });
    expect(screen.getByText('指名研修のため、人事担当が受講者を決めます。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'この回に申し込む' })).toBeNull();
  });

  it('my record of a run: 修了 only when every date is attended, an absence never reads as completed; I can cancel', async () => {
    const app = (runId: string, attendance: Record<string, 'present' | 'absent'>) => ({
      trainingId: 'trn-0001',
      runId,
      staffId: 'me',
      status: 'applied' as const,
      at: '',
      attendance,
      version: 5,
    });
    await dexieTrainingCache(db).applyPage({
      trainings: [
        training({ runs: [run('run-0001-1', ['2026-04-10', '2026-04-17']), run('run-0001-2', ['2026-05-10'])] }, 5),
        training(
          {
            id: 'trn-0003',
            title: 'RPA実践講座',
            dxSkill: 'デジタル活用',
            dxLevel: 2,
            runs: [run('run-0003-1', ['2099-07-01'])],
          },
          5,
        ),
      ],
      mine: [
        app('run-0001-1', { '2026-04-10': 'present', '2026-04-17': 'present' }),
        app('run-0001-2', { '2026-05-10': 'absent' }),
        app('run-0003-1', {}),
      ],
      version: 5,
      more: false,
      reset: false,
    });
    renderAppAt(db, '/trainings/trn-0001');
    await screen.findByRole('heading', { level: 1, name: 'データ活用入門（Excel・BIツール）' });
    const runs = within(screen.getByRole('list', { name: '開催日程' })).getAllByRole('listitem');
    expect(within(runs[0]!).getByText('修了')).toBeTruthy();
    expect(within(runs[1]!).getByText('欠席あり（未修了）')).toBeTruthy();
    expect(within(runs[1]!).queryByText('修了')).toBeNull();
    // A run that has started offers no cancellation.
    expect(within(runs[0]!).queryByRole('button')).toBeNull();
    cleanup();

    renderAppAt(db, '/trainings/trn-0003');
    await screen.findByRole('heading', { level: 1, name: 'RPA実践講座' });
    await userEvent.click(screen.getByRole('button', { name: '申し込みを取り消す' }));
    await screen.findByText('取消中（送信待ち）');
    expect((await db.outbox.toArray()).map((o) => o.mutation)).toMatchObject([
      { kind: 'training.cancel', trainingId: 'trn-0003', runId: 'run-0003-1' },
    ]);
  });

  it('a 課長 sees the applications the feed brought for approval and decides offline', async () => {
    await dexieTrainingCache(db).applyPage({
      trainings: [],
      toApprove: [
        { trainingId: 'trn-0003', runId: 'run-0003-1', staffId: 'x-9', status: 'awaitingApproval', at: '', version: 6 },
      ],
      version: 6,
      more: false,
      reset: false,
    });
    renderAppAt(db, '/trainings/approvals');
    await screen.findByRole('heading', { level: 1, name: '研修の承認' });
    expect(screen.getByText('職員番号 x-9')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'RPA実践講座' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: '承認する' }));
    await screen.findByText('送信待ち');
    expect((await db.outbox.toArray()).map((o) => o.mutation)).toMatchObject([
      { kind: 'training.decide', trainingId: 'trn-0003', runId: 'run-0003-1', staffId: 'x-9', approve: true },
    ]);
    // The next page with the feed moved brings the list whole: decided ones are gone.
    await dexieTrainingCache(db).applyPage({
      trainings: [],
      mine: [],
      toApprove: [],
      version: 7,
      more: false,
      reset: false,
    });
    await screen.findByText('承認待ちの申し込みはありません。');
  });
});
