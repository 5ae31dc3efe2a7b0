import { requestSync } from '../sync/trigger';
import { enqueueMutation } from './outbox';
import type { AppDb } from './schema';
import {
  newMutation,
  type MutationKind,
  type MutationOf,
  type MutationPayload,
  type ValidationResult,
} from '../domain/mutations';

/**
 * The one way a command queues a mutation: `kind` and its payload (typed from the registry in
 * src/domain/mutations.ts), made with a fresh id and the client clock, validated with the shared
 * schema (the server's messages), written to the outbox, and a sync asked for. A command that must
 * write more in the same transaction, or check more first, uses newMutation and enqueueMutation.
 */
export async function queueMutation<K extends MutationKind>(
  db: AppDb,
  kind: K,
  payload: MutationPayload<K>,
): Promise<ValidationResult<MutationOf<K>>> {
  const made = newMutation(kind, payload);
  if (!made.ok) return made;
  await enqueueMutation(db, made.value);
  requestSync();
  return made;
}
