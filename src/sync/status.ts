import { TransportError } from './ports';

export type SyncPhase = 'idle' | 'pushing' | 'pulling' | 'offline' | 'error';

/** What the app shows about syncing. Plain data, replaced (never mutated) on every change. */
export interface SyncStatus {
  phase: SyncPhase;
  /**
   * Outbox entries not yet accepted by the server, as of the last push; null before the first one. Counted from
   * one batch, so it reads at most MAX_MUTATIONS_PER_PUSH: screens that need the exact number count the outbox
   * in the device store.
   */
  pending: number | null;
  /** Client time of the last directory sync that reached the server, for 「最終更新」. */
  lastSyncedAt: number | null;
  /** A Japanese message fit to show as is. */
  error: string | null;
  /** Lets the app react without parsing the message, e.g. ask for sign-in on 'unauthenticated'. */
  errorCode: SyncErrorCode | null;
}

export type SyncErrorCode =
  'offline' | 'unauthenticated' | 'forbidden' | 'unavailable' | 'refused' | 'protocol' | 'internal';

export interface SyncProblem {
  code: SyncErrorCode;
  message: string;
  /** Waiting may fix it (network, server load); otherwise retrying the same request is pointless. */
  retryable: boolean;
}

export const INITIAL_STATUS: SyncStatus = {
  phase: 'idle',
  pending: null,
  lastSyncedAt: null,
  error: null,
  errorCode: null,
};

export const MESSAGES = {
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
    if (error.status === 0) return { code: 'offline', message: MESSAGES.offline, retryable: true };
    if (error.status === 401) return { code: 'unauthenticated', message: MESSAGES.unauthenticated, retryable: false };
    if (error.status === 403) return { code: 'forbidden', message: MESSAGES.forbidden, retryable: false };
    if (error.retryable) return { code: 'unavailable', message: MESSAGES.unavailable, retryable: true };
    return { code: 'refused', message: MESSAGES.refused(error.status), retryable: false };
  }
  if (error instanceof ProtocolError) return { code: 'protocol', message: MESSAGES.protocol, retryable: true };
  // Anything else is a bug or a failing device store; retrying is cheap and the app logs the cause.
  return { code: 'internal', message: MESSAGES.internal, retryable: true };
}
