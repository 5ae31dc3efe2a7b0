import type { Screens } from '../../ui/routes';
import type { paths } from './paths';
import { CommunitiesScreen } from './CommunitiesScreen';
import { CommunityScreen } from './CommunityScreen';

export const screens: Screens<typeof paths> = {
  '/communities': ({ db, directory, session }) => (
    <CommunitiesScreen db={db} directory={directory} selfId={session.staffId} />
  ),
  '/communities/:id': ({ db, directory, session }, params) => (
    <CommunityScreen db={db} id={params.id ?? ''} directory={directory} selfId={session.staffId} />
  ),
};
