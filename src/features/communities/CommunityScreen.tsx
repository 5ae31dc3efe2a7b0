import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import type { AppDb } from '../../db/schema';
import { byOrganisation, unitOrder } from '../../domain/peers';
import type { DirectoryRecord } from '../../domain/staff';
import type { DirectoryView } from '../directory/use-directory';
import { FaceTile } from '../peers/PersonCard';
import '../peers/people.css';
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

  if (communities === undefined) return <p className="muted center">読み込み中…</p>;
  if (!community) {
    return (
      <section className="people-page" aria-labelledby="community-missing">
        <h1 id="community-missing">見つかりません</h1>
        <p>このコミュニティはまだこの端末に届いていないか、ありません。</p>
        <Link href="/communities">コミュニティ一覧</Link>
      </section>
    );
  }
  const isMember = community.memberIds.includes(selfId);

  async function toggle() {
    const result = await (isMember ? leaveCommunity(db, id) : joinCommunity(db, id));
    setError(result.ok ? null : result.message);
  }

  return (
    <article className="people-page" aria-labelledby="community-name">
      <Link href="/communities" className="back-link">
        ← コミュニティ
      </Link>
      <h1 id="community-name">{community.name}</h1>
      {community.description && <p className="community-description">{community.description}</p>}
      <p className="community-actions">
        {isMember && <span>参加しています</span>}
        <button type="button" className={isMember ? 'button' : 'button button--primary'} onClick={() => void toggle()}>
          {isMember ? '抜ける' : '参加する'}
        </button>
        {community.pending && <span className="chip chip--pending">未送信</span>}
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <section aria-labelledby="community-members">
        <h2 id="community-members">メンバー {community.memberIds.length.toLocaleString('ja-JP')}人</h2>
        {members.length === 0 ? (
          <p className="muted">まだいません。</p>
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
