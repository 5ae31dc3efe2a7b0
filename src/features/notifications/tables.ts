import type { TableDeclarations } from '../../db/tables';

/** An in-app notification (P4) for the signed-in person. */
export interface NotificationRow {
  id: string;
  kind: 'yell.received' | 'yell.clapped' | 'nomination.status' | 'survey.reminder';
  createdAt: string;
  actor: string | null;
  yellId?: string;
  nominationId?: string;
  status?: string;
  surveyId?: string;
  version: number;
}

/** Read state stays on the device: a notification read on this phone. */
export interface ReadNotificationRow {
  id: string;
  readAt: number;
}

/** In-app notifications' tables (P4): by the database version that added them. */
export const NOTIFICATION_TABLES: TableDeclarations = {
  3: { notifications: 'id, version, createdAt', readNotifications: 'id' },
};
