import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Papa from 'papaparse';
import { Suspense } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CsvFile } from '../../../domain/csv/write';
import { STAFF_SURVEY, DX_SURVEY } from '../../../domain/surveys/templates';
import { useLang } from '../../../i18n/language';
import { CsvExport } from '../../../ui/csv-export/CsvExport';
import { EffectView } from './EffectView';
import { KpiDashboard } from './KpiDashboard';
import { QuestionResultView } from './QuestionResultView';
import { questionResultsCsv } from './csv-rows';
import { kpiDashboardOf, type QuestionResult } from './types';
import { surveyResultsJa } from './words';
import { encodeCsv } from '../../../domain/csv/write';

const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));

const likert = STAFF_SURVEY.questions[11]!; // 仕事を楽しんでいると感じる。 (4 points)
if (likert.kind !== 'likert') throw new Error('the template changed');

afterEach(async () => {
  if (useLang.getState().lang !== 'ja') await act(async () => useLang.getState().setLang('ja'));
});

describe('QuestionResultView', () => {
  it('shows n, mean and SD, and the distribution agreement first in a table beside the chart', () => {
    const result: QuestionResult = {
      question: likert,
      group: '全体',
      n: 40,
      mean: 2.625,
      sd: 0.868,
      counts: [5, 12, 15, 8], // values 1..4
    };
    render(<QuestionResultView result={result} k={5} />);
    const section = screen.getByRole('region', { name: '仕事を楽しんでいると感じる。' });
    expect(within(section).getByText('対象：全体')).toBeTruthy();
    expect(within(section).getByText('40件')).toBeTruthy();
    expect(within(section).getByText('2.625')).toBeTruthy();
    expect(within(section).getByText('0.868')).toBeTruthy();
    const table = screen.getByRole('table', { name: '仕事を楽しんでいると感じる。の回答の分布（表）' });
    expect(rowsOf(table)).toEqual([
      ['選択肢', '件数', '割合'],
      ['4 そう思う', '8件', '20.0%'],
      ['3 まあそう思う', '15件', '37.5%'],
      ['2 あまりそう思わない', '12件', '30.0%'],
      ['1 そう思わない', '5件', '12.5%'],
    ]);
    expect(screen.getByRole('img', { name: /回答の分布のグラフ。同じ内容を横の表で読めます。/ })).toBeTruthy();
    expect(screen.queryByText(/表示しません/)).toBeNull();
  });

  it('shows a hidden figure as hidden, with why, never as a number', () => {
    const result: QuestionResult = {
      question: likert,
      group: 'その他の係',
      n: 7,
      mean: 2.1,
      sd: 0.9,
      counts: [{ hidden: 'belowK' }, 3, { hidden: 'derivable' }, 0],
    };
    render(<QuestionResultView result={result} k={5} />);
    const table = screen.getByRole('table');
    expect(rowsOf(table).slice(1)).toEqual([
      ['4 そう思う', '0件', '0.0%'],
      ['3 まあそう思う', '非表示（ほかの数字から割り出せるため）', '—'],
      ['2 あまりそう思わない', '3件', '42.9%'],
      ['1 そう思わない', '非表示（5件未満）', '—'],
    ]);
    expect(screen.getByText(/5件未満の数字と、ほかの数字から割り出せる数字は表示しません/)).toBeTruthy();
  });

  it('hides everything of a group below K', () => {
    render(
      <QuestionResultView
        result={{
          question: likert,
          group: '係A',
          n: { hidden: 'belowK' },
          mean: { hidden: 'belowK' },
          sd: { hidden: 'belowK' },
          counts: Array(4).fill({ hidden: 'belowK' }),
        }}
        k={3}
      />,
    );
    expect(screen.getAllByText('非表示（3件未満）')).toHaveLength(7);
    expect(screen.queryByText(/件$/)).toBeNull();
  });

  it('lists a multiple choice in its own order, shares per respondent, with the note', () => {
    render(
      <QuestionResultView
        result={{
          question: { id: 'm', kind: 'multiple', text: '使っているツール', choices: ['チャット', '表計算', 'RPA'] },
          group: '全体',
          n: 10,
          counts: [8, 6, 0],
        }}
        k={5}
      />,
    );
    expect(rowsOf(screen.getByRole('table')).slice(1)).toEqual([
      ['チャット', '8件', '80.0%'],
      ['表計算', '6件', '60.0%'],
      ['RPA', '0件', '0.0%'],
    ]);
    expect(screen.queryByText('平均')).toBeNull();
    expect(screen.getByText(/割合の合計は100%をこえることがあります/)).toBeTruthy();
  });

  it('speaks English when chosen, the 5-point scale included', async () => {
    const dx = DX_SURVEY.questions[0]!;
    if (dx.kind !== 'likert') throw new Error('the template changed');
    await act(async () => useLang.getState().setLang('en'));
    await waitFor(() => expect(useLang.getState().shown).toBe('en'));
    await act(async () => {
      render(
        <Suspense fallback="…">
          <QuestionResultView
            result={{ question: dx, group: 'All', n: 20, mean: 3.1, sd: 1, counts: [1, 4, 6, 6, 3] }}
            k={5}
          />
        </Suspense>,
      );
    });
    const table = await screen.findByRole('table');
    expect(rowsOf(table).map((r) => r[0])).toEqual([
      'Choice',
      '5 Agree',
      '4 Somewhat agree',
      '3 Neither',
      '2 Somewhat disagree',
      '1 Disagree',
    ]);
    expect(screen.getByText('Standard deviation')).toBeTruthy();
  });
});

