import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import type { AppDb } from '../../db/schema';
import type { Problem } from '../../domain/problems';
import type { Answers } from '../../domain/surveys/survey';
import { useT } from '../../i18n/language';
import { useProblem } from '../../i18n/problems/use-problem';
import type { DirectoryView } from '../../ui/use-directory';
import { saveDraft, submitSurvey } from './commands';
import { stateOf } from './state';
import { surveysWords } from './words';

interface Props {
  db: AppDb;
  id: string;
  directory: DirectoryView | undefined;
}

/** S3: one survey, answered offline too; a half-filled answer is a draft that survives a reload. */
export function AnswerScreen({ db, id, directory }: Props) {
  const t = useT(surveysWords);
  const say = useProblem();
  const data = useLiveQuery(
    async () => ({
      s: await db.surveys.get(id),
      draft: await db.surveyDrafts.get(id),
      send: await db.surveySends.get(id),
    }),
    [db, id],
  );
  const [answers, setAnswers] = useState<Answers | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  useEffect(() => {
    if (data && answers === null) setAnswers(data.draft?.answers ?? data.send?.answers ?? {});
  }, [data, answers]);
  if (!data || answers === null) return <p className="muted center">{t.common.loading}</p>;
  const { s, draft, send } = data;
  if (!s) return <p className="muted center">{t.surveys.none}</p>;
  const state = stateOf(s, draft, send);
  const unitName = (unitId: string | null) => (unitId ? (directory?.units.get(unitId)?.name ?? unitId) : '');
  const group = s.groups.kakariId
    ? unitName(s.groups.kakariId)
    : s.groups.kaId
      ? t.surveys.otherKakari(unitName(s.groups.kaId))
      : unitName(s.groups.buId);
  const note = s.anonymous
    ? t.surveys.noteAnonymous(group, s.groups.level, s.groups.employment, s.k)
    : t.surveys.noteNamed(group, s.k);
  const set = (qid: string, value: Answers[string] | undefined) => {
    const next = { ...answers };
    if (value === undefined) delete next[qid];
    else next[qid] = value;
    setAnswers(next);
    void saveDraft(db, s.id, next);
  };
  const editable = state === 'todo' || state === 'draft' || state === 'refused';
  return (
    <section className="people-page" aria-labelledby="survey-title">
      <p>
        <Link href="/surveys">{t.surveys.back}</Link>
      </p>
      <h1 id="survey-title">{s.title}</h1>
      <aside className="survey-note" aria-labelledby="survey-note-title">
        <h2 id="survey-note-title">{t.surveys.noteTitle}</h2>
        {note.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </aside>
      {state === 'queued' && <p role="status">{t.surveys.state.queued}</p>}
      {state === 'answered' && <p role="status">{t.surveys.answeredThanks}</p>}
      {state === 'refused' && send?.problem && (
        <p role="alert">
          {say(send.problem)} {t.surveys.draftKept}
        </p>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submitSurvey(db, s, answers).then((r) => setProblem(r.ok ? null : r.problem));
        }}
      >
        {s.questions.map((q, i) => (
          <fieldset key={q.id} disabled={!editable}>
            <legend>
              {i + 1}. {q.text}
            </legend>
            {q.kind === 'likert' &&
              (q.points === 4 ? t.surveys.likert4 : t.surveys.likert5)
                .map((label, k) => ({ label, value: k + 1 }))
                .reverse()
                .map(({ label, value }) => (
                  <label key={value} className="survey-choice">
                    <input
                      type="radio"
                      name={q.id}
                      checked={answers[q.id] === value}
                      onChange={() => set(q.id, value)}
                    />{' '}
                    {label}
                  </label>
                ))}
            {q.kind === 'single' &&
              q.choices.map((label, k) => (
                <label key={label} className="survey-choice">
                  <input type="radio" name={q.id} checked={answers[q.id] === k} onChange={() => set(q.id, k)} /> {label}
                </label>
              ))}
            {q.kind === 'multiple' &&
              q.choices.map((label, k) => {
                const chosen = Array.isArray(answers[q.id]) ? (answers[q.id] as number[]) : [];
                return (
                  <label key={label} className="survey-choice">
                    <input
                      type="checkbox"
                      checked={chosen.includes(k)}
                      onChange={(e) => {
                        const next = e.target.checked ? [...chosen, k] : chosen.filter((x) => x !== k);
                        set(q.id, next.length > 0 ? next.sort((a, b) => a - b) : undefined);
                      }}
                    />{' '}
                    {label}
                  </label>
                );
              })}
            {q.kind === 'text' && (
              <>
                <textarea
                  aria-label={q.text}
                  value={typeof answers[q.id] === 'string' ? (answers[q.id] as string) : ''}
                  onChange={(e) => set(q.id, e.target.value === '' ? undefined : e.target.value)}
                />
                <small className="muted">{t.surveys.chars([...String(answers[q.id] ?? '')].length, q.maxLength)}</small>
              </>
            )}
          </fieldset>
        ))}
        {problem && <p role="alert">{say(problem)}</p>}
        {editable && <button type="submit">{t.surveys.submit}</button>}
      </form>
    </section>
  );
}
