import { defineWords } from '../../i18n/language';

/** The roster import's words in Japanese, the source of truth for its English (words.en.ts). */
export const rosterJa = {
  roster: {
    title: '名簿の取り込み',
    lead: '人事給与システムから出力した職員名簿（CSV）を取り込みます。確認の結果を見てから反映するまで、名簿は変わりません。',
    notAllowed: 'この画面は人事担当者のみ利用できます。',
    template: 'ひな形をダウンロード（CSV）',
    templateHint: '列の見出しはひな形のとおりにしてください。列の順番は自由です。',
    file: 'CSVファイル',
    encoding: '文字コード',
    encodingAuto: '自動判定',
    encodingSjis: 'Shift_JIS（Excel・Windows）',
    encodingUtf8: 'UTF-8',
    phase: {
      decode: '文字コードを確認中',
      parse: '行を読み込み中',
      check: '値を確認中',
      send: 'サーバーへ送信中',
      compare: '名簿と照合中',
      apply: '反映中',
    },
    read: (rows: number, encoding: string) => `${rows.toLocaleString('ja-JP')}行を読み込みました（${encoding}）`,
    summaryTitle: '確認の結果',
    summary: (s: { new: number; transfer: number; retire: number; change: number; unchanged: number }) =>
      `新規 ${s.new}・異動 ${s.transfer}・退職 ${s.retire}・変更 ${s.change}・変更なし ${s.unchanged}`,
    future: (n: number) => `うち${n}件は発令日が先の日付のため、その日まで反映されません（端末にも届きません）。`,
    rejected: (n: number) => `誤りのある行 ${n}行は反映されません。`,
    noProblems: '誤りはありません。',
    problemsTitle: (n: number) => `行ごとの指摘（${n}件）`,
    more: (n: number) => `ほか${n}件`,
    line: '行',
    header: '見出し',
    column: '列',
    value: '読み取った値',
    why: '理由',
    warning: '注意',
    error: '誤り',
    confirmPadded: '先頭の0が消えた職員番号を、名簿の番号として扱う',
    validOnly: '誤りのある行を除き、正しい行だけを反映する',
    check: '確認する',
    recheck: 'もう一度確認する',
    apply: '反映する',
    applying: (done: number, total: number) =>
      `反映中… ${done.toLocaleString('ja-JP')} / ${total.toLocaleString('ja-JP')}行`,
    applied: '反映しました。各端末には次の同期で届きます。',
    pendingHr: (n: number) => `人事の権限付与 ${n}件は、別の人事担当者の承認を待っています。`,
    needsConnection: '送信できませんでした。ネットワークに接続してからもう一度お試しください。',
    readFailed: 'ファイルを読み込めませんでした。',
  },
};

export type RosterWords = typeof rosterJa;

/** Loaded with the feature's screens; English when chosen. */
export const rosterWords = defineWords(rosterJa, () => import('./words.en').then((m) => m.rosterEn));
