import { useMemo } from 'react';
import { useT } from '../../app/i18n/language';
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
  const t = useT();
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
        {t.directory.heading}
      </h1>
      <div className="search-bar">
        <input
          type="search"
          role="searchbox"
          aria-label={t.directory.search}
          placeholder={t.directory.placeholder}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          enterKeyHint="search"
          autoComplete="off"
        />
      </div>
      {directory === undefined ? (
        <p className="muted center">{t.common.loading}</p>
      ) : directory.records.length === 0 ? (
        <p className="muted center">{t.common.notReceived}</p>
      ) : (
        <>
          <div className="directory-tools">
            <Filters directory={directory} filter={filter} onChange={setFilter} />
            <div className="view-toggle" role="group" aria-label={t.directory.view}>
              <button type="button" aria-pressed={view === 'grid'} onClick={() => setView('grid')}>
                {t.directory.faces}
              </button>
              <button type="button" aria-pressed={view === 'list'} onClick={() => setView('list')}>
                {t.directory.list}
              </button>
            </div>
          </div>
          <p className="result-count" aria-live="polite">
            {!directory.complete
              ? t.common.loading
              : found === null
                ? t.directory.searching
                : narrowed
                  ? t.directory.found(results.length)
                  : t.directory.total(results.length)}
          </p>
          {found === null ? null : results.length === 0 ? (
            <p className="muted center">{t.directory.noResults}</p>
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
