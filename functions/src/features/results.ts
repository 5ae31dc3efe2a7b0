import type { PushResult } from '../../../src/domain/protocol';
import type { MutationOutcome } from '../kit/versioned';

/** A store outcome as the push result of mutation `id`. */
export function resultOf(id: string, outcome: MutationOutcome): PushResult {
  return outcome.status === 'rejected'
    ? { id, status: 'rejected', message: outcome.message }
    : { id, status: outcome.status };
}
