import { Link } from 'wouter';
import { useT } from '../../i18n/language';
import { notificationsWords } from './words';
import type { AppDb } from '../../db/schema';
import { useUnreadCount } from './use-notifications';

/** The header's bell (P4): the unread count on this device, linked to the list. Tiny: it is in the entry chunk. */
export function Bell({ db }: { db: AppDb }) {
  const t = useT(notificationsWords);
  const unread = useUnreadCount(db);
  return (
    <Link href="/notifications" className="bell" aria-label={t.notifications.bell(unread)}>
      <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {unread > 0 && (
        <span className="bell-count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}
