import type { Screens } from '../../ui/routes';
import type { paths } from './paths';
import { NotificationsScreen } from './NotificationsScreen';

export const screens: Screens<typeof paths> = {
  '/notifications': ({ db, directory }) => <NotificationsScreen db={db} directory={directory} />,
};
