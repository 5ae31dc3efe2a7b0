import { lazy } from 'react';
import type { FeatureRoute } from '../../ui/routes';

const PeersScreen = lazy(() => import('./PeersScreen').then((m) => ({ default: m.PeersScreen })));

export const peersRoutes: FeatureRoute[] = [
  {
    path: '/peers',
    render: ({ directory, session }) => <PeersScreen directory={directory} selfId={session.staffId} />,
  },
];
