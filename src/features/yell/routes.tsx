import { lazy } from 'react';
import type { FeatureRoute, RouteContext } from '../../ui/routes';

const YellScreen = lazy(() => import('./YellScreen').then((m) => ({ default: m.YellScreen })));
const ComposeScreen = lazy(() => import('./ComposeScreen').then((m) => ({ default: m.ComposeScreen })));

const tab =
  (name: 'feed' | 'received' | 'sent') =>
  ({ db, directory, session }: RouteContext) => (
    <YellScreen db={db} directory={directory} selfId={session.staffId} role={session.role} tab={name} />
  );

export const yellRoutes: FeatureRoute[] = [
  { path: '/yells', render: tab('feed') },
  { path: '/yells/received', render: tab('received') },
  { path: '/yells/sent', render: tab('sent') },
  {
    path: '/yells/new',
    render: ({ db, directory, session }) => <ComposeScreen db={db} directory={directory} selfId={session.staffId} />,
  },
];
