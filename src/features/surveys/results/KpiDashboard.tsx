import { useMemo } from 'react';
import { kpiTrack, nextTarget, type KpiRow } from '../../../domain/surveys/kpi';
import { useT } from '../../../i18n/language';
import type { KpiDashboardInput } from './types';
import { surveyResultsWords } from './words';
import './results.css';

/**
 * The KPI dashboard (S5): each indicator's baseline, the target in force each year by its seed's
 * rule (kpi.ts), the year's mean and whether it met the target. A year with no figure to show is
 * "—", never a guess.
 */
export function KpiDashboard({ input }: { input: KpiDashboardInput }) {
  const t = useT(surveyResultsWords).surveyResults;
  const tracks = useMemo(
    () =>
      input.indicators.map((ind) => {
        const rows = kpiTrack(input.rule, ind.baseline, ind.years);
        // The target now: the one the latest year set (seed 004) or the baseline set (seed 001).
        return { ind, rows, now: nextTarget(input.rule, ind.baseline, ind.years) };
      }),
    [input],
  );
  const anyMissing = tracks.some(({ rows }) => rows.some((r) => r.value === null));
  return (
    <section className="survey-kpi" aria-labelledby="survey-kpi-title">
      <h2 id="survey-kpi-title">{t.kpiTitle(input.title)}</h2>
      <p>{t.kpiLead}</p>
      <ol className="survey-kpi-list">
        {tracks.map(({ ind, rows, now }) => (
          <li key={ind.questionId} className="survey-kpi-item">
            <h3>{ind.indicator ?? ind.text}</h3>
            {ind.indicator && <p className="survey-kpi-question">{ind.text}</p>}
            <p className="survey-kpi-baseline">
              {t.baselineOf(ind.baseline, input.baselineYear)}
              {' / '}
              {t.target} {t.targetValue(now.value, now.basis)}
            </p>
            <p className="survey-result-note">{t.basis[now.basis]}</p>
            {rows.length > 0 && (
              <table className="survey-results-table">
                <caption>{t.kpiTableOf(ind.indicator ?? ind.text)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.year}</th>
                    <th scope="col">{t.value}</th>
                    <th scope="col">{t.target}</th>
                    <th scope="col">{t.judgement}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <YearRow key={row.year} row={row} />
                  ))}
                </tbody>
              </table>
            )}
          </li>
        ))}
      </ol>
      {anyMissing && <p className="survey-result-note">{t.noValueNote}</p>}
    </section>
  );
}

function YearRow({ row }: { row: KpiRow }) {
  const t = useT(surveyResultsWords).surveyResults;
  return (
    <tr>
      <th scope="row">{t.fiscalYear(row.year)}</th>
      <td>{row.value === null ? t.noValue : t.fixed3(row.value)}</td>
      <td>{t.targetValue(row.target.value, row.target.basis)}</td>
      <td className={row.met === null ? undefined : row.met ? 'survey-kpi-met' : 'survey-kpi-unmet'}>
        {row.met === null ? t.noValue : row.met ? t.met : t.notMet}
      </td>
    </tr>
  );
}
