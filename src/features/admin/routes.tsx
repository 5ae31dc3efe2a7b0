import { lazy } from 'react';
import type { FeatureRoute } from '../../ui/routes';

const SettingsScreen = lazy(() => import('./SettingsScreen').then((m) => ({ default: m.SettingsScreen })));
const AdminHome = lazy(() => import('./AdminHome').then((m) => ({ default: m.AdminHome })));
const ManageHome = lazy(() => import('./AdminHome').then((m) => ({ default: m.ManageHome })));
const AuditScreen = lazy(() => import('./AuditScreen').then((m) => ({ default: m.AuditScreen })));
const AccessScreen = lazy(() => import('./AccessScreen').then((m) => ({ default: m.AccessScreen })));
const DevicesScreen = lazy(() => import('./AccessScreen').then((m) => ({ default: m.DevicesScreen })));

export const adminRoutes: FeatureRoute[] = [
  { path: '/admin', render: ({ session }) => <AdminHome role={session.role} /> },
  { path: '/manage', render: ({ session }) => <ManageHome role={session.role} /> },
  { path: '/admin/settings', render: ({ db, session }) => <SettingsScreen db={db} role={session.role} /> },
  {
    path: '/admin/audit',
    render: ({ directory, session }) => <AuditScreen role={session.role} directory={directory} />,
  },
  {
    path: '/admin/access',
    render: ({ directory, session }) => (
      <AccessScreen role={session.role} selfId={session.staffId} directory={directory} />
    ),
  },
  { path: '/me/devices', render: ({ session }) => <DevicesScreen selfId={session.staffId} /> },
];
