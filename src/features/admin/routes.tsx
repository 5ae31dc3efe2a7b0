import type { Screens } from '../../ui/routes';
import type { paths } from './paths';
import { SettingsScreen } from './SettingsScreen';
import { AdminHome, ManageHome } from './AdminHome';
import { AuditScreen } from './AuditScreen';
import { AccessScreen, DevicesScreen } from './AccessScreen';

export const screens: Screens<typeof paths> = {
  '/admin': ({ session }) => <AdminHome role={session.role} />,
  '/manage': ({ session }) => <ManageHome role={session.role} />,
  '/admin/settings': ({ db, session }) => <SettingsScreen db={db} role={session.role} />,
  '/admin/audit': ({ directory, session }) => <AuditScreen role={session.role} directory={directory} />,
  '/admin/access': ({ directory, session }) => (
    <AccessScreen role={session.role} selfId={session.staffId} directory={directory} />
  ),
  '/me/devices': ({ session }) => <DevicesScreen selfId={session.staffId} />,
};
