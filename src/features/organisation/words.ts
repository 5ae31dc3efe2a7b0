import { defineWords } from '../../i18n/language';

/** The organisation upkeep's words in Japanese, the source of truth for its English (words.en.ts). */
export const organisationJa = {
  organisation: {
    title: '組織の改正',
    lead: '部・課・係の新設、名称変更、移動、統合、廃止を施行日ごとにまとめて登録します。確認の結果を見て反映するまで、組織は変わりません。',
    notAllowed: 'この画面は人事担当者のみ利用できます。',
    tree: '現在の組織',
    loading: '組織を読み込み中…',
    kind: { bu: '部', ka: '課', kakari: '係' } as Record<string, string>,
    op: { add: '新設', rename: '名称変更', move: '移動', merge: '統合', abolish: '廃止' } as Record<string, string>,
    effective: '施行日',
    stageTitle: '変更を追加',
    opLabel: '操作',
    unit: '所属コード',
    kindLabel: '種別',
    name: '名称',
    kana: 'よみ',
    parent: '上位所属コード',
    into: '統合先所属コード',
    add: '追加',
    remove: (n: number) => `${n}行目を取り消す`,
    staged: (n: number) => `登録する変更（${n}件）`,
    none: 'まだ変更はありません。',
    csvTitle: 'CSVで登録',
    csvFile: '変更のCSVファイル',
    csvColumns:
      '列：操作（新設・名称変更・移動・統合・廃止）、所属コード、種別（部・課・係、新設のとき）、名称、よみ、上位所属コード（新設・移動、部は空欄）、統合先所属コード（統合）。',
    template: 'ひな形',
    csvBad: (line: number, column: string, value: string) =>
      `${line}行目の「${column}」が読めません（${value || '空欄'}）`,
    check: '確認する',
    apply: '反映する',
    checking: '確認中…',
    summaryTitle: '確認の結果',
    summary: (s: Record<string, number>) =>
      `新設 ${s.add}・名称変更 ${s.rename}・移動 ${s.move}・統合 ${s.merge}・廃止 ${s.abolish}`,
    future: (date: string) =>
      `施行日（${date}）が先の日付のため、反映するとその日の0時まで予約されます（端末には届きません）。`,
    line: (n: number) => `${n}件目`,
    noProblems: '問題はありません。',
    hasProblems: '問題を直してから、もう一度確認してください。',
    applied: '反映しました。各端末には次の同期で届きます。',
    scheduled: (date: string) => `${date}に反映するよう予約しました。`,
    needsConnection: '送信できませんでした。ネットワークに接続してからもう一度お試しください。',
  },
};

export type OrganisationWords = typeof organisationJa;

/** Loaded with the feature's screens; English when chosen. */
export const organisationWords = defineWords(organisationJa, () => import('./words.en').then((m) => m.organisationEn));
