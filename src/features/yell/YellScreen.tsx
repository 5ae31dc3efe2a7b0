import { useId, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { useT } from '../../i18n/language';
import { yellWords } from './words';
import { useProblem } from '../../i18n/problems/use-problem';
import type { AppDb } from '../../db/schema';
import { departmentOf, type Role } from '../../domain/org';
import { DEFAULT_RECOGNITION_SETTINGS } from '../../domain/yells';
import type { ShownYell } from '../../sync/yells';
import type { DirectoryView } from '../../ui/use-directory';
import { useUi } from '../../ui/ui-store';
import '../../ui/people.css';
import { setYellFeedOptOut } from './commands';
import { YellCard } from './YellCard';
import { useYells, type YellView } from './use-yells';
import './yell.css';

export type YellTab = 'feed' | 'received' | 'sent';

const TAB_PATHS: Record<YellTab, string> = { feed: '/yells', received: '/yells/received', sent: '/yells/sent' };

/** エール shown per tab at most; older ones wait for "more" (a feed of a big city is long). */
const PAGE = 50;

interface Props {
  db: AppDb;
  directory: DirectoryView | undefined;
  selfId: string;
  role: Role;
  tab: YellTab;
}

/** R1, R2: the public feed (all, or one 部), what I received, what I sent (with 送信待ち). No ranking. */
export function YellScreen({ db, directory, selfId, role, tab }: Props) {
  const t = useT(yellWords);
  const say = useProblem();
  const view = useYells(db, selfId);
  const online = useUi((s) => s.online);
  const [department, setDepartment] = useState('');
  const [shown, setShown] = useState(PAGE);
  const departmentOfPerson = useMemo(() => {
    const cache = new Map<string, string | undefined>();
    return (staffId: string) => {
      if (!cache.has(staffId)) {
        const r = directory?.byId.get(staffId);
        cache.set(staffId, r && directory ? departmentOf(directory.units, r.unitId)?.id : undefined);
      }
      return cache.get(staffId);
    };
  }, [directory]);
  const departments = useMemo(
    () =>
      [...(directory?.units.values() ?? [])]
        .filter((u) => u.kind === 'bu')
        .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name, 'ja')),
    [directory],
  );
  const list = view ? pick(view, tab, selfId, department, departmentOfPerson) : undefined;
  const filterId = useId();
  const labels: Record<YellTab, string> = { feed: t.yell.feed, received: t.yell.received, sent: t.yell.sent };
  const empty: Record<YellTab, string> = {
    feed: t.yell.emptyFeed,
    received: t.yell.emptyReceived,
    sent: t.yell.emptySent,
  };
  return (
    <section className="people-page yell-page" aria-labelledby="yell-title">
      <h1 id="yell-title">{t.yell.title}</h1>
      <p className="people-lead">{t.yell.lead}</p>
      <p className="yell-actions">
        <Link href="/yells/new" className="button button--primary">
          {t.yell.compose}
        </Link>
        <Link href="/nominations">{t.yell.nominationsLink}</Link>
        {(role === 'manager' || role === 'hr') && <Link href="/recognition/summary">{t.yell.summaryLink}</Link>}
      </p>
      <nav aria-label={t.yell.tabs} className="yell-tabs">
        {(Object.keys(TAB_PATHS) as YellTab[]).map((k) => (
          // keys of Record<YellTab, string>
          <Link key={k} href={TAB_PATHS[k]} aria-current={k === tab ? 'page' : undefined} className="yell-tab">
            {labels[k]}
          </Link>
        ))}
      </nav>
      {tab === 'feed' && (
        <div className="people-field yell-filter">
          <label htmlFor={filterId}>{t.yell.department}</label>
          <select id={filterId} value={department} onChange={(e) => setDepartment(e.target.value)}>
            <option value="">{t.yell.allDepartments}</option>
            {departments.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {tab === 'received' && view && <OptOutSwitch db={db} view={view} />}
      {tab === 'sent' && view?.writeFailure && (
        <p className="error" role="alert">
          {say(view.writeFailure)}
        </p>
      )}
      {list === undefined || (list.length === 0 && !view?.arrived) ? (
        // Not arrived yet is not empty (issue 22): the feed's first page may still be on its way.
        <p className="muted" role="status">
          {online || list === undefined ? t.common.loading : t.yell.notArrived}
        </p>
      ) : list.length === 0 ? (
        <p className="muted">{empty[tab]}</p>
      ) : (
        <>
          <ul className="yell-list" aria-label={labels[tab]}>
            {list.slice(0, shown).map((y) => (
              <YellCard
                key={y.id}
                db={db}
                yell={y}
                directory={directory}
                settings={view?.settings ?? DEFAULT_RECOGNITION_SETTINGS}
                selfId={selfId}
              />
            ))}
          </ul>
          {list.length > shown && (
            <button type="button" className="button" onClick={() => setShown((n) => n + PAGE)}>
              {t.yell.more}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function pick(
  view: YellView,
  tab: YellTab,
  selfId: string,
  department: string,
  departmentOfPerson: (id: string) => string | undefined,
): ShownYell[] {
  switch (tab) {
    case 'received':
      return view.yells.filter((y) => y.to.includes(selfId) && y.rejected === null);
    case 'sent':
      return view.yells.filter((y) => y.from === selfId);
    case 'feed':
      return view.yells.filter(
        (y) =>
          y.visibility === 'public' &&
          y.rejected === null &&
          // The server hides these from others; my own device may still hold them (sender, recipient).
          !y.to.some((id) => view.feedOptOut.has(id)) &&
          (department === '' ||
            departmentOfPerson(y.from) === department ||
            y.to.some((id) => departmentOfPerson(id) === department)),
      );
  }
}

function OptOutSwitch({ db, view }: { db: AppDb; view: YellView }) {
  const t = useT(yellWords);
  const say = useProblem();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="yell-optout">
      <input
        id={id}
        type="checkbox"
        role="switch"
        checked={view.myOptOut}
        onChange={(e) =>
          void setYellFeedOptOut(db, e.target.checked).then((r) => setError(r.ok ? null : say(r.problem)))
        }
      />
      <label htmlFor={id}>{t.yell.optOut}</label>
      <p className="muted">
        {t.yell.optOutHint}
        {view.optOutPending && <span className="chip chip--pending">{t.common.unsent}</span>}
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
