import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import type { AppDb } from '../../db/schema';
import { fullName } from '../../domain/person-name';
import { useT } from '../../i18n/language';
import type { DirectoryView } from '../../ui/use-directory';
import '../../ui/people.css';
import { decideApplication } from './commands';
import { formatDay } from './format';
import './trainings.css';
import { trainingWords } from './words';

/** T2: a 課長's applications to approve, from the device (the feed brings them); decided offline too. */
export function ApprovalsScreen({ db, directory }: { db: AppDb; directory: DirectoryView | undefined }) {
  const t = useT(trainingWords);
  const tr = t.trainings;
  const data = useLiveQuery(async () => {
    const [approvals, trainings, outbox] = await Promise.all([
      db.trainingApprovals.toArray(),
      db.trainings.toArray(),
      db.outbox.toArray(),
    ]);
    const sending = new Set(
      outbox.flatMap((o) =>
        o.mutation.kind === 'training.decide' ? [`${o.mutation.runId}_${o.mutation.staffId}`] : [],
      ),
    );
    return { approvals, trainings: new Map(trainings.map((x) => [x.id, x])), sending };
  }, [db]);
  if (!data) return <p className="muted center">{t.common.loading}</p>;
  return (
    <section className="people-page training-page" aria-labelledby="approvals-title">
      <h1 id="approvals-title">{tr.approvals.title}</h1>
      <p className="muted">{tr.approvals.lead}</p>
      {data.approvals.length === 0 && <p>{tr.approvals.none}</p>}
      <ul className="training-runs" aria-labelledby="approvals-title">
        {data.approvals.map((a) => {
          const training = data.trainings.get(a.trainingId);
          const run = training?.runs.find((r) => r.id === a.runId);
          const person = directory?.byId.get(a.staffId);
          const key = `${a.runId}_${a.staffId}`;
          return (
            <li key={key} className="training-run">
              <p className="training-run-dates">{person ? fullName(person) : tr.approvals.someone(a.staffId)}</p>
              <p>
                <Link href={`/trainings/${a.trainingId}`}>{training?.title ?? a.trainingId}</Link>
              </p>
              {run && <p className="training-meta">{run.dates.map((d) => formatDay(tr, d)).join(tr.datesJoin)}</p>}
              {data.sending.has(key) ? (
                <p className="training-status training-status--pending">{tr.approvals.sending}</p>
              ) : (
                <p>
                  <button
                    type="button"
                    className="button button--primary"
                    onClick={() => void decideApplication(db, a.trainingId, a.runId, a.staffId, true)}
                  >
                    {tr.approvals.approve}
                  </button>{' '}
                  <button
                    type="button"
                    className="button"
                    onClick={() => void decideApplication(db, a.trainingId, a.runId, a.staffId, false)}
                  >
                    {tr.approvals.decline}
                  </button>
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
