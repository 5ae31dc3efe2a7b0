import type { RouteContext, Screens } from '../../ui/routes';
import type { paths } from './paths';
import { YellScreen } from './YellScreen';
import { ComposeScreen } from './ComposeScreen';

const tab =
  (name: 'feed' | 'received' | 'sent') =>
  ({ db, directory, session }: RouteContext) => (
    <YellScreen db={db} directory={directory} selfId={session.staffId} role={session.role} tab={name} />
  );

export const screens: Screens<typeof paths> = {
  '/yells': tab('feed'),
  '/yells/received': tab('received'),
  '/yells/sent': tab('sent'),
  '/yells/new': ({ db, directory, session }) => (
    <ComposeScreen db={db} directory={directory} selfId={session.staffId} />
  ),
};
