import { useLiveQuery } from 'dexie-react-hooks';
import { useT } from '../../i18n/language';
import { syncText, useSyncWords } from '../../i18n/problems/sync';
import { useAllFeedsArrived } from '../../ui/use-feeds-arrived';
import { useUi } from '../../ui/ui-store';
import type { AppDb } from '../../db/schema';

/**
 * One line that says whether what you see is current and whether your changes have been sent. A sync
 * error comes as a code; its words (src/i18n/problems/sync-ja.ts, sync-en.ts) load as the badge
 * mounts, and until they are there it says only that the sync failed.
 */
export function SyncBadge({ db }: { db: AppDb }) {
  const online = useUi((s) => s.online);
  const sync = useUi((s) => s.sync);
  const pending = useLiveQuery(() => db.outbox.count(), [db]) ?? 0;
  const rejected = useLiveQuery(() => db.rejected.count(), [db]) ?? 0;
  const arrived = useAllFeedsArrived(db) === true;
  const t = useT();
  const syncWords = useSyncWords();

  let text: string;
  if (!online) text = pending > 0 ? t.sync.offlineUnsent(pending) : t.sync.offline;
  else if (sync.phase === 'pushing' || sync.phase === 'pulling') text = t.sync.syncing;
  else if (sync.phase === 'error' && sync.error) text = syncWords ? syncText(sync.error, syncWords) : t.sync.error;
  else if (pending > 0) text = t.common.unsentCount(pending);
  // 最新 only when it is true (issue 22): this session has synced, and every feed the screens show
  // has arrived (a first directory is whole, each feed has stored its first page).
  else if (!arrived || sync.lastSyncedAt === null) text = t.sync.syncing;
  else text = t.sync.upToDate;

  return (
    <p className={`sync-badge${online ? '' : ' sync-badge--offline'}`} role="status" aria-live="polite">
      {text}
      {rejected > 0 && <span className="chip chip--error">{t.sync.rejected(rejected)}</span>}
    </p>
  );
}
