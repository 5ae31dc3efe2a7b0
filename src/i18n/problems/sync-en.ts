import type { SyncWords } from './words';

/** The sync errors' words in English: loaded like sync-ja.ts. */
export const SYNC_EN: SyncWords = {
  'sync.offline': "You're offline. Changes will be sent when the connection is back",
  'sync.unauthenticated': 'Your sign-in has expired. Please sign in again',
  'sync.forbidden': "You don't have permission to do this",
  'sync.unavailable': "Couldn't reach the server. Retrying automatically in a while",
  'sync.refused': ({ status }) => `The server didn't accept the request (error ${status})`,
  'sync.protocol': "The server's answer was not valid. Retrying in a while",
  'sync.internal': 'Something went wrong while syncing',
  'sync.rejectedDefault': 'This change was not accepted',
  'sync.noResult': "The server's answer had no result for this change",
};
