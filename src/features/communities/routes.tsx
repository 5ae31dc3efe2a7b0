import { lazy } from 'react';
import type { FeatureRoute } from '../../ui/routes';

const CommunitiesScreen = lazy(() => import('./CommunitiesScreen').then((m) => ({ default: m.CommunitiesScreen })));
const CommunityScreen = lazy(() => import('./CommunityScreen').then((m) => ({ default: m.CommunityScreen })));

export const communityRoutes: FeatureRoute[] = [
  {
    path: '/communities',
    render: ({ db, directory, session }) => (
      <CommunitiesScreen db={db} directory={directory} selfId={session.staffId} />
    ),
  },
  {
    path: '/communities/:id',
    render: ({ db, directory, session }, params) => (
      <CommunityScreen db={db} id={params.id ?? ''} directory={directory} selfId={session.staffId} />
    ),
  },
];
