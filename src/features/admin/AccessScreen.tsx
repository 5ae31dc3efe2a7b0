import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { PendingGrant } from '../../domain/access';
import { fullName } from '../../domain/person-name';
import type { Role } from '../../domain/org';
import { useT } from '../../i18n/language';
import { useProblem } from '../../i18n/problems/use-problem';
import { TransportError } from '../../sync/ports';
import { requestSync } from '../../sync/trigger';
import type { DirectoryView } from '../../ui/use-directory';
import '../../ui/people.css';
import { getAccessApi, useAccessApi } from './admin-source';
import './admin.css';
import { adminWords } from './words';

interface Props {
  role: Role;
  selfId: string;
  directory: DirectoryView | undefined;
}

type Status =
  { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; message: string } | { kind: 'error'; message: string };

/**
 * HR's rights screen (A2, A6), online only: grants of 人事 waiting for a second HR account (one's
 * own requests cannot be confirmed: the server refuses them too), and signing a person out of
 * every device.
 */
export function AccessScreen({ role, selfId, directory }: Props) {
  const t = useT(adminWords);
  const say = useProblem();
  const [grants, setGrants] = useState<PendingGrant[] | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [target, setTarget] = useState('');

  const failure = useCallback(
    (e: unknown): string =>
      e instanceof TransportError && e.code !== 'offline' ? say(e.refusal) : t.access.needsConnection,
    [say, t.access.needsConnection],
  );

  const loaded = useAccessApi();
  const refresh = useCallback(async () => {
    const api = getAccessApi();
    if (!api) return; // still loading: the effect below runs again when it arrives
    try {
      setGrants((await api.fetchPendingGrants()).grants);
    } catch (e) {
      setStatus({ kind: 'error', message: failure(e) });
    }
  }, [failure]);

  useEffect(() => {
    if (role === 'hr' && loaded) void refresh();
  }, [role, refresh, loaded]);

  if (role !== 'hr') {
    return (
      <section className="people-page" aria-labelledby="access-title">
        <h1 id="access-title">{t.access.title}</h1>
        <p role="alert">{t.admin.notAllowed}</p>
      </section>
    );
  }

  const nameOf = (id: string) => {
    const p = directory?.byId.get(id);
    return p ? `${fullName(p)}（${id}）` : id;
  };

  async function confirm(staffId: string) {
    const api = getAccessApi();
    if (!api) return setStatus({ kind: 'error', message: t.access.needsConnection });
    setStatus({ kind: 'busy' });
    try {
      await api.confirmGrant(staffId);
      setStatus({ kind: 'done', message: t.access.confirmed });
      await refresh();
    } catch (e) {
      setStatus({ kind: 'error', message: failure(e) });
    }
  }

  async function signOut(event: FormEvent) {
    event.preventDefault();
    const staffId = target.trim();
    if (!staffId) return;
    if (directory?.complete && !directory.byId.has(staffId)) {
      return setStatus({ kind: 'error', message: t.access.unknownPerson });
    }
    const api = getAccessApi();
    if (!api) return setStatus({ kind: 'error', message: t.access.needsConnection });
    setStatus({ kind: 'busy' });
    try {
      await api.signOutEverywhere(staffId);
      setStatus({ kind: 'done', message: t.access.signOutDone(nameOf(staffId)) });
      setTarget('');
    } catch (e) {
      setStatus({ kind: 'error', message: failure(e) });
    }
  }

  return (
    <section className="people-page admin-page" aria-labelledby="access-title">
      <h1 id="access-title">{t.access.title}</h1>
      <div aria-live="polite">
        {status.kind === 'done' && <p role="status">{status.message}</p>}
        {status.kind === 'error' && <p role="alert">{status.message}</p>}
      </div>

      <section className="admin-form" aria-labelledby="pending-title">
        <h2 id="pending-title">{t.access.pendingTitle}</h2>
        <p className="muted">{t.access.pendingLead}</p>
        {grants === null ? (
          <p className="muted">{t.common.loading}</p>
        ) : grants.length === 0 ? (
          <p className="muted">{t.access.noPending}</p>
        ) : (
          <ul className="admin-log">
            {grants.map((g) => (
              <li key={g.staffId}>
                <strong>{nameOf(g.staffId)}</strong>
                <span className="muted">{t.access.requestedBy(nameOf(g.requestedBy))}</span>
                {g.requestedBy === selfId ? (
                  <span className="muted">{t.access.ownRequest}</span>
                ) : (
                  <span>
                    <button
                      type="button"
                      className="button"
                      disabled={status.kind === 'busy'}
                      onClick={() => void confirm(g.staffId)}
                    >
                      {t.access.confirm}
                    </button>
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <form className="admin-form" aria-labelledby="signout-title" onSubmit={(e) => void signOut(e)}>
        <h2 id="signout-title">{t.access.signOutTitle}</h2>
        <p className="muted">{t.access.signOutLead}</p>
        <label className="admin-field">
          {t.access.staffId}
          <input value={target} onChange={(e) => setTarget(e.currentTarget.value)} autoComplete="off" required />
        </label>
        {target.trim() && directory?.byId.has(target.trim()) && <p>{nameOf(target.trim())}</p>}
        <p className="admin-save">
          <button type="submit" className="button" disabled={status.kind === 'busy'}>
            {t.access.signOut}
          </button>
        </p>
      </form>
    </section>
  );
}

/** A person signs themself out of every device (a lost phone). This device goes too, at its next contact. */
export function DevicesScreen({ selfId }: { selfId: string }) {
  const t = useT(adminWords);
  const say = useProblem();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  async function signOut() {
    const api = getAccessApi();
    if (!api) return setStatus({ kind: 'error', message: t.access.needsConnection });
    setStatus({ kind: 'busy' });
    try {
      await api.signOutEverywhere(selfId);
      setStatus({ kind: 'done', message: t.devices.done });
      // This device's own session is one of those ended: its next contact (this sync) wipes it and signs out.
      requestSync();
    } catch (e) {
      setStatus({
        kind: 'error',
        message: e instanceof TransportError && e.code !== 'offline' ? say(e.refusal) : t.access.needsConnection,
      });
    }
  }

  return (
    <section className="people-page admin-page" aria-labelledby="devices-title">
      <h1 id="devices-title">{t.devices.title}</h1>
      <p className="people-lead">{t.devices.lead}</p>
      <div aria-live="polite">
        {status.kind === 'done' && <p role="status">{status.message}</p>}
        {status.kind === 'error' && <p role="alert">{status.message}</p>}
      </div>
      <p>
        <button type="button" className="button" disabled={status.kind === 'busy'} onClick={() => void signOut()}>
          {t.devices.confirm}
        </button>
      </p>
    </section>
  );
}
