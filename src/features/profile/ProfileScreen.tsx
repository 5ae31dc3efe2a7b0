import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import { useT } from '../../i18n/language';
import { staffWords } from '../../i18n/staff-words';
import { profileWords } from './words';
import type { AppDb } from '../../db/schema';
import { DX_SKILLS } from '../../domain/org';
import type { StaffDetail } from '../../domain/profile';
import { API_PATHS } from '../../domain/protocol';
import { fullKana, fullName, type AudienceField } from '../../domain/staff';
import { pendingPhoto } from '../../sync/reconcile-detail';
import { Avatar } from '../../ui/Avatar';
import { ContactActions } from './ContactActions';
import { ProfileYells } from '../yell/public';
import { ProfileAwards } from '../nominations/public';
import { DevicesLink } from '../admin/public';
import { unitPath } from '../../ui/unit-label';
import type { DirectoryView } from '../../ui/use-directory';
import { useStaffDetail } from './details';

interface Props {
  db: AppDb;
  id: string;
  directory: DirectoryView | undefined;
  selfId: string;
}

export function ProfileScreen({ db, id, directory, selfId }: Props) {
  const pendingCount = useLiveQuery(() => db.outbox.count(), [db]) ?? 0;
  const view = useStaffDetail(db, id, selfId);
  const t = useT(profileWords, staffWords);
  if (!directory) return <p className="muted center">{t.common.loading}</p>;
  const person = directory.byId.get(id);
  if (!person && !directory.complete) return <p className="muted center">{t.common.loading}</p>;
  if (!person) {
    return (
      <section className="profile">
        <h1>{t.common.notFound}</h1>
        <p>{t.profile.notInDirectory}</p>
        <Link href="/">{t.profile.backToDirectory}</Link>
      </section>
    );
  }
  const isSelf = person.id === selfId;
  const name = fullName(person);
  // What this viewer may see beyond the shared record, as the server said (kept for offline).
  const detail: StaffDetail | null = view?.detail ?? null;
  const intro = detail?.intro ?? person.intro;
  const hobbies = detail?.hobbies ?? person.hobbies;
  const photoUrl = largePhotoUrl(detail, isSelf ? pendingPhoto(view?.pending ?? []) : undefined, person.photo);
  const audience = (field: AudienceField) =>
    isSelf && detail?.settings ? <AudienceNote label={t.profile.audience[detail.settings.audiences[field]]} /> : null;
  return (
    <article className="profile" aria-labelledby="profile-name">
      <Link href="/" className="back-link">
        {t.profile.back}
      </Link>
      <header className="profile-head">
        <Avatar record={person} size={96} src={photoUrl} alt={t.profile.photoOf(name)} />
        <div>
          <h1 id="profile-name">{name}</h1>
          <p className="person-kana">
            {fullKana(person)}
            {person.altFamilyName && `（${person.altFamilyName}）`}
          </p>
          <p>
            {unitPath(directory.units, person.unitId)}
            <br />
            {person.title}
            {person.employment !== '正規' && <span className="chip">{t.staff.employment[person.employment]}</span>}
          </p>
        </div>
      </header>

      <ContactActions person={person} />
      {detail?.privatePhone && (
        <p>
          <a href={`tel:${detail.privatePhone}`} className="button">
            {t.profile.privatePhone(detail.privatePhone)}
          </a>
        </p>
      )}
      {isSelf && detail?.settings && (
        <p className="muted">
          {t.profile.privatePhoneAudience(t.profile.audience[detail.settings.audiences.privatePhone])}
          {!detail.settings.photoConsent && t.profile.photoUntilConsent}
        </p>
      )}

      <section aria-labelledby="intro-title">
        <h2 id="intro-title">{t.profile.intro}</h2>
        {audience('intro')}
        {intro ? <p className="intro">{intro}</p> : <p className="muted">{t.profile.notWritten}</p>}
        {isSelf && (
          <p>
            <Link href="/me/edit" className="button">
              {t.profile.edit}
            </Link>
            {pendingCount > 0 && <span className="chip chip--pending">{t.common.unsentCount(pendingCount)}</span>}
          </p>
        )}
        {isSelf && (
          <p>
            <DevicesLink />
          </p>
        )}
      </section>

      {person.skills.length > 0 && <TagList title={t.profile.skills} tags={person.skills} />}
      <section aria-labelledby="dx-title">
        <h2 id="dx-title">{t.staff.dxSkills}</h2>
        <dl className="dx-levels">
          {DX_SKILLS.map((skill, i) => (
            <div key={skill}>
              <dt>{t.staff.dxSkill[skill]}</dt>
              <dd>{(person.dxLevels[i] ?? 0) > 0 ? `LV${person.dxLevels[i]}` : '—'}</dd>
            </div>
          ))}
        </dl>
      </section>
      {hobbies.length > 0 && <TagList title={t.profile.hobbies} tags={hobbies} note={audience('hobbies')} />}
      {person.qualifications.length > 0 && <TagList title={t.profile.qualifications} tags={person.qualifications} />}
      {detail?.history && detail.history.length > 0 && (
        <section aria-labelledby="history-title">
          <h2 id="history-title">{t.profile.history}</h2>
          <ol className="history">
            {detail.history.map((h) => (
              <li key={`${h.unitId}-${h.from}`}>{t.profile.posting(h.unitName, h.from, h.to)}</li>
            ))}
          </ol>
        </section>
      )}
      <ProfileAwards person={person} selfId={selfId} />
      <ProfileYells db={db} personId={person.id} directory={directory} selfId={selfId} />
      {view && view.fetchedAt === null && !isSelf && <p className="muted">{t.profile.restricted}</p>}
    </article>
  );
}

function AudienceNote({ label }: { label: string }) {
  const t = useT(profileWords);
  return <p className="muted">{t.profile.audienceNote(label)}</p>;
}

/**
 * The large photo: one's own pending one (from the outbox), else the one the server lets this
 * viewer see, else the directory's. Photo ids are content hashes, so the service worker keeps them.
 */
function largePhotoUrl(
  detail: StaffDetail | null,
  pending: { thumb: string; large: string } | null | undefined,
  recordPhoto: string | null,
): string | null {
  if (pending !== undefined) return pending && `data:image/webp;base64,${pending.large}`;
  const id = detail?.settings?.photo ?? detail?.photo ?? recordPhoto;
  return id ? `/api${API_PATHS.photo(id, 'large')}` : null;
}

function TagList({ title, tags, note }: { title: string; tags: string[]; note?: React.ReactNode }) {
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      {note}
      <ul className="tags">
        {tags.map((t) => (
          <li key={t} className="chip">
            {t}
          </li>
        ))}
      </ul>
    </section>
  );
}
