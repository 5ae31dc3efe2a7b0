import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useEffect } from 'react';
import { Link, Route, Switch } from 'wouter';
import type { AppDb, SessionValue } from '../db/schema';
import { DirectoryScreen } from '../features/directory/DirectoryScreen';
import { forgetSnapshot, removeSnapshot } from '../features/directory/snapshot';
import { useDirectory } from '../features/directory/use-directory';
import { SyncBadge } from '../features/sync/SyncBadge';
import { useT } from './i18n/language';
import { LanguageSwitch } from './i18n/LanguageSwitch';
import { useScrollTopOnNavigate } from './use-scroll-top';
import { readSession } from './session';
import { useUi } from './ui-store';

// Only the directory is in the entry bundle: it is what opens first, and the budget for the
// critical JavaScript (120 KB gzipped) leaves no room for the rest. Other screens are precached by
// the service worker, so they open offline just the same.
const SignInScreen = lazy(() => import('../features/auth/SignInScreen').then((m) => ({ default: m.SignInScreen })));
const ProfileScreen = lazy(() =>
  import('../features/profile/ProfileScreen').then((m) => ({ default: m.ProfileScreen })),
);
const EditProfileScreen = lazy(() =>
  import('../features/profile/EditProfileScreen').then((m) => ({ default: m.EditProfileScreen })),
);
const PeersScreen = lazy(() => import('../features/peers/PeersScreen').then((m) => ({ default: m.PeersScreen })));
const OrgScreen = lazy(() => import('../features/org/OrgScreen').then((m) => ({ default: m.OrgScreen })));
const CommunitiesScreen = lazy(() =>
  import('../features/communities/CommunitiesScreen').then((m) => ({ default: m.CommunitiesScreen })),
);
const CommunityScreen = lazy(() =>
  import('../features/communities/CommunityScreen').then((m) => ({ default: m.CommunityScreen })),
);
// The bell's count can follow the first paint by a moment: it stays out of the entry chunk.
const Bell = lazy(() => import('../features/notifications/Bell').then((m) => ({ default: m.Bell })));
const YellScreen = lazy(() => import('../features/yell/YellScreen').then((m) => ({ default: m.YellScreen })));
const ComposeScreen = lazy(() => import('../features/yell/ComposeScreen').then((m) => ({ default: m.ComposeScreen })));
const NotificationsScreen = lazy(() =>
  import('../features/notifications/NotificationsScreen').then((m) => ({ default: m.NotificationsScreen })),
);
// Its own chunk with the chart library: no other screen pays for it.
const SummaryScreen = lazy(() =>
  import('../features/recognition-summary/SummaryScreen').then((m) => ({ default: m.SummaryScreen })),
);
const SettingsScreen = lazy(() =>
  import('../features/admin/SettingsScreen').then((m) => ({ default: m.SettingsScreen })),
);
const NominationsScreen = lazy(() =>
  import('../features/nominations/NominationsScreen').then((m) => ({ default: m.NominationsScreen })),
);
const NewNominationScreen = lazy(() =>
  import('../features/nominations/NewNominationScreen').then((m) => ({ default: m.NewNominationScreen })),
);
const NominationScreen = lazy(() =>
  import('../features/nominations/NominationScreen').then((m) => ({ default: m.NominationScreen })),
);
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
  const self = directory?.byId.get(session.staffId);
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
          <Link href="/yells">{t.yell.nav}</Link>
          <Link href={`/people/${session.staffId}`}>{t.app.me}</Link>
          <button type="button" className="link-button" onClick={onSignOut}>
            {t.app.signOut}
          </button>
          <LanguageSwitch />
        </nav>
        <Suspense fallback={<span className="bell" aria-hidden="true" />}>
          <Bell db={db} />
        </Suspense>
      </header>
      <main className="app-main">
        <Suspense fallback={loading}>
          <Switch>
            <Route path="/people/:id">
              {(params) => <ProfileScreen db={db} id={params.id} directory={directory} selfId={session.staffId} />}
            </Route>
            <Route path="/peers">
              <PeersScreen directory={directory} selfId={session.staffId} />
            </Route>
            <Route path="/org">
              <OrgScreen directory={directory} selfId={session.staffId} />
            </Route>
            <Route path="/communities">
              <CommunitiesScreen db={db} directory={directory} selfId={session.staffId} />
            </Route>
            <Route path="/communities/:id">
              {(params) => <CommunityScreen db={db} id={params.id} directory={directory} selfId={session.staffId} />}
            </Route>
            <Route path="/yells">
              <YellScreen db={db} directory={directory} selfId={session.staffId} role={session.role} tab="feed" />
            </Route>
            <Route path="/yells/received">
              <YellScreen db={db} directory={directory} selfId={session.staffId} role={session.role} tab="received" />
            </Route>
            <Route path="/yells/sent">
              <YellScreen db={db} directory={directory} selfId={session.staffId} role={session.role} tab="sent" />
            </Route>
            <Route path="/yells/new">
              <ComposeScreen db={db} directory={directory} selfId={session.staffId} />
            </Route>
            <Route path="/notifications">
              <NotificationsScreen db={db} directory={directory} />
            </Route>
            <Route path="/admin/settings">
              <SettingsScreen db={db} role={session.role} />
            </Route>
            <Route path="/recognition/summary">
              <SummaryScreen db={db} directory={directory} role={session.role} />
            </Route>
            <Route path="/nominations">
              <NominationsScreen db={db} directory={directory} selfId={session.staffId} duties={session.duties} />
            </Route>
            <Route path="/nominations/new">
              <NewNominationScreen db={db} directory={directory} selfId={session.staffId} />
            </Route>
            <Route path="/nominations/:id">
              {(params) => (
                <NominationScreen
                  db={db}
                  id={params.id}
                  directory={directory}
                  selfId={session.staffId}
                  duties={session.duties}
                />
              )}
            </Route>
            <Route path="/me/edit">{self ? <EditProfileScreen db={db} self={self} /> : loading}</Route>
            <Route>
              <DirectoryScreen db={db} directory={directory} />
            </Route>
          </Switch>
        </Suspense>
      </main>
      {children}
    </>
  );
}
