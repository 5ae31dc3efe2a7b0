import * as v from 'valibot';
import { says } from './issues';

/**
 * In-app notifications (P4): a new エール, a clap, a nomination's status. Each person reads only
 * their own. Shared by the app and the functions.
 */
export const NOTIFICATION_KINDS = ['yell.received', 'yell.clapped', 'nomination.status', 'survey.reminder'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Deterministic from its cause (see the helpers below), so adding the same notification twice (a
 * replayed mutation, a retried request) adds it once. No `~` or `/`: the id is a document id on
 * the server.
 */
export const NotificationIdSchema = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9._:-]{1,200}$/, says('notification.idInvalid')),
);

export const AppNotificationSchema = v.object({
  id: NotificationIdSchema,
  kind: v.picklist(NOTIFICATION_KINDS),
  /** Server clock, for display only. */
  createdAt: v.string(),
  /** Who caused it (the sender, the clapper); null for the system (e.g. a committee decision). */
  actor: v.nullable(v.string()),
  yellId: v.optional(v.string()),
  nominationId: v.optional(v.string()),
  status: v.optional(v.string()),
  surveyId: v.optional(v.string()),
  /** Rising and unique among one person's notifications (the recipients of one エール share its version); pages by it. */
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
});
export type AppNotification = v.InferOutput<typeof AppNotificationSchema>;

/** Answer to GET /notifications?since=V: the caller's own notifications after V, in version order. */
export const NotificationsPageSchema = v.object({
  notifications: v.array(AppNotificationSchema),
  version: v.pipe(v.number(), v.integer(), v.minValue(0)),
  more: v.boolean(),
});
export type NotificationsPage = v.InferOutput<typeof NotificationsPageSchema>;

export const NOTIFICATIONS_PAGE_SIZE = 100;

/** A notification before the store gives it a version. */
export type NewNotification = Omit<AppNotification, 'version'>;

/** One per recipient of a yell. */
export function yellReceivedNotificationId(yellId: string): string {
  return `yell.received:${yellId}`;
}

/** One per clapper of a yell (to its sender). */
export function yellClappedNotificationId(yellId: string, clapperId: string): string {
  return `yell.clapped:${yellId}:${clapperId}`;
}

/** One per status a nomination reaches (to whoever the nominations feature notifies). */
export function nominationStatusNotificationId(nominationId: string, status: string): string {
  return `nomination.status:${nominationId}:${status}`;
}

/** One per reminder of a survey (S3), to each person who had not answered when it became due. */
export function surveyReminderNotificationId(surveyId: string, reminderId: string): string {
  return `survey.reminder:${surveyId}:${reminderId}`;
}
