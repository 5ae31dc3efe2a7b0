import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import type { AppDb } from '../../db/schema';
import { DX_SKILLS } from '../../domain/org';
import { AUDIENCE_LABELS, type StaffDetail } from '../../domain/profile';
import { API_PATHS } from '../../domain/protocol';
import { fullName, type AudienceField } from '../../domain/staff';
import { pendingPhoto } from '../../sync/reconcile-detail';
import { Avatar } from '../directory/Avatar';
import { ContactActions } from './ContactActions';
import { unitPath } from '../directory/unit-label';
import type { DirectoryView } from '../directory/use-directory';
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
  if (!directory) return <p className="muted center">読み込み中…</p>;
  const person = directory.byId.get(id);
  if (!person) {
    return (
      <section className="profile">
        <h1>見つかりません</h1>
        <p>この職員は名簿にいません。異動・退職した可能性があります。</p>
        <Link href="/">名簿に戻る</Link>
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
    isSelf && detail?.settings ? <AudienceNote label={AUDIENCE_LABELS[detail.settings.audiences[field]]} /> : null;
  return (
    <article className="profile" aria-labelledby="profile-name">
      <Link href="/" className="back-link">
        ← 名簿
      </Link>
      <header className="profile-head">
        {photoUrl ? (
          <img className="avatar" src={photoUrl} width={96} height={96} alt={`${name}の写真`} />
        ) : (
          <Avatar record={person} size={96} />
        )}
        <div>
          <h1 id="profile-name">{name}</h1>
          <p className="person-kana">
            {person.familyKana} {person.givenKana}
            {person.altFamilyName && `（${person.altFamilyName}）`}
          </p>
          <p>
            {unitPath(directory.units, person.unitId)}
            <br />
            {person.title}
            {person.employment !== '正規' && <span className="chip">{person.employment}</span>}
          </p>
        </div>
      </header>

      <ContactActions person={person} />
      {detail?.privatePhone && (
        <p>
          <a href={`tel:${detail.privatePhone}`} className="button">
            私用電話 {detail.privatePhone}
          </a>
        </p>
      )}
      {isSelf && detail?.settings && (
        <p className="muted">
          私用電話の公開範囲: {AUDIENCE_LABELS[detail.settings.audiences.privatePhone]}
          {!detail.settings.photoConsent && '。写真は同意するまで自分にだけ表示されます'}
        </p>
      )}

      <section aria-labelledby="intro-title">
        <h2 id="intro-title">自己紹介</h2>
        {audience('intro')}
        {intro ? <p className="intro">{intro}</p> : <p className="muted">まだ書かれていません</p>}
        {isSelf && (
          <p>
            <Link href="/me/edit" className="button">
              プロフィールを編集
            </Link>
            {pendingCount > 0 && <span className="chip chip--pending">未送信 {pendingCount}件</span>}
          </p>
        )}
      </section>

      {person.skills.length > 0 && <TagList title="スキル" tags={person.skills} />}
      <section aria-labelledby="dx-title">
        <h2 id="dx-title">DXスキル</h2>
        <dl className="dx-levels">
          {DX_SKILLS.map((skill, i) => (
            <div key={skill}>
              <dt>{skill}</dt>
              <dd>{(person.dxLevels[i] ?? 0) > 0 ? `LV${person.dxLevels[i]}` : '—'}</dd>
            </div>
          ))}
        </dl>
      </section>
      {hobbies.length > 0 && <TagList title="趣味・特技" tags={hobbies} note={audience('hobbies')} />}
      {person.qualifications.length > 0 && <TagList title="資格" tags={person.qualifications} />}
      {detail?.history && detail.history.length > 0 && (
        <section aria-labelledby="history-title">
          <h2 id="history-title">異動歴</h2>
          <ol className="history">
            {detail.history.map((h) => (
              <li key={`${h.unitId}-${h.from}`}>
                {h.unitName}（{yearMonth(h.from)}〜{h.to ? yearMonth(h.to) : '現在'}）
              </li>
            ))}
          </ol>
        </section>
      )}
      {view && view.fetchedAt === null && !isSelf && (
        <p className="muted">接続すると、公開範囲が限られた項目も表示されます。</p>
      )}
    </article>
  );
}

function AudienceNote({ label }: { label: string }) {
  return <p className="muted">公開範囲: {label}</p>;
}

function yearMonth(isoDate: string): string {
  return `${isoDate.slice(0, 4)}年${Number(isoDate.slice(5, 7))}月`;
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
