import { enqueueMutation } from '../../db/outbox';
import type { AppDb } from '../../db/schema';
import { newMutation, type Mutation, type MutationPayload, type ValidationResult } from '../../domain/mutations';

export type ProfilePatch = MutationPayload<'profile.update'>['patch'];

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
  const now = new Date();
  const mutations: Mutation[] = [];
  if (photo !== undefined) {
    const parsed = newMutation('profile.photo', { photo }, now);
    if (!parsed.ok) return parsed;
    mutations.push(parsed.value);
  }
  if (patch !== null) {
    const parsed = newMutation('profile.update', { patch }, now);
    if (!parsed.ok) return parsed;
    mutations.push(parsed.value);
  }
  await db.transaction('rw', db.outbox, async () => {
    for (const m of mutations) await enqueueMutation(db, m);
  });
  return { ok: true, value: null };
}
