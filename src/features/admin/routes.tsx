import { lazy } from 'react';
import type { FeatureRoute } from '../../ui/routes';

const SettingsScreen = lazy(() => import('./SettingsScreen').then((m) => ({ default: m.SettingsScreen })));

export const adminRoutes: FeatureRoute[] = [
  { path: '/admin/settings', render: ({ db, session }) => <SettingsScreen db={db} role={session.role} /> },
];
