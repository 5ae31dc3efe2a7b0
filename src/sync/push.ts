import { MAX_MUTATIONS_PER_PUSH, PUSH_SOFT_BYTES } from '../domain/mutations';
import type { PushResponse, PushResult as PushAnswer } from '../domain/protocol';
import { nextDelay } from './backoff';
import type { Clock, Outbox, OutboxEntry, Transport } from './ports';
import { refusalOf, type Refusal } from '../domain/problems';
import { ProtocolError, toProblem, type SyncProblem } from './status';

export interface PushResult {
  /** Mutations handed to the transport, counting a resend once per send. */
  sent: number;
  acknowledged: number;
  rejected: number;
  /** Outbox entries left afterwards, counted from one batch (so at most MAX_MUTATIONS_PER_PUSH). */
  remaining: number;
  /**
   * When the oldest entry left may be sent; null when the outbox is empty, or when a non-retryable error
   * (signed out, forbidden) means only a new trigger, not waiting, can help.
   */
  nextAttemptAt: number | null;
  problem: SyncProblem | null;
}

export interface PushDeps {
  transport: Transport;
  outbox: Outbox;
  clock: Clock;
  /** A draw in [0, 1) for backoff jitter. */
  random: () => number;
}

/**
 * Sends the outbox in batches until it is empty, nothing is due, or a send fails. The caller holds the
 * cross-tab outbox lock, so no other tab sends these entries meanwhile.
 *
 * Only the due prefix of the outbox is sent: an entry waiting out its backoff holds back the newer ones behind
 * it, because a newer edit of the same field must reach the server after the older one, or the older would win.
 * `ignoreBackoff` sends regardless, for when the network has just come back and waiting helps no one.
 */
export async function pushPending(deps: PushDeps, options: { ignoreBackoff?: boolean } = {}): Promise<PushResult> {
  const { transport, outbox, clock, random } = deps;
  const result: PushResult = {
    sent: 0,
    acknowledged: 0,
    rejected: 0,
    remaining: 0,
    nextAttemptAt: null,
    problem: null,
  };
  let blocked = false;
  // Every round removes all it sent from the outbox or stops; an id seen twice means the outbox did not remove
  // it, and sending on would loop forever.
  const sentIds = new Set<string>();

  for (;;) {
    const entries = await outbox.peek(MAX_MUTATIONS_PER_PUSH);
    const batch = withinBytes(duePrefix(entries, clock.now(), options.ignoreBackoff ?? false));
    if (batch.length === 0) break;
    const ids = batch.map((e) => e.mutation.id);
    const again = ids.find((id) => sentIds.has(id));
    if (again !== undefined) throw new ProtocolError(`outbox still holds ${again} after it was answered`);
    ids.forEach((id) => sentIds.add(id));

    let response: PushResponse;
    try {
      response = await transport.push(batch.map((e) => e.mutation));
    } catch (error) {
      result.problem = toProblem(error);
      if (result.problem.retryable) {
        await outbox.recordFailure(ids, result.problem.problem.code, retryAt(batch, clock, random));
      } else {
        // Not recorded as an attempt: a 401 says nothing about these entries, and they must not be pushed
        // towards ever longer waits while the user signs in again.
        blocked = true;
      }
      break;
    }
    result.sent += batch.length;

    const answers = new Map(response.results.map((r) => [r.id, r]));
    const acknowledged: string[] = [];
    const rejected: (Refusal & { id: string })[] = [];
    const unanswered: OutboxEntry[] = [];
    for (const entry of batch) {
      const answer = answers.get(entry.mutation.id);
      if (answer === undefined) unanswered.push(entry);
      // 'duplicate' means an earlier send was applied and its answer lost: done, exactly as 'applied'.
      else if (answer.status === 'rejected') {
        rejected.push({ id: answer.id, ...rejectionOf(answer) });
      } else acknowledged.push(answer.id);
    }
    if (acknowledged.length > 0) await outbox.acknowledge(acknowledged);
    if (rejected.length > 0) await outbox.reject(rejected);
    result.acknowledged += acknowledged.length;
    result.rejected += rejected.length;
    if (unanswered.length > 0) {
      result.problem = toProblem(new ProtocolError('push answer lacks results'));
      await outbox.recordFailure(
        unanswered.map((e) => e.mutation.id),
        'sync.noResult',
        retryAt(unanswered, clock, random),
      );
      break;
    }
  }

  const left = await outbox.peek(MAX_MUTATIONS_PER_PUSH);
  result.remaining = left.length;
  result.nextAttemptAt = blocked ? null : (left[0]?.notBefore ?? null);
  return result;
}

function duePrefix(entries: readonly OutboxEntry[], now: number, ignoreBackoff: boolean): OutboxEntry[] {
  if (ignoreBackoff) return [...entries];
  const firstWaiting = entries.findIndex((e) => e.notBefore > now);
  return firstWaiting === -1 ? [...entries] : entries.slice(0, firstWaiting);
}

/** The longest prefix within PUSH_SOFT_BYTES of JSON, and never less than one entry. */
function withinBytes(entries: OutboxEntry[]): OutboxEntry[] {
  let bytes = 0;
  for (let i = 0; i < entries.length; i++) {
    // Characters, not UTF-8 bytes: base64 photos are ASCII, and text is far below the limit.
    bytes += JSON.stringify(entries[i]?.mutation).length;
    if (i > 0 && bytes > PUSH_SOFT_BYTES) return entries.slice(0, i);
  }
  return entries;
}

/** One time for the whole batch, from its most-failed entry: the batch was sent together and is retried together. */
function retryAt(batch: readonly OutboxEntry[], clock: Clock, random: () => number): number {
  const attempts = Math.max(0, ...batch.map((e) => e.attempts));
  return clock.now() + nextDelay(attempts + 1, random());
}

/**
 * What is kept of a rejection: the server's code and params; an older server's words when it sent
 * no code; "not accepted" when it sent neither.
 */
function rejectionOf(answer: PushAnswer): Refusal {
  if (answer.code === undefined && answer.message === undefined) return { code: 'sync.rejectedDefault' };
  return refusalOf(answer);
}
