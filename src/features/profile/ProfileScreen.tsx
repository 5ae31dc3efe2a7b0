import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import type { AppDb } from '../../db/schema';
import { DX_SKILLS } from '../../domain/org';
import { fullName } from '../../domain/staff';
import { Avatar } from '../directory/Avatar';
import { ContactActions } from './ContactActions';
import { unitPath } from '../directory/unit-label';
import type { DirectoryView } from '../directory/use-directory';

interface Props {
  db: AppDb;
  id: string;
  directory: DirectoryView | undefined;
  selfId: string;
}

export function ProfileScreen({ db, id, directory, selfId }: Props) {
  const pendingCount = useLiveQuery(() => db.outbox.count(), [db]) ?? 0;
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
  return (
    <article className="profile" aria-labelledby="profile-name">
      <Link href="/" className="back-link">
        ← 名簿
      </Link>
      <header className="profile-head">
        <Avatar record={person} size={96} />
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

      <section aria-labelledby="intro-title">
        <h2 id="intro-title">自己紹介</h2>
        {person.intro ? <p className="intro">{person.intro}</p> : <p className="muted">まだ書かれていません</p>}
        {isSelf && (
          <p>
            <Link href="/me/edit" className="button">
              自己紹介を編集
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
      {person.hobbies.length > 0 && <TagList title="趣味・特技" tags={person.hobbies} />}
      {person.qualifications.length > 0 && <TagList title="資格" tags={person.qualifications} />}
    </article>
  );
}

function TagList({ title, tags }: { title: string; tags: string[] }) {
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
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
