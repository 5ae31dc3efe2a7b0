import { useId, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { useT } from '../../i18n/language';
import { communitiesWords } from './words';
import { useProblem } from '../../i18n/problems/use-problem';
import type { AppDb } from '../../db/schema';
import { COMMUNITY_LIMITS, type ShownCommunity } from '../../domain/communities';
import type { DirectoryRecord } from '../../domain/staff';
import { charCount } from '../../domain/text';
import { Avatar } from '../../ui/Avatar';
import type { DirectoryView } from '../../ui/use-directory';
import '../../ui/people.css';
import { createCommunity } from './commands';
import './communities.css';
import { useCommunities } from './use-communities';

/** Faces shown next to a community in the list; the rest are on its page. */
const PREVIEW_FACES = 5;

interface Props {
  db: AppDb;
  directory: DirectoryView | undefined;
  selfId: string;
}

/** D6: communities anyone can start and join, read from the device store. */
export function CommunitiesScreen({ db, directory, selfId }: Props) {
  const t = useT(communitiesWords);
  const communities = useCommunities(db, selfId);
  const mine = communities?.filter((c) => c.memberIds.includes(selfId)) ?? [];
  const others = communities?.filter((c) => !c.memberIds.includes(selfId)) ?? [];
  return (
    <section className="people-page" aria-labelledby="communities-title">
      <h1 id="communities-title">{t.communities.title}</h1>
      <p className="people-lead">{t.communities.lead}</p>
      {communities === undefined ? (
        <p className="muted">{t.common.loading}</p>
      ) : (
        <>
          <section aria-labelledby="communities-mine">
            <h2 id="communities-mine">{t.communities.mine}</h2>
            {mine.length === 0 ? (
              <p className="muted">{t.communities.noneJoined}</p>
            ) : (
              <CommunityList communities={mine} directory={directory} labelledBy="communities-mine" />
            )}
          </section>
          <section aria-labelledby="communities-all">
            <h2 id="communities-all">{t.communities.others}</h2>
            {others.length === 0 ? (
              <p className="muted">{t.communities.none}</p>
            ) : (
              <CommunityList communities={others} directory={directory} labelledBy="communities-all" />
            )}
          </section>
          <CreateForm db={db} />
        </>
      )}
    </section>
  );
}

function CommunityList({
  communities,
  directory,
  labelledBy,
}: {
  communities: ShownCommunity[];
  directory: DirectoryView | undefined;
  labelledBy: string;
}) {
  const t = useT(communitiesWords);
  return (
    <ul className="community-list" aria-labelledby={labelledBy}>
      {communities.map((c) => {
        const faces = c.memberIds
          .map((id) => directory?.byId.get(id))
          .filter((r): r is DirectoryRecord => r !== undefined)
          .slice(0, PREVIEW_FACES);
        return (
          <li key={c.id} className="community-card">
            <Link href={`/communities/${c.id}`} className="community-card-link">
              {c.name}
            </Link>
            <span className="community-card-meta">
              {t.common.people(c.memberIds.length)}
              {c.pending && <span className="chip chip--pending">{t.common.unsent}</span>}
            </span>
            {faces.length > 0 && (
              <span className="community-faces" aria-hidden="true">
                {faces.map((r) => (
                  <Avatar key={r.id} record={r} size={28} />
                ))}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function CreateForm({ db }: { db: AppDb }) {
  const t = useT(communitiesWords);
  const say = useProblem();
  const nameId = useId();
  const descId = useId();
  const errorId = useId();
  const [, navigate] = useLocation();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nameOver = charCount(name.trim()) > COMMUNITY_LIMITS.name;
  const descOver = charCount(description.trim()) > COMMUNITY_LIMITS.description;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const result = await createCommunity(db, { name, description });
    setBusy(false);
    if (!result.ok) {
      setError(say(result.problem));
      return;
    }
    navigate(`/communities/${result.value}`);
  }

  return (
    <section aria-labelledby="communities-new">
      <h2 id="communities-new">{t.communities.new}</h2>
      <form className="community-form" onSubmit={(e) => void submit(e)} aria-describedby={error ? errorId : undefined}>
        <div className="people-field">
          <label htmlFor={nameId}>{t.communities.name}</label>
          <input
            id={nameId}
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            aria-invalid={nameOver}
            autoComplete="off"
          />
          <span className={nameOver ? 'error' : 'muted'} aria-live="polite">
            {t.communities.chars(charCount(name.trim()), COMMUNITY_LIMITS.name)}
          </span>
        </div>
        <div className="people-field">
          <label htmlFor={descId}>{t.communities.description}</label>
          <textarea
            id={descId}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            rows={3}
            aria-invalid={descOver}
          />
          <span className={descOver ? 'error' : 'muted'} aria-live="polite">
            {t.communities.chars(charCount(description.trim()), COMMUNITY_LIMITS.description)}
          </span>
        </div>
        {error && (
          <p id={errorId} className="error" role="alert">
            {error}
          </p>
        )}
        <button
          type="submit"
          className="button button--primary"
          disabled={busy || name.trim() === '' || nameOver || descOver}
        >
          {t.communities.create}
        </button>
      </form>
    </section>
  );
}
