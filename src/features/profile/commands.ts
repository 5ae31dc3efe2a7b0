import { enqueueMutation } from '../../db/outbox';
import type { AppDb } from '../../db/schema';
import { parseMutation, type Mutation, type MutationInput, type ValidationResult } from '../../domain/mutations';

function newMutationId(): string {
  return crypto.randomUUID();
}

export type ProfilePatch = Extract<MutationInput, { kind: 'profile.update' }>['patch'];

/**
 * Everything one save of the edit screen queues: a photo change (undefined: none) and a patch
 * (null: nothing changed). Both are checked before either is queued, so a refused field never
 * leaves half an edit in the outbox.
 */
export async function saveProfileEdits(
  db: AppDb,
  patch: ProfilePatch | null,
  photo: { thumb: string; large: string } | null | undefined,
): Promise<ValidationResult<null>> {
  const createdAt = new Date().toISOString();
  const mutations: Mutation[] = [];
  if (photo !== undefined) {
    const parsed = parseMutation({ kind: 'profile.photo', id: newMutationId(), createdAt, photo });
    if (!parsed.ok) return parsed;
    mutations.push(parsed.value);
  }
  if (patch !== null) {
    const parsed = parseMutation({ kind: 'profile.update', id: newMutationId(), createdAt, patch });
    if (!parsed.ok) return parsed;
    mutations.push(parsed.value);
  }
  await db.transaction('rw', db.outbox, async () => {
    for (const m of mutations) await enqueueMutation(db, m);
  });
  return { ok: true, value: null };
}
