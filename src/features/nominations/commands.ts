import { requestSync } from '../../sync/trigger';
import { enqueueMutation } from '../../db/outbox';
import type { AppDb } from '../../db/schema';
import { newId, newMutation, type ValidationResult } from '../../domain/mutations';
import type { NominationStatus } from '../../domain/nominations';
import { problem } from '../../domain/problems';
import { queueMutation } from '../../db/queue-mutation';

export interface NominationDraft {
  awardId: string;
  nominees: string[];
  teamName: string;
  reason: string;
  yellIds: string[];
}

/**
 * Sends a nomination: validated with the shared schema (the same Japanese message as the server),
 * queued in the outbox, and its draft deleted in the same transaction, so the words are always in
 * exactly one place on the device. The id is made here, so the list shows it at once, offline too.
 */
export async function sendNomination(
  db: AppDb,
  draftId: string,
  draft: NominationDraft,
): Promise<ValidationResult<string>> {
  const nominationId = newId();
  const parsed = newMutation('nomination.create', { nominationId, ...draft });
  if (!parsed.ok) return parsed;
  // The server's rules that need only the draft, said before queueing rather than after a round trip.
  if (parsed.value.nominees.length > 1 && parsed.value.teamName === '')
    return { ok: false, problem: problem('nomination.teamNameRequired') };
  await db.transaction('rw', db.outbox, db.nominationDrafts, async () => {
    await enqueueMutation(db, parsed.value);
    await db.nominationDrafts.delete(draftId);
  });
  requestSync();
  return { ok: true, value: nominationId };
}

/** Each resolves to the queued mutation, or the shared schema's problem. */
export function endorseNomination(db: AppDb, nominationId: string) {
  return queueMutation(db, 'nomination.endorse', { nominationId });
}

/** `from` is the status the reviewer sees: the server refuses the change if it moved meanwhile. */
export function reviewNomination(
  db: AppDb,
  nominationId: string,
  from: NominationStatus,
  to: NominationStatus,
  comment: string,
) {
  return queueMutation(db, 'nomination.review', { nominationId, from, to, comment });
}

export function answerConsent(db: AppDb, nominationId: string, show: boolean) {
  return queueMutation(db, 'award.consent', { nominationId, show });
}
