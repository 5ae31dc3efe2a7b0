import { useLiveQuery } from 'dexie-react-hooks';
import { Suspense, useEffect } from 'react';
import { Link, Route, Switch } from 'wouter';
import type { AppDb, SessionValue } from '../db/schema';
import { SignInScreen } from '../features/auth/routes';
import { renderDirectory } from '../features/directory/routes';
import { forgetSnapshot, removeSnapshot } from '../features/directory/snapshot';
import { useDirectory } from '../ui/use-directory';
import { Bell } from '../features/notifications/shell';
import { SyncBadge } from '../features/sync/SyncBadge';
import { useT } from '../i18n/language';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import type { RouteContext } from '../ui/routes';
import { AreaScreen } from './area-screen';
import { FEATURE_AREAS } from './routes';
import { useScrollTopOnNavigate } from './use-scroll-top';
import { readSession } from '../db/session';
import { useUi } from '../ui/ui-store';

// Only the directory is in the entry bundle: it is what opens first, and the budget for the
// critical JavaScript (bench/targets.ts) leaves no room for the rest. Every other feature's screens
// load with its paths (src/app/routes.ts), precached by the service worker, so they open offline just the same.
function Loading() {
  const t = useT();
  return <p className="muted center">{t.common.loading}</p>;
}
const loading = <Loading />;

export interface AppProps {
  db: AppDb;
  /** Loaded after first paint: firebase and the sync loop. Absent in component tests. */
  connect?: (db: AppDb) => { signIn(email: string, password: string): Promise<void>; signOut(): Promise<void> };
  updatePrompt?: React.ReactNode;
}

export function App({ db, connect, updatePrompt }: AppProps) {
  const session = useLiveQuery(() => readSession(db), [db]);
  const setOnline = useUi((s) => s.setOnline);
  const t = useT();

  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, [setOnline]);

  useEffect(() => {
    // Nobody signed in: a copy of someone's first screen has nothing to stand in for, now or later.
    if (session !== null) return;
    removeSnapshot(document);
    forgetSnapshot();
  }, [session]);

  if (session === undefined) return null; // IndexedDB answers within a frame or two; a flash of sign-in would be worse.
  if (session === null) {
    return (
      <Suspense fallback={loading}>
        <SignInScreen
          signIn={async (email, password) => {
            if (!connect) throw new Error(t.app.cannotSignIn);
            await connect(db).signIn(email, password);
          }}
        />
        {updatePrompt}
      </Suspense>
    );
  }
  return (
    <Shell db={db} session={session} onSignOut={() => connect?.(db).signOut()}>
      {updatePrompt}
    </Shell>
  );
}

function Shell({
  db,
  session,
  onSignOut,
  children,
}: {
  db: AppDb;
  session: SessionValue;
  onSignOut: () => void;
  children: React.ReactNode;
}) {
  const directory = useDirectory(db, session.staffId);
  const context: RouteContext = { db, directory, session, loading };
  const t = useT();
  useScrollTopOnNavigate();
  return (
    <>
      <header className="app-header">
        <Link href="/" className="app-title">
          {t.app.title}
        </Link>
        <SyncBadge db={db} />
        <nav aria-label={t.app.menu}>
          <Link href="/org">{t.app.org}</Link>
          <Link href="/peers">{t.app.peers}</Link>
          <Link href="/yells">{t.app.yells}</Link>
          <Link href="/trainings">{t.app.trainings}</Link>
          <Link href={`/people/${session.staffId}`}>{t.app.me}</Link>
          {session.role === 'hr' && <Link href="/admin">{t.app.admin}</Link>}
          {session.role === 'manager' && <Link href="/manage">{t.app.manage}</Link>}
          <button type="button" className="link-button" onClick={onSignOut}>
            {t.app.signOut}
          </button>
        </nav>
        <LanguageSwitch />
        <Suspense fallback={<span className="bell" aria-hidden="true" />}>
          <Bell db={db} />
        </Suspense>
      </header>
      <main className="app-main">
        <Suspense fallback={loading}>
          <Switch>
            {FEATURE_AREAS.flatMap((area) =>
              area.paths.map((path) => (
                <Route key={path} path={path}>
                  {(params) => <AreaScreen area={area} path={path} context={context} params={params} />}
                </Route>
              )),
            )}
            <Route>{renderDirectory(context)}</Route>
          </Switch>
        </Suspense>
      </main>
      {children}
    </>
  );
}
