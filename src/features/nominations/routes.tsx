import type { Screens } from '../../ui/routes';
import type { paths } from './paths';
import { NominationsScreen } from './NominationsScreen';
import { NewNominationScreen } from './NewNominationScreen';
import { NominationScreen } from './NominationScreen';

export const screens: Screens<typeof paths> = {
  '/nominations': ({ db, directory, session }) => (
    <NominationsScreen db={db} directory={directory} selfId={session.staffId} duties={session.duties} />
  ),
  '/nominations/new': ({ db, directory, session }) => (
    <NewNominationScreen db={db} directory={directory} selfId={session.staffId} />
  ),
  '/nominations/:id': ({ db, directory, session }, params) => (
    <NominationScreen
      db={db}
      id={params.id ?? ''}
      directory={directory}
      selfId={session.staffId}
      duties={session.duties}
    />
  ),
};
