import { useMemo } from 'react';
import type { AppDb } from '../../db/schema';
import { applyFilter, isFilterEmpty } from '../../domain/filters';
import { useDirectoryUi } from './directory-store';
import { FaceGrid } from './FaceGrid';
import { Filters } from './Filters';
import { PeopleList } from './PeopleList';
import type { DirectoryView } from './use-directory';
import { useSearch } from './use-search';

interface Props {
  db: AppDb;
  directory: DirectoryView | undefined;
}

export function DirectoryScreen({ db, directory }: Props) {
  const { query, filter, view, setQuery, setFilter, setView } = useDirectoryUi();
  // null while the first answer to a query is on its way from the search worker.
  const found = useSearch(db, directory, query);
  const results = useMemo(
    () => (found && directory && !isFilterEmpty(filter) ? applyFilter(found, directory.units, filter) : (found ?? [])),
    [found, directory, filter],
  );
  const narrowed = query.trim() !== '' || !isFilterEmpty(filter);

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
          placeholder="名前・よみ・所属・内線・スキルで検索"
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
          <div className="directory-tools">
            <Filters directory={directory} filter={filter} onChange={setFilter} />
            <div className="view-toggle" role="group" aria-label="表示">
              <button type="button" aria-pressed={view === 'grid'} onClick={() => setView('grid')}>
                顔
              </button>
              <button type="button" aria-pressed={view === 'list'} onClick={() => setView('list')}>
                一覧
              </button>
            </div>
          </div>
          <p className="result-count" aria-live="polite">
            {found === null
              ? '検索中…'
              : narrowed
                ? `${results.length.toLocaleString('ja-JP')}人が見つかりました`
                : `${results.length.toLocaleString('ja-JP')}人`}
          </p>
          {found === null ? null : results.length === 0 ? (
            <p className="muted center">見つかりませんでした。よみやローマ字、所属名でもお試しください。</p>
          ) : view === 'grid' ? (
            <FaceGrid people={results} directory={directory} />
          ) : (
            <PeopleList people={results} directory={directory} />
          )}
        </>
      )}
    </section>
  );
}
