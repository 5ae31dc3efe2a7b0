import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { Link } from 'wouter';
import type { AppDb } from '../../db/schema';
import { useT } from '../../i18n/language';
import { surveysWords } from './words';
import { stateOf } from './state';

interface Props {
  db: AppDb;
  isHr: boolean;
}

/** S3: the surveys assigned to me, with where each stands on this device. */
export function SurveysScreen({ db, isHr }: Props) {
  const t = useT(surveysWords);
  const rows = useLiveQuery(async () => {
    const [surveys, drafts, sends] = await Promise.all([
      db.surveys.toArray(),
      db.surveyDrafts.toArray(),
      db.surveySends.toArray(),
    ]);
    return surveys.map((s) => ({
      s,
      state: stateOf(
        s,
        drafts.find((d) => d.surveyId === s.id),
        sends.find((x) => x.surveyId === s.id),
      ),
    }));
  }, [db]);
  useEffect(() => {
    void import('./work').then((w) => w.surveyWork(db)).catch(() => undefined);
  }, [db]);
  return (
    <section className="people-page" aria-labelledby="surveys-title">
      <h1 id="surveys-title">{t.surveys.title}</h1>
      {isHr && (
        <p>
          <Link href="/surveys/admin">{t.surveys.admin}</Link>
        </p>
      )}
      {rows === undefined ? (
        <p className="muted">{t.common.loading}</p>
      ) : rows.length === 0 ? (
        <p className="muted">{t.surveys.none}</p>
      ) : (
        <ul className="survey-list">
          {rows.map(({ s, state }) => (
            <li key={s.id}>
              <Link href={`/surveys/${encodeURIComponent(s.id)}`}>{s.title}</Link>{' '}
              <span className="chip">{s.anonymous ? t.surveys.anonymous : t.surveys.named}</span>{' '}
              <span className="chip">{t.surveys.state[state]}</span>{' '}
              <span className="muted">{t.surveys.deadline(new Date(s.deadline).toLocaleDateString('ja-JP'))}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
