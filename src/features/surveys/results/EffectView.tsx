import { useMemo } from 'react';
import { compareRounds, formatP } from '../../../domain/surveys/stats';
import { useT } from '../../../i18n/language';
import type { Round } from './types';
import { surveyResultsWords } from './words';
import './results.css';

interface Props {
  /** The question's text (data). */
  question: string;
  /** The group compared (data): 全体, 総務部 … */
  group: string;
  before: Round;
  after: Round;
  k: number;
}

/**
 * Effect measurement (S6): one question in two rounds, compared by Welch's t-test from the rounds'
 * moments (stats.ts), with the verdict in words. A round below K shows none of its figures, and no
 * test is offered.
 */
export function EffectView({ question, group, before, after, k }: Props) {
  const t = useT(surveyResultsWords).surveyResults;
  const verdict = useMemo(() => compareRounds(before.moments, after.moments, k), [before, after, k]);
  const test = verdict.kind === 'notOffered' ? null : verdict.test;
  const p = test ? formatP(test.p) : null;
  const tone = verdict.kind === 'rise' ? 'up' : verdict.kind === 'fall' ? 'down' : 'none';
  return (
    <section className="survey-effect" aria-label={t.effectTitle}>
      <h3>{question}</h3>
      <p className="survey-result-group">{t.group(group)}</p>
      <table className="survey-results-table">
        <caption>{t.effectTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{t.round}</th>
            <th scope="col">{t.answers}</th>
            <th scope="col">{t.mean}</th>
            <th scope="col">{t.sd}</th>
          </tr>
        </thead>
        <tbody>
          {[before, after].map((r, i) => (
            <tr key={i}>
              <th scope="row">{r.label}</th>
              {r.moments.n < k ? (
                <td colSpan={3} className="survey-result-hidden">
                  {t.roundHidden(k)}
                </td>
              ) : (
                <>
                  <td>{t.people(r.moments.n)}</td>
                  <td>{t.fixed3(r.moments.mean)}</td>
                  <td>{t.fixed3(Math.sqrt(r.moments.variance))}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <p className={`survey-effect-verdict survey-effect-verdict--${tone}`} role="status">
        {t.verdict(verdict, p, k)}
      </p>
      {test && p && (
        <details className="survey-effect-details">
          <summary>{t.detailsTitle}</summary>
          <dl>
            <div>
              <dt>{t.difference}</dt>
              <dd>{t.signed(test.difference)}</dd>
            </div>
            <div>
              <dt>{t.interval}</dt>
              <dd>{t.range(t.signed(test.ci95.low), t.signed(test.ci95.high))}</dd>
            </div>
            <div>
              <dt>{t.tValue}</dt>
              <dd>{t.tFixed(test.t)}</dd>
            </div>
            <div>
              <dt>{t.df}</dt>
              <dd>{t.dfValue(test.df)}</dd>
            </div>
            <div>
              <dt>{t.pValue}</dt>
              <dd>{t.pShown(p)}</dd>
            </div>
            <div>
              <dt>{t.effectSize}</dt>
              <dd>{t.dFixed(test.d)}</dd>
            </div>
          </dl>
        </details>
      )}
      <p className="survey-result-note">{t.effectNote}</p>
    </section>
  );
}
