import { Link } from 'wouter';
import { useT } from '../../i18n/language';
import { nominationWords } from './words';
import { useProblem } from '../../i18n/problems/use-problem';
import type { AppDb } from '../../db/schema';
import type { ShownNomination } from '../../domain/nominations';
import { nominationLists } from '../../sync/nominations';
import type { DirectoryView } from '../../ui/use-directory';
import '../../ui/people.css';
import './nominations.css';
import { ConsentPrompt, NominationCard } from './parts';
import { sectionFinder, useMe, useNominations } from './use-nominations';

interface Props {
  db: AppDb;
  directory: DirectoryView | undefined;
  selfId: string;
  duties: readonly string[];
}

/** C1-C3: my nominations, those I can endorse, those I can review (committee), and awards to me. */
export function NominationsScreen({ db, directory, selfId, duties }: Props) {
  const t = useT(nominationWords);
  const say = useProblem();
  const view = useNominations(db, selfId);
  const me = useMe(directory, selfId, duties);
  if (!view) return <p className="muted center">{t.common.loading}</p>;
  const lists = nominationLists(view.nominations, me, sectionFinder(directory));
  const section = (id: string, title: string, items: ShownNomination[], empty: string) => (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="nomination-list" aria-labelledby={id}>
          {items.map((n) => (
            <NominationCard key={n.id} n={n} awards={view.awards} directory={directory} />
          ))}
        </ul>
      )}
    </section>
  );
  return (
    <section className="people-page nominations-page" aria-labelledby="nominations-title">
      <h1 id="nominations-title">{t.nominations.title}</h1>
      <p className="people-lead">{t.nominations.lead}</p>
      <p>
        <Link href="/nominations/new" className="button button--primary">
          {t.nominations.nominate}
        </Link>
      </p>
      {view.rejected.map((r) => (
        <p key={r.id} className="error" role="alert">
          {say(r.refusal)}
        </p>
      ))}
      {lists.awardedToMe.length > 0 && (
        <section aria-labelledby="nominations-for-me">
          <h2 id="nominations-for-me">{t.nominations.awardedToMe}</h2>
          {lists.awardedToMe.map((n) => (
            <ConsentPrompt key={n.id} db={db} n={n} awards={view.awards} selfId={selfId} />
          ))}
        </section>
      )}
      {me.committee &&
        section('nominations-review', t.nominations.toReview, lists.toReview, t.nominations.noneToReview)}
      {section('nominations-mine', t.nominations.mine, lists.mine, t.nominations.noneMine)}
      {section('nominations-endorse', t.nominations.toEndorse, lists.toEndorse, t.nominations.noneToEndorse)}
    </section>
  );
}
