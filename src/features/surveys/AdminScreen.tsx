import { useEffect, useState } from 'react';
import { newId } from '../../domain/mutation-kit';
import { Link } from 'wouter';
import { EMPLOYMENT_TYPES, JOB_LEVELS } from '../../domain/org';
import { SURVEY_TEMPLATES } from '../../domain/surveys/templates';
import { SURVEY_PATHS, type Survey, type SurveySpec } from '../../domain/surveys/survey';
import { useT } from '../../i18n/language';
import { useProblem } from '../../i18n/problems/use-problem';
import type { Refusal } from '../../domain/problems';
import { TransportError } from '../../sync/ports';
import type { DirectoryView } from '../../ui/use-directory';
import { getSurveyApi } from './public';
import { surveysWords } from './words';

interface Props {
  directory: DirectoryView | undefined;
}

interface RateRow {
  key: string;
  name: string;
  audience: number;
  responded?: number;
}

const refusalOf = (e: unknown): Refusal =>
  e instanceof TransportError ? e.refusal : { code: 'api.internal', params: {} };

/** S1-S4 for HR, online: build (draft → open), remind, the live rate, the results at close. */
export function AdminScreen({ directory }: Props) {
  const t = useT(surveysWords);
  const say = useProblem();
  const api = getSurveyApi();
  const [surveys, setSurveys] = useState<Survey[] | null>(null);
  const [problem, setProblem] = useState<Refusal | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [rate, setRate] = useState<{ id: string; rows: RateRow[] } | null>(null);
  const [draft, setDraft] = useState<SurveySpec>(() => ({
    title: '',
    round: String(new Date().getFullYear()),
    anonymous: true,
    questions: [],
    audience: { unitIds: [], jobLevels: [], employments: [] },
    schedule: { deadline: new Date(Date.now() + 14 * 86_400_000).toISOString(), graceDays: 3 },
    k: 5,
  }));
  const reload = () => {
    if (!api) return;
    void api
      .surveyJson('GET', SURVEY_PATHS.surveys)
      .then((b) => setSurveys((b as { surveys: Survey[] }).surveys))
      .catch((e: unknown) => setProblem(refusalOf(e)));
  };
  useEffect(reload, [api]);
  const act = (fn: () => Promise<unknown>, done?: string) => {
    setProblem(null);
    setNotice(null);
    void fn()
      .then(() => {
        if (done) setNotice(done);
        reload();
      })
      .catch((e: unknown) => setProblem(refusalOf(e)));
  };
  const departments = directory ? [...directory.units.values()].filter((u) => u.kind === 'bu') : [];
  const addQuestion = (q: SurveySpec['questions'][number]) =>
    setDraft({ ...draft, questions: [...draft.questions, q] });
  const qid = () => `q${draft.questions.length + 1}`;

  return (
    <section className="people-page" aria-labelledby="survey-admin-title">
      <h1 id="survey-admin-title">{t.surveys.adminTitle}</h1>
      {problem && <p role="alert">{say(problem)}</p>}
      {notice && <p role="status">{notice}</p>}
      <ul className="survey-list">
        {(surveys ?? []).map((s) => (
          <li key={s.id}>
            <strong>{s.title}</strong> <span className="chip">{t.surveys.status[s.status]}</span>{' '}
            {s.status === 'draft' && (
              <button type="button" onClick={() => act(() => api!.surveyJson('POST', SURVEY_PATHS.open(s.id)))}>
                {t.surveys.open}
              </button>
            )}
            {s.status === 'open' && (
              <button
                type="button"
                onClick={() =>
                  act(() => api!.surveyJson('POST', SURVEY_PATHS.remind(s.id), { id: newId() }), t.surveys.reminded)
                }
              >
                {t.surveys.remind}
              </button>
            )}
            {s.status !== 'draft' && (
              <button
                type="button"
                onClick={() =>
                  act(async () =>
                    setRate({
                      id: s.id,
                      rows: ((await api!.surveyJson('GET', SURVEY_PATHS.rate(s.id))) as { rows: RateRow[] }).rows,
                    }),
                  )
                }
              >
                {t.surveys.rate}
              </button>
            )}
            {s.status === 'closed' && (
              <Link href={`/surveys/results/${encodeURIComponent(s.id)}`}>{t.surveys.results}</Link>
            )}
          </li>
        ))}
      </ul>
      {rate && (
        <table className="survey-table">
          <caption>{t.surveys.rate}</caption>
          <thead>
            <tr>
              <th scope="col">{t.surveys.group}</th>
              <th scope="col">{t.surveys.audienceCount}</th>
              <th scope="col">{t.surveys.respondedCount}</th>
            </tr>
          </thead>
          <tbody>
            {rate.rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.key === 'all' ? t.surveys.whole : r.name}</th>
                <td>{r.audience}</td>
                <td>
                  {r.responded === undefined
                    ? t.surveys.hidden
                    : `${r.responded}（${Math.round((100 * r.responded) / Math.max(1, r.audience))}%）`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>{t.surveys.newSurvey}</h2>
      {SURVEY_TEMPLATES.map((tpl) => (
        <button
          key={tpl.id}
          type="button"
          onClick={() => setDraft({ ...draft, title: tpl.title, questions: tpl.questions.map((q) => ({ ...q })) })}
        >
          {t.surveys.fromTemplate(tpl.title)}
        </button>
      ))}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          act(() => api!.surveyJson('POST', SURVEY_PATHS.surveys, { id: newId(), spec: draft }));
        }}
      >
        <label>
          {t.surveys.surveyTitle}
          <input value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} />
        </label>
        <label>
          {t.surveys.round}
          <input value={draft.round} onChange={(e) => setDraft({ ...draft, round: e.target.value })} />
        </label>
        <label>
          <input
            type="checkbox"
            checked={draft.anonymous}
            onChange={(e) => setDraft({ ...draft, anonymous: e.target.checked })}
          />{' '}
          {t.surveys.anonymousLabel}
        </label>
        <label>
          {t.surveys.kLabel}
          <input
            type="number"
            min={3}
            value={draft.k}
            onChange={(e) => setDraft({ ...draft, k: Number(e.target.value) })}
          />
        </label>
        <label>
          {t.surveys.deadlineLabel}
          <input
            type="date"
            value={draft.schedule.deadline.slice(0, 10)}
            onChange={(e) =>
              setDraft({
                ...draft,
                schedule: { ...draft.schedule, deadline: new Date(`${e.target.value}T17:15:00+09:00`).toISOString() },
              })
            }
          />
        </label>
        <fieldset>
          <legend>{t.surveys.audience}</legend>
          {departments.map((u) => (
            <label key={u.id}>
              <input
                type="checkbox"
                checked={draft.audience.unitIds.includes(u.id)}
                onChange={(e) =>
                  setDraft({
                    ...draft,
                    audience: {
                      ...draft.audience,
                      unitIds: e.target.checked
                        ? [...draft.audience.unitIds, u.id]
                        : draft.audience.unitIds.filter((x) => x !== u.id),
                    },
                  })
                }
              />{' '}
              {u.name}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t.surveys.jobLevels}</legend>
          {JOB_LEVELS.map((level) => (
            <label key={level}>
              <input
                type="checkbox"
                checked={draft.audience.jobLevels.includes(level)}
                onChange={(e) =>
                  setDraft({
                    ...draft,
                    audience: {
                      ...draft.audience,
                      jobLevels: e.target.checked
                        ? [...draft.audience.jobLevels, level]
                        : draft.audience.jobLevels.filter((x) => x !== level),
                    },
                  })
                }
              />{' '}
              {level}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t.surveys.employments}</legend>
          {EMPLOYMENT_TYPES.map((type) => (
            <label key={type}>
              <input
                type="checkbox"
                checked={draft.audience.employments.includes(type)}
                onChange={(e) =>
                  setDraft({
                    ...draft,
                    audience: {
                      ...draft.audience,
                      employments: e.target.checked
                        ? [...draft.audience.employments, type]
                        : draft.audience.employments.filter((x) => x !== type),
                    },
                  })
                }
              />{' '}
              {type}
            </label>
          ))}
        </fieldset>
        <ol>
          {draft.questions.map((q, i) => (
            <li key={q.id}>
              <input
                aria-label={t.surveys.questionText}
                value={q.text}
                onChange={(e) =>
                  setDraft({
                    ...draft,
                    questions: draft.questions.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)),
                  })
                }
              />
            </li>
          ))}
        </ol>
        <button type="button" onClick={() => addQuestion({ id: qid(), kind: 'likert', points: 4, text: '' })}>
          {t.surveys.addLikert}
        </button>
        <button type="button" onClick={() => addQuestion({ id: qid(), kind: 'text', text: '', maxLength: 400 })}>
          {t.surveys.addText}
        </button>
        <button type="submit">{t.surveys.save}</button>
      </form>
    </section>
  );
}
