import type { Screens } from '../../ui/routes';
import type { paths } from './paths';
import { OrgScreen } from './OrgScreen';

export const screens: Screens<typeof paths> = {
  '/org': ({ directory, session }) => <OrgScreen directory={directory} selfId={session.staffId} />,
};
