import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { useT } from '../../i18n/language';
import { nominationWords } from './words';
import { useProblem } from '../../i18n/problems/use-problem';
import { useUi } from '../../ui/ui-store';
import type { AppDb } from '../../db/schema';
import {
  NOMINATION_LIMITS,
  type AuditEntry,
  type NominationStatus,
  type ShownNomination,
} from '../../domain/nominations';
import { charCount } from '../../domain/text';
import { canReview, nextStatuses, type Me } from '../../sync/nominations';
import { Avatar } from '../../ui/Avatar';
import type { DirectoryView } from '../../ui/use-directory';
import '../../ui/people.css';
import { getNominationApi } from './audit-source';
import { endorseNomination, reviewNomination } from './commands';
import './nominations.css';
import { awardName, ConsentPrompt, longDate, StatusChip, useNames } from './parts';
import { sectionFinder, useMe, useNominations } from './use-nominations';

interface Props {
  db: AppDb;
  id: string;
  directory: DirectoryView | undefined;
  selfId: string;
  duties: readonly string[];
}

/** C1-C3: one nomination; endorse once; review (eligible committee members); the winner's answer. */
export function NominationScreen({ db, id, directory, selfId, duties }: Props) {
  const t = useT(nominationWords);
  const say = useProblem();
  const view = useNominations(db, selfId);
  const me = useMe(directory, selfId, duties);
  const name = useNames(directory);
  const n = view?.nominations.find((x) => x.id === id);
  const yells = useLiveQuery(
    async () => (n ? (await db.yells.bulkGet(n.yellIds)).filter((y) => y !== undefined) : []),
    [db, n?.yellIds.join(',')],
  );
  const [error, setError] = useState<string | null>(null);
  if (!view) return <p className="muted center">{t.common.loading}</p>;
  if (!n) {
    return (
      <section className="people-page">
        <h1>{t.common.notFound}</h1>
        <p>{t.nominations.notFound}</p>
        <Link href="/nominations">{t.nominations.back}</Link>
      </section>
    );
  }
  const isNominee = n.nominees.includes(selfId);
  const open = n.status === 'submitted' || n.status === 'under_review';
  const canEndorse = open && n.nominator !== selfId && !isNominee && !n.endorsers.includes(selfId);
  const endorsedByMe = n.endorsers.includes(selfId);

  async function endorse() {
    const result = await endorseNomination(db, id);
    setError(result.ok ? null : say(result.problem));
  }

  return (
    <article className="people-page nominations-page" aria-labelledby="nomination-title">
      <Link href="/nominations" className="back-link">
        {t.nominations.back}
      </Link>
      <h1 id="nomination-title">{awardName(n, view.awards)}</h1>
      <p className="nomination-head-meta">
        <StatusChip n={n} />
        <span className="muted">{longDate(n.createdAt, t.nominations.date)}</span>
      </p>
      {view.rejected
        .filter((r) => r.nominationId === n.id)
        .map((r) => (
          <p key={r.id} className="error" role="alert">
            {say(r.refusal)}
          </p>
        ))}

      <section aria-labelledby="nominees-title">
        <h2 id="nominees-title">{t.nominations.nominees}</h2>
        {n.teamName && <p className="nomination-team">{t.nominations.team(n.teamName)}</p>}
        <ul className="nominee-list">
          {n.nominees.map((pid) => {
            const r = directory?.byId.get(pid);
            return (
              <li key={pid}>
                {r && <Avatar record={r} size={36} />}
                <Link href={`/people/${pid}`}>{name(pid)}</Link>
              </li>
            );
          })}
        </ul>
        <p className="muted">{t.nominations.nominatedBy(name(n.nominator))}</p>
      </section>

      <section aria-labelledby="reason-title">
        <h2 id="reason-title">{t.nominations.reason}</h2>
        <p className="nomination-reason">{n.reason}</p>
      </section>

      {n.yellIds.length > 0 && (
        <section aria-labelledby="linked-title">
          <h2 id="linked-title">{t.nominations.linkedYellsShown}</h2>
          <ul className="linked-yells">
            {(yells ?? []).map((y) => (
              <li key={y.id} className="linked-yell linked-yell--shown">
                <span className="linked-yell-meta">
                  {name(y.from)} → {y.to.map(name).join(t.nominations.namesJoin)}
                  {t.nominations.metaSep}
                  {longDate(y.createdAt, t.nominations.date)}
                </span>
                <span className="linked-yell-message">{y.message}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="endorse-title">
        <h2 id="endorse-title">{t.nominations.endorsers(n.endorsers.length)}</h2>
        {canEndorse && (
          <button type="button" className="button button--primary" onClick={() => void endorse()}>
            {t.nominations.endorse}
          </button>
        )}
        {endorsedByMe && <span className="chip">{t.nominations.endorsed}</span>}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </section>

      {isNominee && n.status === 'awarded' && <ConsentPrompt db={db} n={n} awards={view.awards} selfId={selfId} />}

      {me.committee && !isNominee && (
        <CommitteePanel db={db} n={n} me={me} sectionOf={sectionFinder(directory)} name={name} />
      )}
    </article>
  );
}

function CommitteePanel({
  db,
  n,
  me,
  sectionOf,
  name,
}: {
  db: AppDb;
  n: ShownNomination;
  me: Me;
  sectionOf: (staffId: string) => string | null;
  name: (id: string) => string;
}) {
  const t = useT(nominationWords);
  const say = useProblem();
  const ids = { to: useId(), comment: useId(), counter: useId() };
  const online = useUi((s) => s.online);
  const choices = nextStatuses(n);
  const refusal = canReview(n, me, sectionOf);
  const [to, setTo] = useState<NominationStatus | ''>('');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [audit, setAudit] = useState<AuditEntry[] | null>(null);
  const chosen = to === '' ? (choices[0] ?? '') : to;
  const length = charCount(comment.trim());
  const over = length > NOMINATION_LIMITS.comment;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (chosen === '') return;
    const result = await reviewNomination(db, n.id, n.status, chosen, comment);
    if (!result.ok) return setError(say(result.problem));
    setError(null);
    setComment('');
    setTo('');
  }

  async function loadAudit() {
    const api = getNominationApi();
    if (!api) return setError(t.nominations.auditOffline);
    try {
      setAudit((await api.fetchNominationAudit(n.id)).entries);
    } catch {
      setError(t.nominations.auditOffline);
    }
  }

  return (
    <section aria-labelledby="review-title" className="committee-panel">
      <h2 id="review-title">{t.nominations.review}</h2>
      {choices.length > 0 && refusal !== null && <p className="muted">{say(refusal)}</p>}
      {choices.length > 0 && refusal === null && (
        <form className="nomination-form" onSubmit={(e) => void submit(e)} noValidate>
          <div className="people-field">
            <label htmlFor={ids.to}>{t.nominations.reviewTo}</label>
            <select
              id={ids.to}
              value={chosen}
              // The options are exactly nextStatuses(n), so the value is one of them.
              onChange={(e) => setTo(e.target.value as NominationStatus)}
            >
              {choices.map((s) => (
                <option key={s} value={s}>
                  {t.nominations.status(s)}
                </option>
              ))}
            </select>
          </div>
          <div className="people-field">
            <label htmlFor={ids.comment}>{t.nominations.comment}</label>
            <textarea
              id={ids.comment}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              rows={3}
              aria-invalid={over}
              aria-describedby={ids.counter}
            />
            <span id={ids.counter} className={over ? 'error' : 'muted'} aria-live="polite">
              {t.nominations.chars(length, NOMINATION_LIMITS.comment)}
            </span>
          </div>
          <button type="submit" className="button button--primary" disabled={over || n.pending}>
            {t.nominations.submitReview}
          </button>
        </form>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {n.reviews && n.reviews.length > 0 && (
        <>
          <h3>{t.nominations.history}</h3>
          <ol className="review-history">
            {n.reviews.map((r) => (
              <li key={`${r.at}-${r.to}`}>
                <span>
                  {longDate(r.at, t.nominations.date)} {name(r.by)}
                  {t.nominations.actedSep}
                  {t.nominations.status(r.from)} → {t.nominations.status(r.to)}
                </span>
                {r.comment && <span className="review-comment">{r.comment}</span>}
              </li>
            ))}
          </ol>
        </>
      )}
      <h3>{t.nominations.audit}</h3>
      {audit === null ? (
        <button type="button" className="button" onClick={() => void loadAudit()} disabled={!online}>
          {t.nominations.auditLoad}
        </button>
      ) : (
        <ol className="review-history" aria-label={t.nominations.audit}>
          {audit.map((e) => (
            <li key={e.version}>
              {longDate(e.at, t.nominations.date)} {name(e.actor)}
              {t.nominations.actedSep}
              {t.nominations.auditAction(e.action)}
              {e.to && t.nominations.aside(t.nominations.status(e.to))}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
