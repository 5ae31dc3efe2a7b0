import { lazy } from 'react';
import type { FeatureRoute } from '../../ui/routes';

// Its own chunk with the chart library: no other screen pays for it.
const SummaryScreen = lazy(() => import('./SummaryScreen').then((m) => ({ default: m.SummaryScreen })));

export const summaryRoutes: FeatureRoute[] = [
  {
    path: '/recognition/summary',
    render: ({ db, directory, session }) => <SummaryScreen db={db} directory={directory} role={session.role} />,
  },
];
