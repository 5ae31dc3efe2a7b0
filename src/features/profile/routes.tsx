import { lazy } from 'react';
import type { FeatureRoute } from '../../ui/routes';

const ProfileScreen = lazy(() => import('./ProfileScreen').then((m) => ({ default: m.ProfileScreen })));
const EditProfileScreen = lazy(() => import('./EditProfileScreen').then((m) => ({ default: m.EditProfileScreen })));

export const profileRoutes: FeatureRoute[] = [
  {
    path: '/people/:id',
    render: ({ db, directory, session }, params) => (
      <ProfileScreen db={db} id={params.id ?? ''} directory={directory} selfId={session.staffId} />
    ),
  },
  {
    path: '/me/edit',
    render: ({ db, directory, session, loading }) => {
      const self = directory?.byId.get(session.staffId);
      return self ? <EditProfileScreen db={db} self={self} /> : loading;
    },
  },
];
