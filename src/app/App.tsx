import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { Link, Route, Switch } from 'wouter';
import type { AppDb, SessionValue } from '../db/schema';
import { SignInScreen } from '../features/auth/SignInScreen';
import { DirectoryScreen } from '../features/directory/DirectoryScreen';
import { useDirectory } from '../features/directory/use-directory';
import { EditIntroScreen } from '../features/profile/EditIntroScreen';
import { ProfileScreen } from '../features/profile/ProfileScreen';
import { SyncBadge } from '../features/sync/SyncBadge';
import { readSession } from './session';
import { useUi } from './ui-store';

export interface AppProps {
  db: AppDb;
  /** Loaded after first paint: firebase and the sync loop. Absent in component tests. */
  connect?: (db: AppDb) => { signIn(email: string, password: string): Promise<void>; signOut(): Promise<void> };
  updatePrompt?: React.ReactNode;
}

export function App({ db, connect, updatePrompt }: AppProps) {
  const session = useLiveQuery(() => readSession(db), [db]);
  const setOnline = useUi((s) => s.setOnline);

  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, [setOnline]);

  if (session === undefined) return null; // IndexedDB answers within a frame or two; a flash of sign-in would be worse.
  if (session === null) {
    return (
      <>
        <SignInScreen
          signIn={async (email, password) => {
            if (!connect) throw new Error('サインインできません');
            await connect(db).signIn(email, password);
          }}
        />
        {updatePrompt}
      </>
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
  return (
    <>
      <header className="app-header">
        <Link href="/" className="app-title">
          職員名鑑
        </Link>
        <SyncBadge db={db} />
        <nav aria-label="メニュー">
          <Link href={`/people/${session.staffId}`}>自分</Link>
          <button type="button" className="link-button" onClick={onSignOut}>
            サインアウト
          </button>
        </nav>
      </header>
      <main className="app-main">
        <Switch>
          <Route path="/people/:id">
            {(params) => <ProfileScreen db={db} id={params.id} directory={directory} selfId={session.staffId} />}
          </Route>
          <Route path="/me/edit">
            <EditIntroScreen key={self ? 'ready' : 'loading'} db={db} self={self} />
          </Route>
          <Route>
            <DirectoryScreen directory={directory} />
          </Route>
        </Switch>
      </main>
      {children}
    </>
  );
}
