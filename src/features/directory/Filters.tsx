import { lazy, memo, Suspense, useState } from 'react';
import { useT } from '../../i18n/language';
import { countActiveFilters, type DirectoryFilter } from '../../domain/filters';
import type { DirectoryView } from '../../ui/use-directory';

export interface FilterProps {
  directory: DirectoryView;
  filter: DirectoryFilter;
  onChange(filter: DirectoryFilter): void;
}

// The fields load on the first open, not with the first screen: the entry chunk is what the first
// faces wait for (the service worker holds this chunk offline like the rest).
const FilterFields = lazy(() => import('./FilterFields').then((m) => ({ default: m.FilterFields })));

/**
 * D3: narrow the directory by place, level, skill (with DX level), hobby or qualification.
 * Memoised, and its menus built only while it is open: at 40,000 people they hold thousands of
 * options (every 係), and counting the tags in use walks everyone; neither should cost anything
 * on a keystroke in the search box or before the first faces show.
 */
export const Filters = memo(function Filters(props: FilterProps) {
  const [open, setOpen] = useState(false);
  const t = useT();
  const active = countActiveFilters(props.filter);
  return (
    <details className="filters" open={open}>
      <summary
        onClick={(e) => {
          // The open state is React's, so the menus are rendered exactly when they are shown.
          e.preventDefault();
          setOpen(!open);
        }}
      >
        {t.filters.summary}
        {active > 0 && <span className="chip">{t.filters.active(active)}</span>}
      </summary>
      {open && (
        <Suspense fallback={<p className="muted">{t.common.loading}</p>}>
          <FilterFields {...props} />
        </Suspense>
      )}
    </details>
  );
});
