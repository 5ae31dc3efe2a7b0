import { lazy } from 'react';
import type { FeatureRoute } from '../../ui/routes';

const OrgScreen = lazy(() => import('./OrgScreen').then((m) => ({ default: m.OrgScreen })));

export const orgRoutes: FeatureRoute[] = [
  { path: '/org', render: ({ directory, session }) => <OrgScreen directory={directory} selfId={session.staffId} /> },
];
