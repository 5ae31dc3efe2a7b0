import { useMemo } from 'react';
import { useT } from '../../../i18n/language';
import { BarChart } from './BarChart';
import { choiceLabels, hiddenText } from './csv-rows';
import { isShown, type Figure, type QuestionResult } from './types';
import { surveyResultsWords } from './words';
import './results.css';

interface Props {
  result: QuestionResult;
  /** The survey's K, to say why a figure is hidden. */
  k: number;
}

/**
 * One question's result for one group (S4): n, mean and standard deviation, and the distribution
 * as a chart with a table beside it. A hidden figure is shown as hidden, with why, never as 0.
 */
export function QuestionResultView({ result, k }: Props) {
  const t = useT(surveyResultsWords).surveyResults;
  const { question } = result;
  const labels = useMemo(() => {
    const all = choiceLabels(question, t);
    // Agreement first, as the seeds list the scale: そう思う(4) … そう思わない(1).
    return question.kind === 'likert' ? all.reverse() : all;
  }, [question, t]);
  const counts = useMemo(
    () => (question.kind === 'likert' ? [...result.counts].reverse() : [...result.counts]),
    [question.kind, result.counts],
  );
  const data = useMemo(() => counts.map((c) => (isShown(c) ? c : null)), [counts]);
  const show = (f: Figure | undefined, as: (x: number) => string) =>
    f === undefined ? null : isShown(f) ? as(f) : hiddenText(f, t, k);
  const anyHidden = [result.n, result.mean, result.sd, ...result.counts].some((f) => f !== undefined && !isShown(f));
  const n = result.n;

  return (
    <section className="survey-result" aria-label={question.text}>
      <h3 className="survey-result-question">{question.text}</h3>
      <p className="survey-result-group">{t.group(result.group)}</p>
      <dl className="survey-result-figures">
        <div>
          <dt>{t.answers}</dt>
          <dd>{show(n, t.people)}</dd>
        </div>
        {question.kind === 'likert' && (
          <>
            <div>
              <dt>{t.mean}</dt>
              <dd>{show(result.mean, t.fixed3)}</dd>
            </div>
            <div>
              <dt>{t.sd}</dt>
              <dd>{show(result.sd, t.fixed3)}</dd>
            </div>
          </>
        )}
      </dl>
      <div className="survey-result-body">
        <BarChart labels={labels} data={data} description={t.chartOf(question.text)} />
        <table className="survey-results-table">
          <caption>{t.tableOf(question.text)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.choice}</th>
              <th scope="col">{t.count}</th>
              <th scope="col">{t.share}</th>
            </tr>
          </thead>
          <tbody>
            {labels.map((label, i) => {
              const c = counts[i];
              return (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  <td className={isShown(c) ? undefined : 'survey-result-hidden'}>{show(c, t.people)}</td>
                  <td>{isShown(c) && isShown(n) && n > 0 ? t.percent(c / n) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {question.kind === 'multiple' && <p className="survey-result-note">{t.multipleNote}</p>}
      {anyHidden && <p className="survey-result-note">{t.hiddenNote(k)}</p>}
    </section>
  );
}
