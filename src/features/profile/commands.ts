import { enqueueMutation } from '../../db/outbox';
import type { AppDb } from '../../db/schema';
import { parseMutation, type ValidationResult } from '../../domain/mutations';

function newMutationId(): string {
  return crypto.randomUUID();
}

/**
 * Queues an edit of one's own self-introduction. It shows at once (as 未送信) and is sent when the
 * device is online; the server applies it once however often it is sent.
 */
export async function updateIntro(db: AppDb, intro: string): Promise<ValidationResult<null>> {
  const parsed = parseMutation({
    kind: 'profile.update',
    id: newMutationId(),
    createdAt: new Date().toISOString(),
    patch: { intro },
  });
  if (!parsed.ok) return parsed;
  await enqueueMutation(db, parsed.value);
  return { ok: true, value: null };
}
