import * as v from 'valibot';
import { problem, type Problem } from '../../../src/domain/problems';

/**
 * The versioned write, the part both forms (kit/memory.ts, kit/firestore.ts) share: a feature's
 * changes take consecutive versions per organisation by create-if-absent of a version document
 * (the gate), in the same atomic write as the change, its mutation record and the head. A writer
 * takes head + 1 after reading the head, so any write committed after its read collides with it
 * and re-reads: no update is lost, and "changes above version V, in version order" pages exactly.
 */

/** Returned by an attempt that lost the race for the next version; it is re-run with fresh reads. */
export const CONFLICT: unique symbol = Symbol('version conflict');
export type Conflict = typeof CONFLICT;

/**
 * How often, and how patiently, a write that lost the race is re-run. A feature declares one and
 * both its twin and its adapter use it (kit.test.ts and the stand-in suite fail if they differ).
 */
export interface RetryPolicy {
  readonly name: string;
  readonly attempts: number;
  /** The most to wait after the n-th loss (0-based); the wait is uniformly random below it. */
  readonly maxBackoffMs: (n: number) => number;
}

/**
 * Enough tries for a burst of concurrent writers on one organisation (each round has a winner, so
 * N writers need at most N rounds); past that the caller gets an error and the client retries.
 */
export const STANDARD_RETRY: RetryPolicy = {
  name: 'standard',
  attempts: 40,
  maxBackoffMs: (n) => Math.min(2 ** n, 50),
};

/**
 * For sequences a burst is expected on: 200 people sending エール to one colleague at the same
 * moment (the integration test does it). Full jitter over a window that doubles per loss (10 ms,
 * 20 ms, ... up to 2 s): with N writers the window soon covers N commit times.
 */
export const BURST_RETRY: RetryPolicy = {
  name: 'burst',
  attempts: 400,
  maxBackoffMs: (n) => Math.min(10 * 2 ** n, 2000),
};

/** Raised when the version could not be won after the policy's attempts; the client retries later. */
export class VersionContentionError extends Error {
  override name = 'VersionContentionError';
}

export async function retryVersioned<T>(policy: RetryPolicy, attempt: () => Promise<T | Conflict>): Promise<T> {
  for (let n = 0; n < policy.attempts; n++) {
    const result = await attempt();
    if (result !== CONFLICT) return result;
    // Jitter spreads the losers out so the next round does not collide all over again.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * policy.maxBackoffMs(n)));
  }
  throw new VersionContentionError(`could not allocate a version in ${policy.attempts} attempts (${policy.name})`);
}

export type MutationOutcome =
  { status: 'applied'; version: number } | { status: 'duplicate' } | { status: 'rejected'; problem: Problem };

/**
 * What is kept of an applied mutation: enough to answer a replay. A linked record names its actor
 * and version; an unlinked one (see UnlinkedParticipation) says only that the id was applied.
 * `version` 0 means the intent changed nothing (its id is recorded all the same, so a replay of
 * it after a later change cannot apply it again).
 */
export const MutationRecordSchema = v.union([
  v.object({ actor: v.string(), version: v.number(), appliedAt: v.string() }),
  v.object({ unlinked: v.literal(true) }),
]);
export type MutationRecord = v.InferOutput<typeof MutationRecordSchema>;

/** Outcome of a mutation whose id already has a record. */
export function replayOutcome(record: MutationRecord, actorStaffId: string): MutationOutcome {
  // Another person's id is not a replay of this one; applying it would be wrong, and calling it a
  // duplicate would make this client believe an edit landed that never did. An unlinked record
  // does not say whose it was (that is its point): a replay of it is a duplicate.
  if ('unlinked' in record) return { status: 'duplicate' };
  return record.actor === actorStaffId
    ? { status: 'duplicate' }
    : { status: 'rejected', problem: problem('mutation.idTaken') };
}

export function linkedRecord(actor: string, version: number, appliedAt: string): MutationRecord {
  return { actor, version, appliedAt };
}

export const UNLINKED_RECORD: MutationRecord = { unlinked: true };

/** A feed head document: the highest version of the feature's sequence. */
export const HeadSchema = v.object({ headVersion: v.optional(v.number(), 0) });

/** Version document ids sort in version order as strings. */
export function versionDocId(version: number): string {
  return String(version).padStart(12, '0');
}

/**
 * What an attempt decided, after its reads: refuse (nothing written, nothing recorded, the id may
 * be used again), record the id without a change (version 0), or write at the next version.
 */
export type Decision<Stage> = { rejected: Problem } | { unchanged: true } | { write: Stage };

export const rejectWith = (refusal: Problem) => ({ rejected: refusal }) as const;
export const UNCHANGED = { unchanged: true } as const;

/**
 * An unlinked write records that the mutation was applied (a bare record, no actor, no version, no
 * time) and that `staffId` took part in `scope` (a participation record holding only those two),
 * created if absent in the same atomic write as the content, which names neither. Nothing stored
 * or versioned by the kit links the participation to the content. A second participation of the
 * same person in the same scope is refused with `refusal`.
 */
export interface UnlinkedParticipation {
  scope: string;
  staffId: string;
  refusal: Problem;
}

export function participationDocId(scope: string, staffId: string): string {
  return `${scope}_${staffId}`;
}
