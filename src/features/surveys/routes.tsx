import { lazy } from 'react';
import type { FeatureRoute } from '../../ui/routes';

const SurveysScreen = lazy(() => import('./SurveysScreen').then((m) => ({ default: m.SurveysScreen })));
const AnswerScreen = lazy(() => import('./AnswerScreen').then((m) => ({ default: m.AnswerScreen })));
const AdminScreen = lazy(() => import('./AdminScreen').then((m) => ({ default: m.AdminScreen })));

/** `/surveys/admin` before `/surveys/:id`, which would take it otherwise. */
export const surveyRoutes: FeatureRoute[] = [
  {
    path: '/surveys',
    render: ({ db, session }) => <SurveysScreen db={db} isHr={session.role === 'hr'} />,
  },
  {
    path: '/surveys/admin',
    render: ({ directory }) => <AdminScreen directory={directory} />,
  },
  {
    path: '/surveys/:id',
    render: ({ db, directory }, params) => <AnswerScreen db={db} id={params.id ?? ''} directory={directory} />,
  },
];
