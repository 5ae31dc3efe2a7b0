import type { Screens } from '../../ui/routes';
import type { paths } from './paths';
import { SummaryScreen } from './SummaryScreen';

export const screens: Screens<typeof paths> = {
  '/recognition/summary': ({ db, directory, session }) => (
    <SummaryScreen db={db} directory={directory} role={session.role} />
  ),
};
