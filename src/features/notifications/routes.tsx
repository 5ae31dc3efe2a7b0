import { lazy } from 'react';
import type { FeatureRoute } from '../../ui/routes';

const NotificationsScreen = lazy(() =>
  import('./NotificationsScreen').then((m) => ({ default: m.NotificationsScreen })),
);
// The bell's count can follow the first paint by a moment: it stays out of the entry chunk.
export const Bell = lazy(() => import('./Bell').then((m) => ({ default: m.Bell })));

export const notificationRoutes: FeatureRoute[] = [
  { path: '/notifications', render: ({ db, directory }) => <NotificationsScreen db={db} directory={directory} /> },
];
