import type { Screens } from '../../ui/routes';
import type { paths } from './paths';
import { ProfileScreen } from './ProfileScreen';
import { EditProfileScreen } from './EditProfileScreen';

export const screens: Screens<typeof paths> = {
  '/people/:id': ({ db, directory, session }, params) => (
    <ProfileScreen db={db} id={params.id ?? ''} directory={directory} selfId={session.staffId} />
  ),
  '/me/edit': ({ db, directory, session, loading }) => {
    const self = directory?.byId.get(session.staffId);
    return self ? <EditProfileScreen db={db} self={self} /> : loading;
  },
};
