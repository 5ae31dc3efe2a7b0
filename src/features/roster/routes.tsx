import { lazy } from 'react';
import type { FeatureRoute } from '../../ui/routes';
import { ROSTER_PATH } from './public';

const RosterScreen = lazy(() => import('./RosterScreen').then((m) => ({ default: m.RosterScreen })));

/** HR's roster import (issue 21, A1): the screen checks the role; the server refuses anyone else too. */
export const rosterRoutes: FeatureRoute[] = [
  { path: ROSTER_PATH, render: ({ session }) => <RosterScreen role={session.role} /> },
];
