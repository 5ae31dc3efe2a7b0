import { useDeferredValue, useMemo } from 'react';
import { applyFilter, isFilterEmpty } from '../../domain/filters';
import { buildSearchIndex, search } from '../../domain/search';
import { useDirectoryUi } from './directory-store';
import { FaceGrid } from './FaceGrid';
import { Filters } from './Filters';
import { PeopleList } from './PeopleList';
import type { DirectoryView } from './use-directory';

interface Props {
  directory: DirectoryView | undefined;
}

export function DirectoryScreen({ directory }: Props) {
  const { query, filter, view, setQuery, setFilter, setView } = useDirectoryUi();
  // Typing stays responsive at 40,000 people: the list catches up a frame later.
  const deferredQuery = useDeferredValue(query);
  const index = useMemo(() => (directory ? buildSearchIndex(directory.records, directory.units) : []), [directory]);
  const results = useMemo(() => {
    const found = search(index, deferredQuery);
    return directory && !isFilterEmpty(filter) ? applyFilter(found, directory.units, filter) : found;
  }, [index, deferredQuery, directory, filter]);
  const narrowed = deferredQuery !== '' || !isFilterEmpty(filter);

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
            {narrowed
              ? `${results.length.toLocaleString('ja-JP')}人が見つかりました`
              : `${results.length.toLocaleString('ja-JP')}人`}
          </p>
          {results.length === 0 ? (
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
