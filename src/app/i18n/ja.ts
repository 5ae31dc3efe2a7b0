import type { Audience } from '../../domain/staff';

/** Counts read as in Japanese: 3,000人. */
const people = (n: number) => `${n.toLocaleString('ja-JP')}人`;

/**
 * The UI's words in Japanese: the source of truth. `en.ts` must have exactly these keys (its
 * type is derived from this object). Data (names, units, tags, job levels) is never translated.
 */
export const ja = {
  common: {
    loading: '読み込み中…',
    notReceived: '名簿をまだ受信していません。電波のある場所で開くと自動で受信します。',
    notFound: '見つかりません',
    noneFound: '見つかりませんでした。',
    people,
    unsent: '未送信',
    unsentCount: (n: number) => `未送信 ${n}件`,
    all: 'すべて',
    skill: 'スキル',
    dxSkills: 'DXスキル',
    level: 'レベル',
    levelAtLeast: (n: number) => `LV${n}以上`,
    staffOf: (unit: string) => `${unit}の職員`,
  },
  language: {
    label: '言語 (Language)',
  },
  app: {
    title: '職員名鑑',
    menu: 'メニュー',
    org: '組織',
    peers: '仲間',
    me: '自分',
    signOut: 'サインアウト',
    cannotSignIn: 'サインインできません',
  },
  signIn: {
    tagline: '顔と名前と内線が、すぐにわかる。',
    form: 'サインイン',
    email: 'メールアドレス',
    password: 'パスワード',
    submit: 'サインイン',
    busy: 'サインイン中…',
    failed: 'サインインできませんでした',
  },
  directory: {
    heading: '職員名簿',
    search: '職員を検索',
    placeholder: '名前・よみ・所属・内線・スキルで検索',
    view: '表示',
    faces: '顔',
    list: '一覧',
    searching: '検索中…',
    total: people,
    found: (n: number) => `${n.toLocaleString('ja-JP')}人が見つかりました`,
    noResults: '見つかりませんでした。よみやローマ字、所属名でもお試しください。',
    staffList: '職員一覧',
  },
  filters: {
    summary: '絞り込み',
    active: (n: number) => `${n}件`,
    unit: '所属',
    jobLevel: '職層',
    otherSkills: 'その他のスキル',
    hobby: '趣味・特技',
    qualification: '資格',
    clear: '条件をクリア',
  },
  sync: {
    offline: 'オフライン',
    offlineUnsent: (n: number) => `オフライン・未送信 ${n}件`,
    syncing: '同期中…',
    upToDate: '最新',
    rejected: (n: number) => `送信できなかった変更 ${n}件`,
  },
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
  peers: {
    title: '仲間',
    communities: 'コミュニティ一覧',
    suggestTitle: '同じスキル・趣味の人',
    suggestLead: 'あなたと同じスキルや趣味を持つ、ほかの部の職員です。',
    suggestNoTags: 'スキルや趣味を登録すると、ここに表示されます。',
    shared: (tags: readonly string[]) => `共通：${tags.join('・')}`,
    helpTitle: 'スキルで探す',
    choose: '選択してください',
    otherSkills: 'そのほかのスキル',
    more: 'もっと見る',
  },
  org: {
    title: '組織',
    notReceived: '組織図をまだ受信していません。電波のある場所で開くと自動で受信します。',
    summary: (departments: number, staff: number) => `${departments}部・${people(staff)}`,
    unplaced: '所属未設定',
    unplacedStaff: '所属未設定の職員',
    empty: '職員はいません',
  },
  communities: {
    title: 'コミュニティ',
    lead: '部署をこえて、同じ関心を持つ職員が集まる場です。だれでもつくれて、参加できます。',
    mine: '参加中',
    noneJoined: 'まだ参加していません。',
    others: 'ほかのコミュニティ',
    none: 'ありません。',
    new: '新しいコミュニティ',
    name: '名前',
    description: '説明',
    chars: (n: number, max: number) => `${n}/${max}文字`,
    create: '作成',
    missing: 'このコミュニティはまだこの端末に届いていないか、ありません。',
    list: 'コミュニティ一覧',
    back: '← コミュニティ',
    joined: '参加しています',
    join: '参加する',
    leave: '抜ける',
    members: (n: number) => `メンバー ${people(n)}`,
    noMembers: 'まだいません。',
  },
};

/** The words of the UI, keyed as in Japanese; a function where a count or a name goes in. */
export type Messages = typeof ja;

/** 2018-04-01 → 2018年4月 */
function yearMonth(isoDate: string): string {
  return `${isoDate.slice(0, 4)}年${Number(isoDate.slice(5, 7))}月`;
}
