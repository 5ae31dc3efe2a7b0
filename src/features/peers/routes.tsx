import type { Screens } from '../../ui/routes';
import type { paths } from './paths';
import { PeersScreen } from './PeersScreen';

export const screens: Screens<typeof paths> = {
  '/peers': ({ directory, session }) => <PeersScreen directory={directory} selfId={session.staffId} />,
};
