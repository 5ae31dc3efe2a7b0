import { paths } from './paths';

/** What the app and other features may use of the organisation upkeep. */
export { setOrganisationApi } from './organisation-source';
export const ORGANISATION_PATH = paths[0];
