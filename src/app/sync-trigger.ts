/**
 * Kept for the features' commands.ts, which import requestSync from here until they import it
 * from src/sync/trigger.ts (the one home of the trigger); nothing else should use this path.
 */
export { onSyncRequested, requestSync } from '../sync/trigger';
