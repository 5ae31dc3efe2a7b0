import { Link } from 'wouter';
import { useT } from '../../i18n/language';
import { nominationWords } from './words';
import type { DirectoryRecord } from '../../domain/staff';
import './nominations.css';

interface Props {
  person: DirectoryRecord;
  selfId: string;
}

/**
 * C3 on the profile: the awards the person agreed to show (they come with the directory record,
 * so they are there offline too), and the way to the 表彰 screen: one's own nominations, or a new
 * nomination of this person.
 */
export function ProfileAwards({ person, selfId }: Props) {
  const t = useT(nominationWords);
  const awards = person.awards ?? [];
  const isSelf = person.id === selfId;
  return (
    <section className="profile-awards" aria-labelledby="profile-awards-title">
      <h2 id="profile-awards-title">{t.nominations.profileAwards}</h2>
      {awards.length > 0 && (
        <ul className="profile-award-list">
          {awards.map((a) => (
            <li key={a.nominationId}>{t.nominations.awardLine(a.year, a.label)}</li>
          ))}
        </ul>
      )}
      <p>
        {isSelf ? (
          <Link href="/nominations" className="button">
            {t.nominations.link}
          </Link>
        ) : (
          <Link href={`/nominations/new?nominee=${encodeURIComponent(person.id)}`} className="button">
            {t.nominations.nominatePerson}
          </Link>
        )}
      </p>
    </section>
  );
}
