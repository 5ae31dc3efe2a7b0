import { useState } from 'react';
import { Link } from 'wouter';
import type { AppDb } from '../../db/schema';
import type { Problem } from '../../domain/problems';
import { runCompleted, runIsOpen, type Application, type Run, type Training } from '../../domain/trainings';
import { useT } from '../../i18n/language';
import { staffWords } from '../../i18n/staff-words';
import { useProblem } from '../../i18n/problems/use-problem';
import '../../ui/people.css';
import { applyForRun, cancelRun } from './commands';
import { formatDay } from './format';
import './trainings.css';
import { useTrainings, type TrainingsView } from './use-trainings';
import { trainingWords, type TrainingWords } from './words';

/** T1-T2: one training with its runs; apply to a run, offline too (申込中 until the server answers). */
export function TrainingScreen({ db, id }: { db: AppDb; id: string }) {
  const t = useT(trainingWords, staffWords);
  const view = useTrainings(db);
  if (!view) return <p className="muted center">{t.common.loading}</p>;
  const tr = t.trainings;
  const training = view.trainings.find((x) => x.id === id);
  if (!training)
    return (
      <section className="people-page">
        <p className="muted">{tr.notFound}</p>
        <Link href="/trainings">{tr.back}</Link>
      </section>
    );
  const area =
    training.area === 'dx' && training.dxSkill && training.dxLevel
      ? tr.areaSkill(tr.areas.dx, `${t.staff.dxSkill[training.dxSkill]} ${tr.dxLevel(training.dxLevel)}`)
      : tr.areas[training.area];
  return (
    <section className="people-page training-page" aria-labelledby="training-title">
      <p>
        <Link href="/trainings">{tr.back}</Link>
      </p>
      <h1 id="training-title">{training.title}</h1>
      <p className="training-meta">{area}</p>
      {training.description && <p>{training.description}</p>}
      <dl className="training-facts">
        <dt>{tr.provider}</dt>
        <dd>{tr.providers[training.provider]}</dd>
        <dt>{tr.kind}</dt>
        <dd>{tr.kinds[training.kind]}</dd>
        <dt>{tr.targets}</dt>
        <dd>{training.targetLevels.length === 0 ? tr.allLevelsTarget : training.targetLevels.join(tr.datesJoin)}</dd>
      </dl>
      {training.approvalRequired && <p className="training-note">{tr.approval}</p>}
      {training.kind === 'nominated' && <p className="training-note">{tr.nominationOnly}</p>}
      <h2 id="training-runs">{tr.runs}</h2>
      <ul className="training-runs" aria-labelledby="training-runs">
        {training.runs.map((run) => (
          <RunItem key={run.id} db={db} training={training} run={run} view={view} />
        ))}
      </ul>
    </section>
  );
}

function RunItem({ db, training, run, view }: { db: AppDb; training: Training; run: Run; view: TrainingsView }) {
  const t = useT(trainingWords);
  const say = useProblem();
  const tr = t.trainings;
  const [problem, setProblem] = useState<Problem | null>(null);
  const mine = view.applications.get(run.id);
  const pending = view.pending.has(run.id);
  const refused = view.refused.get(run.id);
  const open = runIsOpen(run, new Date().toISOString());
  const full = run.taken >= run.capacity;
  const apply = async () => {
    const result = await applyForRun(db, training.id, run.id);
    setProblem(result.ok ? null : result.problem);
  };
  const cancel = async () => {
    const result = await cancelRun(db, training.id, run.id);
    setProblem(result.ok ? null : result.problem);
  };
  let action;
  if (mine && view.cancelling.has(run.id))
    action = <p className="training-status training-status--pending">{tr.cancelling}</p>;
  else if (mine)
    action = (
      <>
        <p className="training-status">{recordText(tr, mine, run)}</p>
        {open && (
          <button type="button" className="button" onClick={() => void cancel()}>
            {tr.cancel}
          </button>
        )}
      </>
    );
  else if (pending) action = <p className="training-status training-status--pending">{tr.pending}</p>;
  else if (!open) action = <p className="muted">{tr.closed}</p>;
  else if (training.kind === 'nominated') action = null;
  else
    action = (
      <button type="button" className="button button--primary" onClick={() => void apply()}>
        {full ? tr.applyFull : tr.apply}
      </button>
    );
  return (
    <li className="training-run">
      <p className="training-run-dates">{run.dates.map((d) => formatDay(tr, d)).join(tr.datesJoin)}</p>
      <p className="training-meta">
        {run.online ? tr.online : run.place}
        {' · '}
        {tr.capacity(run.taken, run.capacity)}
        {run.waiting > 0 && ` · ${tr.waiting(run.waiting)}`}
      </p>
      {action}
      {!mine && !pending && refused && (
        <p className="error" role="alert">
          {say(refused)}
        </p>
      )}
      {problem && (
        <p className="error" role="alert">
          {say(problem)}
        </p>
      )}
    </li>
  );
}

/** 修了 only by the completion rule; an absence says so and never reads as completed. */
function recordText(tr: TrainingWords['trainings'], mine: Application, run: Run): string {
  if (runCompleted(mine, run)) return tr.completed;
  const marks = Object.values(mine.attendance ?? {});
  if (mine.status === 'applied' && marks.includes('absent')) return tr.absent;
  if (mine.status === 'applied' && marks.length > 0) return tr.attending(marks.length, run.dates.length);
  return tr.status[mine.status];
}
