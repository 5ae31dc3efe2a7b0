import type { Screens } from '../../ui/routes';
import type { paths } from './paths';
import { RosterScreen } from './RosterScreen';

/** The screen checks the role; the server refuses anyone else too. */
export const screens: Screens<typeof paths> = {
  '/admin/roster': ({ session }) => <RosterScreen role={session.role} />,
};
