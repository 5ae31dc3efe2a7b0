/** Tag vocabularies and the pieces self-introductions are assembled from. */

/** Skills people might list and mention in a self-introduction. */
export const SKILLS: readonly string[] = [
  '法務',
  '会計',
  '契約事務',
  '広報',
  '窓口対応',
  'ファシリテーション',
  'Excel',
  'Python',
  'GIS',
  'デザイン',
  '手話',
  '英語',
  '中国語',
  '韓国語',
  'プレゼンテーション',
  '文書作成',
  'データ分析',
  '統計分析',
  '企画立案',
  '動画編集',
  'Webサイト運営',
  'SNS運用',
  'RPA',
  'ノーコード開発',
  '写真撮影',
  'イラスト',
  '交渉',
  '研修講師',
  'イベント運営',
  'プロジェクト管理',
];

/**
 * Professional fields (保健師, 建築 …): listed as skills, but a sentence like 「保健師が得意です」
 * reads wrong, so introductions do not mention them.
 */
export const PROFESSIONS: readonly string[] = [
  '保健師',
  '建築',
  '土木',
  '電気',
  '機械',
  '造園',
  '看護',
  '保育',
  '介護',
];

export const HOBBIES: readonly string[] = [
  'ランニング',
  '写真',
  '将棋',
  '料理',
  '釣り',
  '登山',
  '書道',
  '茶道',
  'ギター',
  '吹奏楽',
  'サッカー',
  '読書',
  '囲碁',
  '落語',
  'ヨガ',
  'キャンプ',
  '映画鑑賞',
  '野球',
  'テニス',
  '水泳',
  '家庭菜園',
  '御朱印集め',
  '鉄道',
  '旅行',
  'ピアノ',
  '合唱',
  'ダンス',
  '手芸',
  '俳句',
  '華道',
  '剣道',
  '空手',
  'ボルダリング',
  'サイクリング',
  '陶芸',
  'お菓子作り',
  'コーヒー',
  '銭湯巡り',
  '城巡り',
  '街歩き',
  '手品',
  '和太鼓',
  '三味線',
  'けん玉',
];

export const QUALIFICATIONS: readonly string[] = [
  'ITパスポート',
  '基本情報技術者',
  '情報セキュリティマネジメント',
  '日商簿記2級',
  '日商簿記3級',
  '宅地建物取引士',
  'TOEIC 730点',
  '防災士',
  '普通救命講習',
  '秘書検定2級',
  'ファイナンシャル・プランニング技能士2級',
  '社会福祉士',
  '一級建築士',
  '保育士',
  '衛生管理者',
  'メンタルヘルス・マネジメント検定',
];

/** Qualifications of skilled and operational staff (清掃, 土木, 用務 …). */
export const TECH_QUALIFICATIONS: readonly string[] = [
  '大型自動車免許',
  '中型自動車免許',
  'フォークリフト運転技能',
  '危険物取扱者',
  '玉掛け技能',
  '刈払機取扱作業者',
  '調理師',
];

/** Skills skilled and operational staff list. */
export const TECH_SKILLS: readonly string[] = [
  '車両運転',
  '重機操作',
  '設備保守',
  '植栽管理',
  '調理',
  '安全管理',
  '窓口対応',
];

/** `{unit}` is the person's unit, `{years}` their years of service. */
export const INTRO_OPENERS: readonly string[] = [
  '{unit}で働いています。',
  '入庁{years}年目です。',
  '{unit}に異動してきました。',
  '区役所勤務も{years}年目になりました。',
  'この春から{unit}の担当です。',
  '{unit}の仕事をしています。',
];

export const INTRO_HOBBY: readonly string[] = [
  '休日は{hobby}を楽しんでいます。',
  '趣味は{hobby}です。',
  '最近{hobby}にはまっています。',
  '{hobby}仲間を探しています。',
  '{hobby}の話ならいつでもどうぞ。',
];

export const INTRO_SKILL: readonly string[] = [
  '{skill}のことなら相談してください。',
  '{skill}が少し得意です。',
  '{skill}を勉強中です。',
  '{skill}でお役に立てればうれしいです。',
];

export const INTRO_CLOSERS: readonly string[] = [
  'よろしくお願いします。',
  '気軽に声をかけてください。',
  'どうぞよろしくお願いいたします。',
  '他の部署の方ともつながりたいです。',
  'お昼はよく庁舎の食堂にいます。',
];
