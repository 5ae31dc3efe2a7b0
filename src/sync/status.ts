import { TransportError } from './ports';
import type { SyncErrorCode } from './sync-status';

export * from './sync-status';

export interface SyncProblem {
  code: SyncErrorCode;
  message: string;
  /** Waiting may fix it (network, server load); otherwise retrying the same request is pointless. */
  retryable: boolean;
}

/** The sync engine's words for what went wrong, in Japanese (shown as they are, see SyncStatus.error). */
export const SYNC_MESSAGES = {
  offline: 'オフラインです。接続が戻ったら送信します',
  unauthenticated: 'ログインの有効期限が切れました。もう一度ログインしてください',
  forbidden: 'この操作を行う権限がありません',
  unavailable: 'サーバーに接続できませんでした。しばらくしてから自動で再試行します',
  refused: (status: number) => `サーバーが要求を受け付けませんでした（エラー ${status}）`,
  protocol: 'サーバーの応答が正しくありません。しばらくしてから再試行します',
  internal: '同期中にエラーが発生しました',
  rejectedDefault: 'この変更は受け付けられませんでした',
  noResult: 'サーバーの応答にこの変更の結果がありませんでした',
} as const;

/** Raised by the engine itself when the server's answers break the protocol (it would otherwise loop). */
export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

export function toProblem(error: unknown): SyncProblem {
  if (error instanceof TransportError) {
    if (error.status === 0) return { code: 'offline', message: SYNC_MESSAGES.offline, retryable: true };
    if (error.status === 401)
      return { code: 'unauthenticated', message: SYNC_MESSAGES.unauthenticated, retryable: false };
    if (error.status === 403) return { code: 'forbidden', message: SYNC_MESSAGES.forbidden, retryable: false };
    if (error.retryable) return { code: 'unavailable', message: SYNC_MESSAGES.unavailable, retryable: true };
    return { code: 'refused', message: SYNC_MESSAGES.refused(error.status), retryable: false };
  }
  if (error instanceof ProtocolError) return { code: 'protocol', message: SYNC_MESSAGES.protocol, retryable: true };
  // Anything else is a bug or a failing device store; retrying is cheap and the app logs the cause.
  return { code: 'internal', message: SYNC_MESSAGES.internal, retryable: true };
}
