/** What other features may use of the admin feature. */
export { DevicesLink } from './DevicesLink';
