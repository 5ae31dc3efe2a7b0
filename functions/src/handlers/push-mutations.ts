import * as v from 'valibot';
import { MAX_MUTATIONS_PER_PUSH, parseMutation, type Mutation } from '../../../src/domain/mutations';
import { PushRequestSchema, type Claims, type PushResponse, type PushResult } from '../../../src/domain/protocol';
import { problem } from '../../../src/domain/problems';
import { badRequest } from '../api/errors';
import { rejectedResult } from '../features/results';
import { SERVER_FEATURES } from '../features';
import type { ServerStores } from '../features/stores';

/**
 * Applies a batch from a device's outbox. Each mutation is validated and applied on its own, in
 * the order sent (two edits of one field in one push must land in that order), and gets its own
 * result: a bad one is rejected without holding up the rest. Each kind goes to the feature that
 * declares it (features/index.ts checks at compile time that every kind has one).
 *
 * A mutation acts on the caller only: the actor is the token's staffId, and no mutation kind has
 * a field that names a target person (unknown fields are dropped by the schema).
 *
 * A store failure (not a rejection) fails the whole request instead of rejecting the mutation:
 * a rejected mutation is dropped by the client for good, while a failed request is retried, and
 * the mutations already applied then come back as duplicates.
 */
export async function pushMutations(store: ServerStores, claims: Claims, body: unknown): Promise<PushResponse> {
  const request = v.safeParse(PushRequestSchema, body);
  if (!request.success) {
    const tooMany = isRecord(body) && Array.isArray(body.mutations) && body.mutations.length > MAX_MUTATIONS_PER_PUSH;
    throw badRequest(
      tooMany ? problem('api.tooManyMutations', { max: MAX_MUTATIONS_PER_PUSH }) : problem('api.badRequest'),
    );
  }
  const results: PushResult[] = [];
  for (const raw of request.output.mutations) {
    const parsed = parseMutation(raw);
    results.push(parsed.ok ? await applyOne(store, claims, parsed.value) : rejectedResult(idOf(raw), parsed.problem));
  }
  return { results };
}

function applyOne(store: ServerStores, claims: Claims, mutation: Mutation): Promise<PushResult> {
  for (const feature of SERVER_FEATURES) {
    const applied = feature.dispatch(store, claims, mutation);
    if (applied) return applied;
  }
  // Unreachable while the compile-time check in features/index.ts holds.
  throw new Error(`no feature applies ${mutation.kind}`);
}

/** The id of a mutation that failed validation, so the client can match the result to its outbox entry. */
function idOf(raw: unknown): string {
  return isRecord(raw) && typeof raw.id === 'string' ? raw.id.slice(0, 64) : '';
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}
