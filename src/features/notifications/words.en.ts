import type { NotificationsWords } from './words';

/** The notifications feature's words in English. `satisfies`: a key missing from or added to words.ts fails the typecheck. */
export const notificationsEn = {
  notifications: {
    bell: (n: number) => (n > 0 ? `Notifications (${n} unread)` : 'Notifications'),
    title: 'Notifications',
    empty: 'No notifications.',
    unread: 'Unread',
    markAllRead: 'Mark all as read',
    someone: 'A colleague',
    yellReceived: (name: string) => `${name} sent you a yell`,
    yellClapped: (name: string) => `${name} clapped for your yell`,
    nominationStatus: (status: string) => `Your nomination is now “${status}”`,
    /** A nomination status as the server names it; an unknown one is shown as is. */
    statusLabel: (status: string) =>
      ({
        submitted: 'Received',
        under_review: 'Under review',
        awarded: 'Awarded',
        not_awarded: 'Not awarded',
      })[status] ?? status,
    surveyReminder: "Please answer the survey (sent to those who haven't answered yet)",
    openYell: 'View the yell',
  },
} satisfies NotificationsWords;
