import type { AppDb } from '../../db/schema';
import { newId, type ValidationResult } from '../../domain/mutations';
import { queueMutation } from '../../db/queue-mutation';

/**
 * Starts a community. Its id is made here (a UUID: letters, digits and hyphens, as the schema asks),
 * so the app can open it at once, offline too; the server creates it once however often it is sent.
 */
export async function createCommunity(
  db: AppDb,
  input: { name: string; description: string },
): Promise<ValidationResult<string>> {
  const communityId = newId();
  const queued = await queueMutation(db, 'community.create', { communityId, ...input });
  return queued.ok ? { ok: true, value: communityId } : queued;
}

/** Resolves to the queued mutation, or the shared schema's message. */
export function joinCommunity(db: AppDb, communityId: string) {
  return queueMutation(db, 'community.join', { communityId });
}

export function leaveCommunity(db: AppDb, communityId: string) {
  return queueMutation(db, 'community.leave', { communityId });
}