describe('KpiDashboard', () => {
  it("shows seed 001's indicators with baseline, the fixed target and each year met or not", () => {
    const input = kpiDashboardOf(STAFF_SURVEY, {
      'staff-01': [
        { year: 2024, value: 2.41 },
        { year: 2025, value: 2.5004 },
      ],
      'staff-12b': [
        { year: 2024, value: 3.0 },
        { year: 2025, value: null },
      ],
    });
    render(<KpiDashboard input={input} />);
    expect(screen.getByRole('heading', { name: '職員アンケートのKPI' })).toBeTruthy();
    expect(screen.getAllByRole('listitem')).toHaveLength(15);
    const first = screen.getAllByRole('listitem')[0]!;
    expect(within(first).getByRole('heading', { name: '自分で働き方を選べると感じる職員の割合' })).toBeTruthy();
    expect(within(first).getByText('基準値 2.290（2023年度） / 目標値 2.500')).toBeTruthy();
    expect(within(first).getByText('基準値が2.500に満たないため、目標値は2.500です。')).toBeTruthy();
    expect(rowsOf(within(first).getByRole('table'))).toEqual([
      ['年度', '結果', '目標値', '判定'],
      ['2024年度', '2.410', '2.500', '未達成'],
      ['2025年度', '2.500', '2.500', '達成'],
    ]);
    const b = screen.getByRole('table', { name: '仕事が充実していると感じる職員の割合（年度別の結果）' });
    expect(rowsOf(b).slice(1)).toEqual([
      ['2024年度', '3.000', '3.000', '達成'],
      ['2025年度', '—', '3.000', '—'],
    ]);
    expect(screen.getByText(/「—」は、調査がないか/)).toBeTruthy();
  });

  it("moves seed 004's benchmark with each year and says why", () => {
    const input = kpiDashboardOf(DX_SURVEY, {
      'dx-01': [
        { year: 2025, value: 3.62 },
        { year: 2026, value: 3.55 },
      ],
    });
    render(<KpiDashboard input={input} />);
    const table = screen.getByRole('table', { name: '業務の効率化が進んでいると感じる職員の割合（年度別の結果）' });
    expect(rowsOf(table).slice(1)).toEqual([
      ['2025年度', '3.620', '3.500', '達成'],
      ['2026年度', '3.550', '3.620以上', '未達成'],
    ]);
    const item = table.closest('li')!;
    expect(within(item).getByText('基準値 3.043（2024年度） / 目標値 3.550以上')).toBeTruthy();
    expect(within(item).getByText(/ベンチマークを「その数字以上」に更新しています/)).toBeTruthy();
    // 3.683's own target is 基準値以上, with no year yet: no table, the target said.
    const security = screen
      .getByRole('heading', { name: '適切なセキュリティ対策が実施されていると感じる職員の割合' })
      .closest('li')!;
    expect(within(security).getByText('基準値 3.683（2024年度） / 目標値 3.683以上')).toBeTruthy();
    expect(within(security).queryByRole('table')).toBeNull();
  });
});

