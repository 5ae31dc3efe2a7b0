import { lazy } from 'react';
import type { FeatureRoute } from '../../ui/routes';

const NominationsScreen = lazy(() => import('./NominationsScreen').then((m) => ({ default: m.NominationsScreen })));
const NewNominationScreen = lazy(() =>
  import('./NewNominationScreen').then((m) => ({ default: m.NewNominationScreen })),
);
const NominationScreen = lazy(() => import('./NominationScreen').then((m) => ({ default: m.NominationScreen })));

/** `/nominations/new` before `/nominations/:id`, which would take it otherwise. */
export const nominationRoutes: FeatureRoute[] = [
  {
    path: '/nominations',
    render: ({ db, directory, session }) => (
      <NominationsScreen db={db} directory={directory} selfId={session.staffId} duties={session.duties} />
    ),
  },
  {
    path: '/nominations/new',
    render: ({ db, directory, session }) => (
      <NewNominationScreen db={db} directory={directory} selfId={session.staffId} />
    ),
  },
  {
    path: '/nominations/:id',
    render: ({ db, directory, session }, params) => (
      <NominationScreen
        db={db}
        id={params.id ?? ''}
        directory={directory}
        selfId={session.staffId}
        duties={session.duties}
      />
    ),
  },
];
