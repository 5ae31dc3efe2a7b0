import { requestSync } from '../../app/sync-trigger';
import { enqueueMutation } from '../../db/outbox';
import type { AppDb } from '../../db/schema';
import { parseMutation, type ValidationResult } from '../../domain/mutations';

function newId(): string {
  return crypto.randomUUID();
}

async function queue(db: AppDb, input: Record<string, unknown>): Promise<ValidationResult<null>> {
  const parsed = parseMutation({ id: newId(), createdAt: new Date().toISOString(), ...input });
  if (!parsed.ok) return parsed;
  await enqueueMutation(db, parsed.value);
  requestSync();
  return { ok: true, value: null };
}

/**
 * Starts a community. Its id is made here (a UUID: letters, digits and hyphens, as the schema asks),
 * so the app can open it at once, offline too; the server creates it once however often it is sent.
 */
export async function createCommunity(
  db: AppDb,
  input: { name: string; description: string },
): Promise<ValidationResult<string>> {
  const communityId = newId();
  const queued = await queue(db, { kind: 'community.create', communityId, ...input });
  return queued.ok ? { ok: true, value: communityId } : queued;
}

export function joinCommunity(db: AppDb, communityId: string): Promise<ValidationResult<null>> {
  return queue(db, { kind: 'community.join', communityId });
}

export function leaveCommunity(db: AppDb, communityId: string): Promise<ValidationResult<null>> {
  return queue(db, { kind: 'community.leave', communityId });
}
