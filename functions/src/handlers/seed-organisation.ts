/** Kept for bench/run.ts (outside this branch), which imports it from here: see features/directory/seed.ts. */
export { seedOrganisation } from '../features/directory/seed';
