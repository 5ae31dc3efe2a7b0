import { useState } from 'react';
import { Link } from 'wouter';
import { useT } from '../../i18n/language';
import { nominationWords, type NominationWords } from './words';
import { useProblem } from '../../i18n/problems/use-problem';
import type { AppDb } from '../../db/schema';
import type { Award, ShownNomination } from '../../domain/nominations';
import { fullName } from '../../domain/staff';
import type { DirectoryView } from '../../ui/use-directory';
import { answerConsent } from './commands';

/** 2026-11-22T… → 2026年11月22日 (Asia/Tokyo), in the words' format. */
export function longDate(iso: string, format: NominationWords['nominations']['date']): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const d = new Date(t + 9 * 60 * 60 * 1000);
  return format(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The award's name: as nominated (the server's copy), or from HR's list for one not sent yet. */
export function awardName(n: Pick<ShownNomination, 'awardLabel' | 'awardId'>, awards: readonly Award[]): string {
  return n.awardLabel || (awards.find((a) => a.id === n.awardId)?.label ?? n.awardId);
}

export function useNames(directory: DirectoryView | undefined): (id: string) => string {
  const t = useT(nominationWords);
  return (id) => {
    const r = directory?.byId.get(id);
    return r ? fullName(r) : t.nominations.unknownPerson;
  };
}

/** Who is nominated, as one line: the team's name, or the people. */
export function nomineeLine(n: Pick<ShownNomination, 'teamName' | 'nominees'>, name: (id: string) => string): string {
  const people = n.nominees.map(name).join('、');
  return n.teamName ? `${n.teamName}（${people}）` : people;
}

export function StatusChip({ n }: { n: Pick<ShownNomination, 'status' | 'pending'> }) {
  const t = useT(nominationWords);
  return (
    <>
      <span className={`chip nomination-status nomination-status--${n.status}`}>{t.nominations.status(n.status)}</span>
      {n.pending && <span className="chip chip--pending">{t.nominations.pending}</span>}
    </>
  );
}

export function NominationCard({
  n,
  awards,
  directory,
}: {
  n: ShownNomination;
  awards: readonly Award[];
  directory: DirectoryView | undefined;
}) {
  const t = useT(nominationWords);
  const name = useNames(directory);
  return (
    <li className="nomination-card">
      <Link href={`/nominations/${n.id}`} className="nomination-card-link">
        {nomineeLine(n, name)}
      </Link>
      <span className="nomination-card-award">{awardName(n, awards)}</span>
      <span className="nomination-card-meta">
        <StatusChip n={n} />
        <span>{t.nominations.endorsers(n.endorsers.length)}</span>
      </span>
    </li>
  );
}

/** C3: the winner decides whether the award shows on their profile; their answer can change later. */
export function ConsentPrompt({
  db,
  n,
  awards,
  selfId,
}: {
  db: AppDb;
  n: ShownNomination;
  awards: readonly Award[];
  selfId: string;
}) {
  const t = useT(nominationWords);
  const say = useProblem();
  const [error, setError] = useState<string | null>(null);
  const answer = n.consent[selfId];
  async function choose(show: boolean) {
    const result = await answerConsent(db, n.id, show);
    setError(result.ok ? null : say(result.problem));
  }
  const label = awardName(n, awards);
  return (
    <section className="consent-prompt" aria-label={t.nominations.consentTitle}>
      <h3>{t.nominations.consentTitle}</h3>
      <p>{t.nominations.consentQuestion(label)}</p>
      {answer !== undefined && (
        <p className="muted">{answer ? t.nominations.consentShown : t.nominations.consentHidden}</p>
      )}
      <div className="consent-actions">
        <button
          type="button"
          className="button button--primary"
          onClick={() => void choose(true)}
          disabled={n.pending || answer === true}
        >
          {t.nominations.consentShow}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void choose(false)}
          disabled={n.pending || answer === false}
        >
          {t.nominations.consentHide}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
