import { paths } from './paths';

/** What the app and other features may use of the roster import. */
export { setRosterApi } from './roster-source';
export const ROSTER_PATH = paths[0];
