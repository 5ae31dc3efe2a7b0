import { lazy, memo, Suspense, useCallback, useEffect, useMemo } from 'react';
import { useT } from '../../i18n/language';
import type { AppDb } from '../../db/schema';
import { applyFilter, isFilterEmpty } from '../../domain/filters';
import { useDirectoryUi } from './directory-ui';
import { FaceGrid } from './FaceGrid';
import { Filters } from './Filters';
import { afterNextPaint, areFirstFacesShown, firstScreenShown } from './first-screen';
import { SearchBox } from './SearchBox';
import type { DirectoryView } from '../../ui/use-directory';
import { useUi } from '../../ui/ui-store';
import type { People } from './search-protocol';
import { useSearchResults } from './use-search';
import type { Explain } from './use-match-reasons';

// The list view is the second view, chosen by a tap: kept out of the entry chunk, which the first
// screen waits for (the service worker holds the chunk offline like the rest).
const PeopleList = lazy(() => import('./PeopleList').then((m) => ({ default: m.PeopleList })));

interface Props {
  db: AppDb;
  directory: DirectoryView | undefined;
}

export function DirectoryScreen({ db, directory }: Props) {
  const { query, filter, view, setQuery, setFilter, setView } = useDirectoryUi();
  const t = useT();
  const { people: found, answered, type, ahead, explain } = useSearchResults(db, directory, query);
  const results = useMemo(
    () => (directory && !isFilterEmpty(filter) ? applyFilter(found.slice(), directory.units, filter) : found),
    [found, directory, filter],
  );
  const onType = useCallback((next: string) => type(next, () => setQuery(next)), [type, setQuery]);
  const narrowed = query.trim() !== '' || !isFilterEmpty(filter);
  // The larger window of the opening screen is for the page's first faces, once. A cleared search box
  // or a return from a profile renders what is on screen: twice the cards cost a keystroke twice.
  // Not "the first screen": a new device paints "receiving" first, and its first faces come after.
  const firstScreen = !narrowed && !areFirstFacesShown();
  const empty = directory?.records.length === 0;
  useEffect(() => {
    // Nobody on the device yet (the first sync is under way): that is the first screen.
    if (empty) void afterNextPaint().then(firstScreenShown);
  }, [empty]);

  return (
    <section className="directory" aria-labelledby="directory-title">
      <h1 id="directory-title" className="visually-hidden">
        {t.directory.heading}
      </h1>
      <SearchBox initial={query} onType={onType} onAhead={ahead} />
      {directory?.arriving && (
        // Blocks nothing: the faces that have come are there to scroll and search beneath it.
        <progress
          className="arriving-bar"
          max={directory.arriving.total}
          value={directory.arriving.received}
          aria-label={t.directory.arrivingLabel}
        />
      )}
      {directory === undefined ? (
        <p className="muted center">{t.common.loading}</p>
      ) : directory.records.length === 0 ? (
        <NothingYet />
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
          <ResultCount
            state={!directory.complete ? 'loading' : !answered ? 'searching' : narrowed ? 'found' : 'total'}
            count={results.length}
            arriving={directory.arriving}
          />
          {!answered ? (
            // Everyone, as before the keystroke, until the query's first answer comes.
            <Results view={view} people={results} directory={directory} firstScreen={firstScreen} explain={null} />
          ) : results.length === 0 ? (
            <p className="muted center">{t.directory.noResults}</p>
          ) : (
            <Results view={view} people={results} directory={directory} firstScreen={firstScreen} explain={explain} />
          )}
        </>
      )}
    </section>
  );
}

function Results({
  view,
  people,
  directory,
  firstScreen,
  explain,
}: {
  view: 'grid' | 'list';
  people: People;
  directory: DirectoryView;
  firstScreen: boolean;
  explain: Explain | null;
}) {
  const t = useT();
  return view === 'grid' ? (
    <FaceGrid people={people} directory={directory} firstScreen={firstScreen} explain={explain} />
  ) : (
    <Suspense fallback={<p className="muted center">{t.common.loading}</p>}>
      <PeopleList people={people} directory={directory} explain={explain} />
    </Suspense>
  );
}

/** Memoised: formatting the count costs more than it looks, and most renders do not change it. */
const ResultCount = memo(function ResultCount({
  state,
  count,
  arriving,
}: {
  state: 'loading' | 'searching' | 'found' | 'total';
  count: number;
  arriving: { received: number; total: number } | null;
}) {
  const t = useT();
  let text: string;
  if (state === 'searching') text = t.directory.searching;
  else if (arriving)
    text =
      state === 'found'
        ? t.directory.foundSoFar(count, arriving.received, arriving.total)
        : t.directory.arriving(arriving.received, arriving.total);
  else if (state === 'loading') text = t.common.loading;
  else text = state === 'found' ? t.directory.found(count) : t.directory.total(count);
  return (
    <p className="result-count" aria-live="polite">
      {text}
    </p>
  );
});

/**
 * Nobody on the device: while the first sync may still bring them, that is loading (issue 22);
 * offline or after a failed sync, that the directory has not arrived and how it will.
 */
function NothingYet() {
  const t = useT();
  const online = useUi((s) => s.online);
  const sync = useUi((s) => s.sync);
  const waiting = online && sync.lastSyncedAt === null && sync.phase !== 'error' && sync.phase !== 'offline';
  return (
    <p className="muted center" role="status">
      {waiting ? t.directory.receiving : t.common.notReceived}
    </p>
  );
}
