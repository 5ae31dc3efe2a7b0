import { lazy } from 'react';
import type { FeatureRoute } from '../../ui/routes';

const TrainingsScreen = lazy(() => import('./TrainingsScreen').then((m) => ({ default: m.TrainingsScreen })));
const TrainingScreen = lazy(() => import('./TrainingScreen').then((m) => ({ default: m.TrainingScreen })));

/** The catalogue and a training's page (T1-T2), lazy: their code loads with the route. */
export const trainingRoutes: FeatureRoute[] = [
  { path: '/trainings', render: ({ db }) => <TrainingsScreen db={db} /> },
  { path: '/trainings/:id', render: ({ db }, params) => <TrainingScreen db={db} id={params.id ?? ''} /> },
];
