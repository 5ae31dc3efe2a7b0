import type { Lang } from '../language';
import type { SyncWords } from './words';

/**
 * The sync status badge's words, in both languages: the first screen shows them, so they are in
 * the entry chunk (a few hundred bytes); every other problem's words load with the screens
 * (ja.ts, en.ts, through use-problem.ts).
 */
export const SYNC_WORDS: Readonly<Record<Lang, SyncWords>> = {
  ja: {
    'sync.offline': 'オフラインです。接続が戻ったら送信します',
    'sync.unauthenticated': 'ログインの有効期限が切れました。もう一度ログインしてください',
    'sync.forbidden': 'この操作を行う権限がありません',
    'sync.unavailable': 'サーバーに接続できませんでした。しばらくしてから自動で再試行します',
    'sync.refused': ({ status }) => `サーバーが要求を受け付けませんでした（エラー ${status}）`,
    'sync.protocol': 'サーバーの応答が正しくありません。しばらくしてから再試行します',
    'sync.internal': '同期中にエラーが発生しました',
    'sync.rejectedDefault': 'この変更は受け付けられませんでした',
    'sync.noResult': 'サーバーの応答にこの変更の結果がありませんでした',
  },
  en: {
    'sync.offline': "You're offline. Changes will be sent when the connection is back",
    'sync.unauthenticated': 'Your sign-in has expired. Please sign in again',
    'sync.forbidden': "You don't have permission to do this",
    'sync.unavailable': "Couldn't reach the server. Retrying automatically in a while",
    'sync.refused': ({ status }) => `The server didn't accept the request (error ${status})`,
    'sync.protocol': "The server's answer was not valid. Retrying in a while",
    'sync.internal': 'Something went wrong while syncing',
    'sync.rejectedDefault': 'This change was not accepted',
    'sync.noResult': "The server's answer had no result for this change",
  },
};
