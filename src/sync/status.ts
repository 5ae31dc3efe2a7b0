import { problem, type Problem, type SyncCode } from '../domain/problems';
import { TransportError } from './ports';
import type { SyncErrorCode } from './sync-status';

export * from './sync-status';

export interface SyncProblem {
  code: SyncErrorCode;
  /** What the badge says, as a code (its words are in src/i18n/problems/sync.ts). */
  problem: Problem<SyncCode>;
  /** Waiting may fix it (network, server load); otherwise retrying the same request is pointless. */
  retryable: boolean;
}

/** Raised by the engine itself when the server's answers break the protocol (it would otherwise loop). */
export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

export function toProblem(error: unknown): SyncProblem {
  if (error instanceof TransportError) {
    if (error.status === 0) return { code: 'offline', problem: problem('sync.offline'), retryable: true };
    if (error.status === 401)
      return { code: 'unauthenticated', problem: problem('sync.unauthenticated'), retryable: false };
    if (error.status === 403) return { code: 'forbidden', problem: problem('sync.forbidden'), retryable: false };
    if (error.retryable) return { code: 'unavailable', problem: problem('sync.unavailable'), retryable: true };
    return { code: 'refused', problem: problem('sync.refused', { status: error.status }), retryable: false };
  }
  if (error instanceof ProtocolError) return { code: 'protocol', problem: problem('sync.protocol'), retryable: true };
  // Anything else is a bug or a failing device store; retrying is cheap and the app logs the cause.
  return { code: 'internal', problem: problem('sync.internal'), retryable: true };
}
