import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';
import { buildSearchIndex, search } from '../../domain/search';
import { fullName, type DirectoryRecord } from '../../domain/staff';
import type { DirectoryView } from './use-directory';
import { Avatar } from './Avatar';
import { unitShort } from './unit-label';
import { useWindowRows } from './use-window-rows';

const ROW_HEIGHT = 76;

interface Props {
  directory: DirectoryView | undefined;
}

export function DirectoryScreen({ directory }: Props) {
  const [query, setQuery] = useState('');
  // Typing stays responsive at 40,000 people: the list catches up a frame later.
  const deferredQuery = useDeferredValue(query);
  const index = useMemo(() => (directory ? buildSearchIndex(directory.records, directory.units) : []), [directory]);
  const results = useMemo(() => search(index, deferredQuery), [index, deferredQuery]);

  return (
    <section className="directory" aria-labelledby="directory-title">
      <h1 id="directory-title" className="visually-hidden">
        職員名簿
      </h1>
      <div className="search-bar">
        <input
          type="search"
          role="searchbox"
          aria-label="職員を検索"
          placeholder="名前・よみ・所属・内線で検索"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          enterKeyHint="search"
          autoComplete="off"
        />
      </div>
      {directory === undefined ? (
        <p className="muted center">読み込み中…</p>
      ) : directory.records.length === 0 ? (
        <p className="muted center">名簿をまだ受信していません。電波のある場所で開くと自動で受信します。</p>
      ) : (
        <>
          <p className="result-count" aria-live="polite">
            {deferredQuery
              ? `${results.length.toLocaleString('ja-JP')}人が見つかりました`
              : `${results.length.toLocaleString('ja-JP')}人`}
          </p>
          <PeopleList people={results} directory={directory} />
        </>
      )}
    </section>
  );
}

function PeopleList({ people, directory }: { people: DirectoryRecord[]; directory: DirectoryView }) {
  const listRef = useRef<HTMLUListElement>(null);
  const { start, end } = useWindowRows(listRef, people.length, ROW_HEIGHT);
  return (
    <ul ref={listRef} className="people" style={{ height: people.length * ROW_HEIGHT }} aria-label="職員一覧">
      {people.slice(start, end).map((p, i) => (
        <li
          key={p.id}
          className="person-row"
          style={{ transform: `translateY(${(start + i) * ROW_HEIGHT}px)`, height: ROW_HEIGHT }}
        >
          <Link href={`/people/${p.id}`} className="person-link" aria-label={fullName(p)}>
            <Avatar record={p} size={52} />
            <span className="person-text">
              <span className="person-name">
                {fullName(p)}
                {p.altFamilyName && <span className="alt-name">（{p.altFamilyName}）</span>}
              </span>
              <span className="person-kana">
                {p.familyKana} {p.givenKana}
              </span>
              <span className="person-unit">
                {unitShort(directory.units, p.unitId)}・{p.title}
              </span>
            </span>
            <span className="person-ext" aria-hidden="true">
              {p.extension}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
