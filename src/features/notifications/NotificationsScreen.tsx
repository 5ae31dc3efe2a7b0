import { useEffect, useRef } from 'react';
import { Link } from 'wouter';
import { useT } from '../../i18n/language';
import { notificationsWords } from './words';
import { markRead } from '../../db/notifications';
import type { AppDb } from '../../db/schema';
import { fullName } from '../../domain/staff';
import type { DirectoryView } from '../../ui/use-directory';
import '../../ui/people.css';
import { shortDate } from '../yell/public';
import { useNotifications, type NotificationItem } from './use-notifications';

interface Props {
  db: AppDb;
  directory: DirectoryView | undefined;
}

/**
 * P4: new エール, claps, a nomination's status. Opening the list marks what it shows as read on
 * this device; the ones that were unread keep their mark until the screen is left, so the person
 * sees which are new.
 */
export function NotificationsScreen({ db, directory }: Props) {
  const t = useT(notificationsWords);
  const items = useNotifications(db);
  const unreadAtOpen = useRef<Set<string> | null>(null);
  if (items && unreadAtOpen.current === null)
    unreadAtOpen.current = new Set(items.filter((n) => !n.read).map((n) => n.id));
  const unreadIds =
    items
      ?.filter((n) => !n.read)
      .map((n) => n.id)
      .join(' ') ?? '';
  useEffect(() => {
    if (unreadIds === '') return;
    // New ones arriving while the list is open are marked as they show, and keep their mark here.
    for (const id of unreadIds.split(' ')) unreadAtOpen.current?.add(id);
    void markRead(db, unreadIds.split(' '));
  }, [db, unreadIds]);

  const name = (id: string | null) => {
    const r = id ? directory?.byId.get(id) : undefined;
    return r ? fullName(r) : t.notifications.someone;
  };
  const text = (n: NotificationItem) => {
    switch (n.kind) {
      case 'yell.received':
        return t.notifications.yellReceived(name(n.actor));
      case 'yell.clapped':
        return t.notifications.yellClapped(name(n.actor));
      case 'nomination.status':
        return t.notifications.nominationStatus(t.notifications.statusLabel(n.status ?? ''));
      case 'survey.reminder':
        return t.notifications.surveyReminder;
    }
  };
  const link = (n: NotificationItem) => {
    switch (n.kind) {
      case 'yell.received':
        return '/yells/received';
      case 'yell.clapped':
        return '/yells/sent';
      case 'nomination.status':
        return n.nominationId ? `/nominations/${encodeURIComponent(n.nominationId)}` : null;
      case 'survey.reminder':
        return n.surveyId ? `/surveys/${encodeURIComponent(n.surveyId)}` : '/surveys';
    }
  };

  return (
    <section className="people-page" aria-labelledby="notifications-title">
      <h1 id="notifications-title">{t.notifications.title}</h1>
      {items === undefined ? (
        <p className="muted">{t.common.loading}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t.notifications.empty}</p>
      ) : (
        <ul className="notification-list" aria-labelledby="notifications-title">
          {items.map((n) => {
            const href = link(n);
            const unread = unreadAtOpen.current?.has(n.id) ?? false;
            return (
              <li key={n.id} className={unread ? 'notification notification--unread' : 'notification'}>
                {unread && <span className="chip chip--pending">{t.notifications.unread}</span>}
                <span className="notification-text">{href ? <Link href={href}>{text(n)}</Link> : text(n)}</span>
                <span className="yell-date">{shortDate(n.createdAt)}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
