import type { Audience } from '../../domain/staff';
import { defineWords } from '../../i18n/language';

/** The profile feature's words in Japanese, the source of truth for its English (words.en.ts). */
export const profileJa = {
  profile: {
    notInDirectory: 'この職員は名簿にいません。異動・退職した可能性があります。',
    backToDirectory: '名簿に戻る',
    back: '← 名簿',
    photoOf: (name: string) => `${name}の写真`,
    privatePhone: (phone: string) => `私用電話 ${phone}`,
    privatePhoneAudience: (audience: string) => `私用電話の公開範囲: ${audience}`,
    photoUntilConsent: '。写真は同意するまで自分にだけ表示されます',
    audienceNote: (audience: string) => `公開範囲: ${audience}`,
    audience: {
      everyone: '全員',
      department: '所属部の職員',
      managers: '管理職と人事',
      self: '自分のみ',
    } satisfies Record<Audience, string>,
    intro: '自己紹介',
    notWritten: 'まだ書かれていません',
    edit: 'プロフィールを編集',
    skills: 'スキル',
    hobbies: '趣味・特技',
    qualifications: '資格',
    history: '異動歴',
    /** One posting: 区民課（2018年4月〜2022年3月）; `to` is null for the current one. */
    posting: (unit: string, from: string, to: string | null) =>
      `${unit}（${yearMonth(from)}〜${to ? yearMonth(to) : '現在'}）`,
    restricted: '接続すると、公開範囲が限られた項目も表示されます。',
  },
  profileEdit: {
    title: 'プロフィールを編集',
    settingsNotLoaded: '公開範囲などの設定をまだ読み込めていません。変えた項目だけが保存されます。',
    photo: '写真',
    currentPhoto: '現在の写真',
    noPhoto: '写真はありません',
    removePhoto: '写真を削除',
    consent: '写真の表示に同意する',
    consentHelp: '同意するまで、写真は自分以外には表示されません。',
    charsOver: (n: number) => `${n}文字オーバーしています`,
    markupShownAsText: '「<」「>」などの記号は、そのまま文字として表示されます。',
    savedOffline: '電波がなくても保存できます。接続が戻ると自動で送信します。',
    tagsHelp: (chars: number, count: number) =>
      `「、」で区切って入力します（1つ${chars}文字、${count}個まで）。スキルは全員に表示されます。`,
    privatePhone: '私用電話',
    audienceOf: (field: string) => `${field}の公開範囲`,
    save: '保存',
    cancel: 'キャンセル',
    choosePhoto: '写真を選ぶ',
    changePhoto: '写真を変更',
    photoHelp: '写真は端末の中で小さくしてから送ります。撮影場所などの情報（EXIF）は消えます。',
    processing: '処理中…',
    cropView: '写真の表示範囲。ドラッグで動かせます',
    zoom: '拡大',
    horizontal: '左右',
    vertical: '上下',
    useCrop: 'この範囲を使う',
    cancelCrop: 'やめる',
  },
  contact: {
    label: '連絡先',
    extension: (ext: string) => `内線 ${ext}`,
    mail: 'メール',
    chat: 'チャット',
    copyExtension: '内線をコピー',
    copyEmail: 'アドレスをコピー',
    copiedExtension: '内線番号をコピーしました',
    copiedEmail: 'メールアドレスをコピーしました',
    copyFailed: 'コピーできませんでした',
  },
};

export type ProfileWords = typeof profileJa;

/** Loaded with the feature's screens; English when chosen. */
export const profileWords = defineWords(profileJa, () => import('./words.en').then((m) => m.profileEn));

/** 2018-04-01 → 2018年4月 */
function yearMonth(isoDate: string): string {
  return `${isoDate.slice(0, 4)}年${Number(isoDate.slice(5, 7))}月`;
}
