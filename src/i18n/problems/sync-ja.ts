import type { SyncWords } from './words';

/**
 * The sync errors' words in Japanese: loaded by the badge as it mounts (a chunk of their own, see
 * sync.ts) and with every screen's problem words (use-problem.ts, ja.ts).
 */
export const SYNC_JA: SyncWords = {
  'sync.offline': 'オフラインです。接続が戻ったら送信します',
  'sync.unauthenticated': 'ログインの有効期限が切れました。もう一度ログインしてください',
  'sync.forbidden': 'この操作を行う権限がありません',
  'sync.unavailable': 'サーバーに接続できませんでした。しばらくしてから自動で再試行します',
  'sync.refused': ({ status }) => `サーバーが要求を受け付けませんでした（エラー ${status}）`,
  'sync.protocol': 'サーバーの応答が正しくありません。しばらくしてから再試行します',
  'sync.internal': '同期中にエラーが発生しました',
  'sync.rejectedDefault': 'この変更は受け付けられませんでした',
  'sync.noResult': 'サーバーの応答にこの変更の結果がありませんでした',
};
