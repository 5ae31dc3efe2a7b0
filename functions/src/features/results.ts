import type { Problem } from '../../../src/domain/problems';
import type { PushResult } from '../../../src/domain/protocol';
import type { MutationOutcome } from '../kit/versioned';

/** A store outcome as the push result of mutation `id`. */
export function resultOf(id: string, outcome: MutationOutcome): PushResult {
  return outcome.status === 'rejected' ? rejectedResult(id, outcome.problem) : { id, status: outcome.status };
}

/** A rejected push result: the problem's code, and its params when it has any. */
export function rejectedResult(id: string, refusal: Problem): PushResult {
  const params = refusal.params;
  return Object.keys(params).length > 0
    ? { id, status: 'rejected', code: refusal.code, params }
    : { id, status: 'rejected', code: refusal.code };
}
