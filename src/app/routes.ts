import { adminRoutes } from '../features/admin/routes';
import { communityRoutes } from '../features/communities/routes';
import { nominationRoutes } from '../features/nominations/routes';
import { notificationRoutes } from '../features/notifications/routes';
import { orgRoutes } from '../features/org/routes';
import { peersRoutes } from '../features/peers/routes';
import { profileRoutes } from '../features/profile/routes';
import { summaryRoutes } from '../features/recognition-summary/routes';
import { surveyRoutes } from '../features/surveys/routes';
import { yellRoutes } from '../features/yell/routes';
import type { FeatureRoute } from '../ui/routes';

/**
 * Every feature's screens, each list from its own folder; the directory takes every path none of
 * these match (src/features/directory/routes.tsx). A new feature's screens are one line here.
 */
export const FEATURE_ROUTES: readonly FeatureRoute[] = [
  ...profileRoutes,
  ...peersRoutes,
  ...orgRoutes,
  ...communityRoutes,
  ...yellRoutes,
  ...notificationRoutes,
  ...adminRoutes,
  ...summaryRoutes,
  ...nominationRoutes,
  ...surveyRoutes,
];
