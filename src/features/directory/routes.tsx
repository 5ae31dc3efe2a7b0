import type { RouteContext } from '../../ui/routes';
import { DirectoryScreen } from './DirectoryScreen';

/**
 * The directory is the first screen and every other path's: it is in the entry chunk (not lazy),
 * since it is what opens first. The app shows it when no other feature's route matches.
 */
export function renderDirectory({ db, directory }: RouteContext) {
  return <DirectoryScreen db={db} directory={directory} />;
}
