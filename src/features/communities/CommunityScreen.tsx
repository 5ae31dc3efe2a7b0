import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { useT } from '../../i18n/language';
import { communitiesWords } from './words';
import { useProblem } from '../../i18n/problems/use-problem';
import type { AppDb } from '../../db/schema';
import { byOrganisation, unitOrder } from '../../domain/peers';
import type { DirectoryRecord } from '../../domain/staff';
import type { DirectoryView } from '../../ui/use-directory';
import { FaceTile } from '../../ui/PersonCard';
import '../../ui/people.css';
import { joinCommunity, leaveCommunity } from './commands';
import './communities.css';
import { useCommunities } from './use-communities';

interface Props {
  db: AppDb;
  id: string;
  directory: DirectoryView | undefined;
  selfId: string;
}

/** One community: what it is about, join or leave, and its members' faces (in organisation order). */
export function CommunityScreen({ db, id, directory, selfId }: Props) {
  const t = useT(communitiesWords);
  const say = useProblem();
  const communities = useCommunities(db, selfId);
  const community = communities?.find((c) => c.id === id);
  const [error, setError] = useState<string | null>(null);
  const members = useMemo(() => {
    if (!community || !directory) return [];
    const cmp = byOrganisation(unitOrder(directory.units));
    return community.memberIds
      .map((m) => directory.byId.get(m))
      .filter((r): r is DirectoryRecord => r !== undefined)
      .sort(cmp);
  }, [community, directory]);

  if (communities === undefined) return <p className="muted center">{t.common.loading}</p>;
  if (!community) {
    return (
      <section className="people-page" aria-labelledby="community-missing">
        <h1 id="community-missing">{t.common.notFound}</h1>
        <p>{t.communities.missing}</p>
        <Link href="/communities">{t.communities.list}</Link>
      </section>
    );
  }
  const isMember = community.memberIds.includes(selfId);

  async function toggle() {
    const result = await (isMember ? leaveCommunity(db, id) : joinCommunity(db, id));
    setError(result.ok ? null : say(result.problem));
  }

  return (
    <article className="people-page" aria-labelledby="community-name">
      <Link href="/communities" className="back-link">
        {t.communities.back}
      </Link>
      <h1 id="community-name">{community.name}</h1>
      {community.description && <p className="community-description">{community.description}</p>}
      <p className="community-actions">
        {isMember && <span>{t.communities.joined}</span>}
        <button type="button" className={isMember ? 'button' : 'button button--primary'} onClick={() => void toggle()}>
          {isMember ? t.communities.leave : t.communities.join}
        </button>
        {community.pending && <span className="chip chip--pending">{t.common.unsent}</span>}
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <section aria-labelledby="community-members">
        <h2 id="community-members">{t.communities.members(community.memberIds.length)}</h2>
        {directory === undefined && community.memberIds.length > 0 ? (
          <p className="muted">{t.common.loading}</p>
        ) : members.length === 0 ? (
          <p className="muted">{t.communities.noMembers}</p>
        ) : (
          <ul className="face-tiles" aria-labelledby="community-members">
            {members.map((r) => (
              <FaceTile key={r.id} record={r} />
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
