/**
 * One formatter for every count: toLocaleString builds a new one on each call, and the directory's
 * count is formatted on every keystroke's answer.
 */
let numbers: Intl.NumberFormat | undefined;
export const num = (n: number) => (numbers ??= new Intl.NumberFormat('ja-JP')).format(n);

/** Counts read as in Japanese: 3,000人. */
export const people = (n: number) => `${num(n)}人`;

/**
 * The shell's words in Japanese, the source of truth: the header, the directory's first screen, its
 * filters and the sync badge, all in the entry chunk. `en.ts` must have exactly
 * these keys (its type is derived from this object). Every other feature's words are in its own
 * words.ts, loaded with its screens. Data (names, units, titles, tags, the organisation's values) is
 * never translated.
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
    staffOf: (unit: string) => `${unit}の職員`,
    charsLeft: (n: number) => `あと${n}文字`,
  },
  language: {
    label: '言語 (Language)',
  },
  app: {
    title: '職員名鑑',
    menu: 'メニュー',
    org: '組織',
    peers: '仲間',
    yells: 'エール',
    trainings: '研修',
    me: '自分',
    signOut: 'サインアウト',
    /** HR's home (A5). */
    admin: '管理',
    /** Managers' own entry. */
    manage: '管理職',
    cannotSignIn: 'サインインできません',
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
    found: (n: number) => `${num(n)}人が見つかりました`,
    /** A first directory still arriving (issue 22): search works on who has come, and says so. */
    arriving: (received: number, total: number) => `読み込み中 ${num(received)} / ${num(total)}人`,
    foundSoFar: (n: number, received: number, total: number) =>
      `${num(n)}人が見つかりました（読み込み中 ${num(received)} / ${num(total)}人）`,
    arrivingLabel: '名簿の受信',
    /** The first sync under way on a new device: loading, not "not received". */
    receiving: '名簿を受信しています…',
    noResults: '見つかりませんでした。よみやローマ字、所属名でもお試しください。',
    staffList: '職員一覧',
    /** Why a person is in the results when their card does not show it (旧姓 田中 for たなか). */
    matchedBy: {
      altName: '旧姓・通称',
      skill: 'スキル',
      hobby: '趣味・特技',
      qualification: '資格',
      extension: '内線',
    },
    reason: (label: string, text: string) => `${label}：${text}`,
  },
  filters: {
    summary: '絞り込み',
    active: (n: number) => `${n}件`,
  },
  sync: {
    offline: 'オフライン',
    offlineUnsent: (n: number) => `オフライン・未送信 ${n}件`,
    syncing: '同期中…',
    upToDate: '最新',
    rejected: (n: number) => `送信できなかった変更 ${n}件`,
    /**
     * A sync error, for the moment before its own words are there (src/i18n/problems/sync.ts loads
     * them, a chunk of their own, as the badge mounts).
     */
    error: '同期できませんでした',
  },
};

/** The words of the UI, keyed as in Japanese; a function where a count or a name goes in. */
export type Messages = typeof ja;
