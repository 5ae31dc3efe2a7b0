import { useLiveQuery } from 'dexie-react-hooks';
import { useUi } from '../../app/ui-store';
import type { AppDb } from '../../db/schema';

/** One line that says whether what you see is current and whether your changes have been sent. */
export function SyncBadge({ db }: { db: AppDb }) {
  const online = useUi((s) => s.online);
  const sync = useUi((s) => s.sync);
  const pending = useLiveQuery(() => db.outbox.count(), [db]) ?? 0;
  const rejected = useLiveQuery(() => db.rejected.count(), [db]) ?? 0;

  let text: string;
  if (!online) text = pending > 0 ? `オフライン・未送信 ${pending}件` : 'オフライン';
  else if (sync.phase === 'pushing' || sync.phase === 'pulling') text = '同期中…';
  else if (sync.phase === 'error' && sync.error) text = sync.error;
  else if (pending > 0) text = `未送信 ${pending}件`;
  else text = '最新';

  return (
    <p className={`sync-badge${online ? '' : ' sync-badge--offline'}`} role="status" aria-live="polite">
      {text}
      {rejected > 0 && <span className="chip chip--error">送信できなかった変更 {rejected}件</span>}
    </p>
  );
}
