import { defineWords } from '../../i18n/language';
import { num } from '../../i18n/ja';

/** The nominations feature's words in Japanese, the source of truth for its English (words.en.ts). */
export const nominationJa = {
  nominations: {
    /** 2026年11月22日 */
    date: (y: number, m: number, d: number) => `${y}年${m}月${d}日`,
    /** Between names in a line of people. */
    namesJoin: '、',
    /** Between a yell's people and its date. */
    metaSep: '・',
    /** Between who acted and what they did in a history line. */
    actedSep: '：',
    aside: (text: string) => `（${text}）`,
    title: '表彰',
    lead: '同僚やチームの取り組みを表彰に推薦できます。推薦された本人には、表彰が決まるまで知らされません。',
    link: '表彰・推薦',
    nominate: '推薦する',
    nominatePerson: 'この人を表彰に推薦',
    newTitle: '表彰に推薦',
    lists: '推薦の一覧',
    mine: '自分の推薦',
    toEndorse: '賛同できる推薦',
    toReview: '審査する推薦',
    awardedToMe: 'あなたへの表彰',
    noneMine: 'まだ推薦していません。',
    noneToEndorse: '賛同できる推薦はありません。',
    noneToReview: '審査できる推薦はありません。',
    award: '賞',
    nominees: '推薦する職員',
    searchNominee: '名前・所属で検索',
    add: (name: string) => `${name}を追加`,
    remove: (name: string) => `${name}を外す`,
    teamName: 'チーム名',
    teamNameHint: '2人以上を推薦するときは必須です',
    reason: '推薦理由',
    chars: (n: number, max: number) => `${num(n)} / ${num(max)}文字`,
    linkedYells: '添えるエール',
    linkedYellsShown: '添えられたエール',
    linkedYellsHint: (max: number) => `推薦する職員が受け取ったエールから${max}件まで選べます`,
    noYells: 'この端末には、この職員が受け取ったエールがありません。',
    draftNote: '下書きはこの端末に保存され、送信すると消えます。',
    discardDraft: '下書きを破棄',
    submit: '推薦を送る',
    offlineNote: 'オフラインです。推薦は接続が戻ったときに送信されます。',
    status: (s: 'submitted' | 'under_review' | 'awarded' | 'not_awarded') =>
      ({ submitted: '推薦受付', under_review: '審査中', awarded: '表彰決定', not_awarded: '見送り' })[s],
    endorsers: (n: number) => `賛同 ${n}人`,
    endorse: '賛同する',
    endorsed: '賛同済み',
    nominatedBy: (name: string) => `推薦者：${name}`,
    team: (name: string) => `チーム「${name}」`,
    unknownPerson: '（名簿にない職員）',
    detail: '推薦の詳細',
    review: '審査',
    reviewTo: '変更後の状況',
    comment: 'コメント（委員のみ閲覧）',
    submitReview: '審査状況を変更',
    history: '審査の記録',
    audit: '監査ログ',
    auditLoad: '監査ログを読み込む',
    auditOffline: '監査ログはオンラインのときに読み込めます。',
    auditAction: (a: 'create' | 'endorse' | 'review' | 'consent') =>
      ({ create: '推薦', endorse: '賛同', review: '審査', consent: '掲載の回答' })[a],
    consentTitle: '表彰が決まりました',
    consentQuestion: (award: string) => `「${award}」をプロフィールに掲載しますか？`,
    consentShow: '掲載する',
    consentHide: '掲載しない',
    consentShown: 'プロフィールに掲載しています。',
    consentHidden: 'プロフィールには掲載していません。',
    profileAwards: '表彰',
    awardLine: (year: number, label: string) => `${year}年 ${label}`,
    pending: '送信待ち',
    notFound: '推薦が見つかりません。',
    back: '表彰へ戻る',
  },
};

export type NominationWords = typeof nominationJa;

/** Loaded with the feature's screens; English when chosen. */
export const nominationWords = defineWords(nominationJa, () => import('./words.en').then((m) => m.nominationEn));
