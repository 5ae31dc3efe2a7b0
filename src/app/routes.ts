import { paths as adminPaths } from '../features/admin/paths';
import { paths as communityPaths } from '../features/communities/paths';
import { paths as nominationPaths } from '../features/nominations/paths';
import { paths as notificationPaths } from '../features/notifications/paths';
import { paths as orgPaths } from '../features/org/paths';
import { paths as peersPaths } from '../features/peers/paths';
import { paths as profilePaths } from '../features/profile/paths';
import { paths as summaryPaths } from '../features/recognition-summary/paths';
import { paths as rosterPaths } from '../features/roster/paths';
import { paths as organisationPaths } from '../features/organisation/paths';

import { paths as surveyPaths } from '../features/surveys/paths';
import { paths as trainingPaths } from '../features/trainings/paths';
import { paths as yellPaths } from '../features/yell/paths';
import { featureArea, type FeatureArea } from '../ui/routes';

/**
 * Every feature's screens: its paths from its own folder, its screens loaded with the first of
 * them opened (the entry chunk holds only the paths). The directory takes every path none of these
 * match (src/features/directory/routes.tsx). A new feature's screens are one line here.
 */
export const FEATURE_AREAS: readonly FeatureArea[] = [
  featureArea(profilePaths, () => import('../features/profile/routes')),
  featureArea(peersPaths, () => import('../features/peers/routes')),
  featureArea(orgPaths, () => import('../features/org/routes')),
  featureArea(communityPaths, () => import('../features/communities/routes')),
  featureArea(yellPaths, () => import('../features/yell/routes')),
  featureArea(notificationPaths, () => import('../features/notifications/routes')),
  featureArea(adminPaths, () => import('../features/admin/routes')),
  featureArea(summaryPaths, () => import('../features/recognition-summary/routes')),
  featureArea(nominationPaths, () => import('../features/nominations/routes')),
  featureArea(trainingPaths, () => import('../features/trainings/routes')),
  featureArea(rosterPaths, () => import('../features/roster/routes')),
  featureArea(organisationPaths, () => import('../features/organisation/routes')),

  featureArea(surveyPaths, () => import('../features/surveys/routes')),
];
