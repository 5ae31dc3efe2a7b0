import type { Screens } from '../../ui/routes';
import type { paths } from './paths';
import { OrganisationScreen } from './OrganisationScreen';

/** The screen checks the role; the server refuses anyone else too. */
export const screens: Screens<typeof paths> = {
  '/admin/org': ({ directory, session }) => (
    <OrganisationScreen role={session.role} units={directory ? [...directory.units.values()] : undefined} />
  ),
};
