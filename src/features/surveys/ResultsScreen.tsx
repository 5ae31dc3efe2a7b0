import { Suspense, useEffect, useMemo, useState } from 'react';
import { Link } from 'wouter';
import type { Refusal } from '../../domain/problems';
import type { ResultGroup, SurveyResults } from '../../domain/surveys/results';
import { SURVEY_PATHS } from '../../domain/surveys/survey';
import { useT } from '../../i18n/language';
import { useProblem } from '../../i18n/problems/use-problem';
import { TransportError } from '../../sync/ports';
import { questionResultsCsv } from './results/csv-rows';
import {
  isCharted,
  kpiYearsOf,
  momentsOfFigure,
  previousRound,
  questionResultOf,
  seriesOf,
  templateOf,
} from './results/from-results';
import { LazyCsvExport, LazyEffectView, LazyKpiDashboard, LazyQuestionResultView } from './results/lazy';
import { kpiDashboardOf, type QuestionResult } from './results/types';
import { surveyResultsWords } from './results/words';
import { getSurveyApi } from './public';
import { surveysWords, type SurveysWords } from './words';

const refusalOf = (e: unknown): Refusal =>
  e instanceof TransportError ? e.refusal : { code: 'api.internal', params: {} };

/**
 * S4-S6 for HR and permitted managers, online: a closed survey's results as the server cut them
 * for the viewer (every figure already past the disclosure rule), per group with a chart and a
 * table, the free texts, the KPI dashboard of its template, the t-test against the round before,
 * and the CSV of the figures the viewer may see (recorded in the audit log before the file is made).
 */
export function ResultsScreen({ id }: { id: string }) {
  const t = useT(surveysWords).surveys;
  const r = useT(surveyResultsWords).surveyResults;
  const say = useProblem();
  const [results, setResults] = useState<SurveyResults | null>(null);
  const [rounds, setRounds] = useState<SurveyResults[]>([]);
  const [problem, setProblem] = useState<Refusal | null>(null);
  const [groupKey, setGroupKey] = useState<string | null>(null);

  useEffect(() => {
    const api = getSurveyApi();
    if (!api) return;
    let live = true;
    void (async () => {
      try {
        const mine = (await api.surveyJson('GET', SURVEY_PATHS.results(id))) as SurveyResults;
        if (!live) return;
        setResults(mine);
        const { surveys } = (await api.surveyJson('GET', SURVEY_PATHS.closed)) as { surveys: { id: string }[] };
        const others = await Promise.all(
          surveys
            .filter((s) => s.id !== id)
            .map((s) => api.surveyJson('GET', SURVEY_PATHS.results(s.id)).catch(() => null)),
        );
        if (live) setRounds([mine, ...(others.filter(Boolean) as SurveyResults[])]);
      } catch (e) {
        if (live) setProblem(refusalOf(e));
      }
    })();
    return () => {
      live = false;
    };
  }, [id]);

  const nameOf = (g: ResultGroup) => groupName(t, g);
  const group = results?.groups.find((g) => g.key === groupKey) ?? results?.groups[0];
  const charted = useMemo(() => (results ? results.questions.filter(isCharted) : []), [results]);
  const shown: QuestionResult[] = useMemo(
    () => (group ? charted.flatMap((q) => questionResultOf(group, groupName(t, group), q) ?? []) : []),
    [group, charted, t],
  );
  if (problem) return <p role="alert">{say(problem)}</p>;
  if (!results || !group) return <p className="muted center">{t.loading}</p>;
  const template = templateOf(results);
  const series = seriesOf(results, rounds);
  const before = previousRound(results, rounds);
  const beforeGroup = before?.groups.find((g) => g.key === group.key);
  const everyFigure = () =>
    results.groups.flatMap((g) => charted.flatMap((q) => questionResultOf(g, nameOf(g), q) ?? []));

  return (
    <section className="people-page" aria-labelledby="survey-results-title">
      <p>
        <Link href="/surveys/admin">{t.adminTitle}</Link>
      </p>
      <h1 id="survey-results-title">
        {t.results}: {results.title}
      </h1>
      <label>
        {t.group}{' '}
        <select value={group.key} onChange={(e) => setGroupKey(e.target.value)}>
          {results.groups.map((g) => (
            <option key={g.key} value={g.key}>
              {nameOf(g)}
            </option>
          ))}
        </select>
      </label>
      <Suspense fallback={<p className="muted">{t.loading}</p>}>
        {shown.map((q) => (
          <LazyQuestionResultView key={q.question.id} result={q} k={results.k} />
        ))}
        {results.questions
          .filter((q) => q.kind === 'text')
          .map((q) => {
            const texts = results.texts[q.id]?.[group.key];
            return texts && texts.length > 0 ? (
              <section key={q.id} aria-label={q.text}>
                <h3>
                  {q.text}（{t.texts}）
                </h3>
                <ul>
                  {texts.map((text, i) => (
                    <li key={i}>{text}</li>
                  ))}
                </ul>
              </section>
            ) : null;
          })}
        {before && (
          <section aria-labelledby="survey-effect-title">
            <h2 id="survey-effect-title">{t.effectAgainst(before.round)}</h2>
            {results.questions.map((q) =>
              q.kind === 'likert' && before.questions.some((x) => x.id === q.id) ? (
                <LazyEffectView
                  key={q.id}
                  question={q.text}
                  group={nameOf(group)}
                  before={{
                    label: r.fiscalYear(Number(before.round)),
                    moments: momentsOfFigure(beforeGroup?.figures[q.id]),
                  }}
                  after={{ label: r.fiscalYear(Number(results.round)), moments: momentsOfFigure(group.figures[q.id]) }}
                  k={results.k}
                />
              ) : null,
            )}
          </section>
        )}
        {template && (
          <LazyKpiDashboard input={kpiDashboardOf(template, kpiYearsOf(template, series, results.groups[0]!.key))} />
        )}
        <h2>{t.exportCsv}</h2>
        <LazyCsvExport
          fileName={`${results.title}-${results.round}`}
          rows={() => questionResultsCsv(everyFigure(), r, results.k)}
          prepare={async (format) => {
            const api = getSurveyApi();
            if (!api) throw new Error('offline');
            await api.surveyJson('POST', SURVEY_PATHS.exportResults(results.surveyId), { format });
          }}
        />
      </Suspense>
    </section>
  );
}

/** A group's name as shown: the whole, another 係 (named as such), or the unit or level as it is. */
function groupName(t: SurveysWords['surveys'], g: ResultGroup): string {
  return g.key === 'all' ? t.whole : g.dimension === 'otherKakari' ? t.otherKakari(g.name) : g.name;
}
