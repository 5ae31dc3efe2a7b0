import { describe, expect, it } from 'vitest';
import type { SurveyResults } from '../../../domain/surveys/results';
import { STAFF_SURVEY } from '../../../domain/surveys/templates';
import { kpiYearsOf, momentsOfFigure, previousRound, questionResultOf, templateOf } from './from-results';

const q = STAFF_SURVEY.questions[0]!;
if (q.kind !== 'likert') throw new Error('the template changed');

const round = (year: number, figures: SurveyResults['groups'][number]['figures']): SurveyResults => ({
  surveyId: `s-${year}`,
  title: '職員アンケート',
  round: String(year),
  anonymous: true,
  k: 5,
  closedAt: `${year}-07-01T00:00:00.000Z`,
  questions: [q],
  groups: [
    { key: 'all', dimension: 'all', parent: null, name: '', audience: 40, responded: 22, figures },
    { key: 'bu:b1', dimension: 'bu', parent: 'all', name: '総務部', audience: 4, figures: { [q.id]: 'hidden' } },
  ],
  texts: {},
});

describe('the results in the views’ terms', () => {
  const shown = { n: 22, mean: 2.5, sd: 0.5, variance: 0.25, counts: [1, 10, 10, 1] };
  const r2025 = round(2025, { [q.id]: shown });
  const r2026 = round(2026, { [q.id]: { ...shown, mean: 2.9 } });

  it('carries a shown figure as numbers and a hidden group as hidden everywhere, never 0', () => {
    expect(questionResultOf(r2025.groups[0]!, '全体', q)).toEqual({
      question: q,
      group: '全体',
      n: 22,
      mean: 2.5,
      sd: 0.5,
      counts: [1, 10, 10, 1],
    });
    const hidden = questionResultOf(r2025.groups[1]!, '総務部', q)!;
    expect([hidden.n, hidden.mean, hidden.sd, ...hidden.counts]).toEqual(Array(7).fill({ hidden: 'withheld' }));
    expect(momentsOfFigure('hidden')).toEqual({ n: 0, mean: 0, variance: 0 });
    expect(momentsOfFigure(shown)).toEqual({ n: 22, mean: 2.5, variance: 0.25 });
  });

  it('finds the template, the round before, and the KPI years (a hidden year is null)', () => {
    expect(templateOf(r2026)?.id).toBe('staff');
    expect(previousRound(r2026, [r2026, r2025])?.round).toBe('2025');
    expect(previousRound(r2025, [r2026, r2025])).toBeUndefined();
    const years = kpiYearsOf(STAFF_SURVEY, [r2025, r2026, round(2027, { [q.id]: 'hidden' })], 'all');
    expect(years[q.id]).toEqual([
      { year: 2025, value: 2.5 },
      { year: 2026, value: 2.9 },
      { year: 2027, value: null },
    ]);
  });
});