describe('EffectView', () => {
  const q = '仕事を楽しんでいると感じる。';
  it('calls a significant rise with p and the size in words, and shows the working', async () => {
    render(
      <EffectView
        question={q}
        group="全体"
        before={{ label: '2024年度', moments: { n: 200, mean: 2.6, variance: 0.64 } }}
        after={{ label: '2025年度', moments: { n: 210, mean: 2.8, variance: 0.64 } }}
        k={5}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe('統計的に意味のある上昇（p=0.012、効果量 小）');
    expect(rowsOf(screen.getByRole('table')).slice(1)).toEqual([
      ['2024年度', '200件', '2.600', '0.800'],
      ['2025年度', '210件', '2.800', '0.800'],
    ]);
    await userEvent.click(screen.getByText('計算の詳細（ウェルチのt検定）'));
    expect(screen.getByText('+0.200')).toBeTruthy();
    expect(screen.getByText('+0.045 〜 +0.355')).toBeTruthy();
    expect(screen.getByText('2.53')).toBeTruthy();
    expect(screen.getByText('407.0')).toBeTruthy();
    expect(screen.getByText('p=0.012')).toBeTruthy();
    expect(screen.getByText('0.25')).toBeTruthy();
  });

  it.each([
    [
      { n: 60, mean: 2.9, variance: 0.6 },
      { n: 55, mean: 2.5, variance: 0.62 },
      '統計的に意味のある低下（p=0.007、効果量 中）',
    ],
    [
      { n: 5, mean: 2.0, variance: 0.5 },
      { n: 5, mean: 3.2, variance: 0.7 },
      '統計的に意味のある上昇（p=0.041、効果量 大）',
    ],
    [
      { n: 950, mean: 2.608, variance: 0.64 },
      { n: 1010, mean: 2.72, variance: 0.66 },
      '差はごくわずかで、意味のある変化とはいえません（p=0.002、効果量 ごく小さい）',
    ],
    [
      { n: 30, mean: 3.043, variance: 1.1 },
      { n: 12, mean: 3.5, variance: 0.4 },
      '統計的に意味のある変化はみられません（p=0.093）',
    ],
    [
      { n: 2000, mean: 2.0, variance: 0.5 },
      { n: 2000, mean: 2.6, variance: 0.5 },
      '統計的に意味のある上昇（p<0.001、効果量 大）',
    ],
  ])('%o → %o: %s', (before, after, text) => {
    render(
      <EffectView
        question={q}
        group="全体"
        before={{ label: '前', moments: before }}
        after={{ label: '後', moments: after }}
        k={5}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe(text);
  });

  it('offers no test and shows none of a round below K', () => {
    render(
      <EffectView
        question={q}
        group="総務課"
        before={{ label: '2024年度', moments: { n: 4, mean: 1.5, variance: 0.33 } }}
        after={{ label: '2025年度', moments: { n: 9, mean: 3.1, variance: 0.4 } }}
        k={5}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe('どちらかの回の回答が5件未満のため、比較しません。');
    expect(rowsOf(screen.getByRole('table')).slice(1)).toEqual([
      ['2024年度', '5件未満のため表示しません'],
      ['2025年度', '9件', '3.100', '0.632'],
    ]);
    expect(screen.queryByText('1.500')).toBeNull();
    expect(screen.queryByText('計算の詳細（ウェルチのt検定）')).toBeNull();
  });
});

describe('CsvExport', () => {
  const rows = () => [
    ['設問', '回答数', '平均'],
    ['=1+1 から始まる設問', 12, 2.5],
    ['𠮷田さんの係', 6, 3],
  ];

  it.each([
    ['utf8', 'utf-8', '𠮷田さんの係', 'CSVを書き出しました。'],
    [
      'sjis',
      'shift_jis',
      '〓田さんの係',
      'Shift_JISで表せない文字が1か所あり、「〓」に置き換えました（𠮷）。元のままの文字が必要なときはUTF-8で書き出してください。',
    ],
  ] as const)('writes %s, parses back, and tells what it did', async (encoding, decoder, name, notice) => {
    const saved: [CsvFile, string][] = [];
    const exported = vi.fn();
    render(
      <CsvExport
        fileName="職員アンケート_結果"
        rows={rows}
        onExported={exported}
        save={(f, n) => saved.push([f, n])}
      />,
    );
    if (encoding === 'sjis') await userEvent.click(screen.getByLabelText('Shift_JIS（古いExcel向け）'));
    await userEvent.click(screen.getByRole('button', { name: 'CSVで書き出す' }));
    expect(await screen.findByText(notice)).toBeTruthy();
    expect(saved).toHaveLength(1);
    const [file, fileName] = saved[0]!;
    expect(fileName).toBe('職員アンケート_結果.csv');
    const text = new TextDecoder(decoder).decode(file.bytes);
    const parsed = Papa.parse<string[]>(text, {
      delimiter: ',',
      newline: '\r\n',
      dynamicTyping: true,
      skipEmptyLines: true,
    });
    expect(parsed.data).toEqual([
      ['設問', '回答数', '平均'],
      ["'=1+1 から始まる設問", 12, 2.5],
      [name, 6, 3],
    ]);
    expect(exported).toHaveBeenCalledWith({
      encoding,
      replaced: encoding === 'sjis' ? { count: 1, chars: ['𠮷'] } : { count: 0, chars: [] },
    });
  });
});

describe('questionResultsCsv', () => {
  it('writes what the screen shows, hidden figures as words, numbers as numbers, and parses back', async () => {
    const rows = questionResultsCsv(
      [
        { question: likert, group: '総務部', n: 12, mean: 2.75, sd: 0.9, counts: [1, 3, 5, 3] },
        {
          question: likert,
          group: 'その他の係',
          n: 6,
          mean: 2.5,
          sd: 1,
          counts: [{ hidden: 'belowK' }, { hidden: 'derivable' }, 3, 0],
        },
      ],
      surveyResultsJa.surveyResults,
      5,
    );
    const file = await encodeCsv(rows, 'sjis');
    const parsed = Papa.parse<(string | number)[]>(new TextDecoder('shift_jis').decode(file.bytes), {
      delimiter: ',',
      newline: '\r\n',
      dynamicTyping: true,
      skipEmptyLines: true,
    }).data;
    const q = '仕事を楽しんでいると感じる。';
    expect(parsed).toEqual([
      ['設問', '対象', '回答数', '平均', '標準偏差', '選択肢', '件数'],
      [q, '総務部', 12, 2.75, 0.9, '1 そう思わない', 1],
      [q, '総務部', 12, 2.75, 0.9, '2 あまりそう思わない', 3],
      [q, '総務部', 12, 2.75, 0.9, '3 まあそう思う', 5],
      [q, '総務部', 12, 2.75, 0.9, '4 そう思う', 3],
      [q, 'その他の係', 6, 2.5, 1, '1 そう思わない', '非表示（5件未満）'],
      [q, 'その他の係', 6, 2.5, 1, '2 あまりそう思わない', '非表示（ほかの数字から割り出せるため）'],
      [q, 'その他の係', 6, 2.5, 1, '3 まあそう思う', 3],
      [q, 'その他の係', 6, 2.5, 1, '4 そう思う', 0],
    ]);
  });
});
