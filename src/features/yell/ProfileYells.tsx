import { Link } from 'wouter';
import { useT } from '../../i18n/language';
import { yellWords } from './words';
import type { AppDb } from '../../db/schema';
import type { DirectoryView } from '../../ui/use-directory';
import { YellCard } from './YellCard';
import { useYells } from './use-yells';
import './yell.css';

/** Public エール received shown on a profile at most; the rest are in the feed. */
const SHOWN = 5;

interface Props {
  db: AppDb;
  personId: string;
  directory: DirectoryView | undefined;
  selfId: string;
}

/**
 * D4: the person's public エール received (none when they keep them out of the feed), and a button
 * that opens compose with them chosen. Never a count: a profile is not a scoreboard.
 */
export function ProfileYells({ db, personId, directory, selfId }: Props) {
  const t = useT(yellWords);
  const view = useYells(db, selfId);
  const received = view
    ? view.yells
        .filter(
          (y) =>
            y.visibility === 'public' &&
            y.rejected === null &&
            y.to.includes(personId) &&
            !y.to.some((id) => view.feedOptOut.has(id)),
        )
        .slice(0, SHOWN)
    : [];
  return (
    <section className="profile-yells" aria-labelledby="profile-yells-title">
      <h2 id="profile-yells-title">{t.yell.profileTitle}</h2>
      {personId !== selfId && (
        <p>
          <Link href={`/yells/new?to=${encodeURIComponent(personId)}`} className="button button--primary">
            {t.yell.sendToPerson}
          </Link>
        </p>
      )}
      {view === undefined ? null : received.length === 0 ? (
        <p className="muted">{t.yell.profileNone}</p>
      ) : (
        <ul className="yell-list" aria-labelledby="profile-yells-title">
          {received.map((y) => (
            <YellCard key={y.id} db={db} yell={y} directory={directory} settings={view.settings} selfId={selfId} />
          ))}
        </ul>
      )}
    </section>
  );
}
