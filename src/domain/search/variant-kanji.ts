/**
 * Variant kanji (異体字) folded to one form before matching, so 髙橋 finds 高橋 and 高橋 finds 髙橋.
 *
 * Scope: the variants that actually occur in Japanese personal names and in the rosters of local
 * governments — old forms (舊字体) kept in family registers, the 人名用 and JIS X 0213 variants
 * (﨑, 𠮷, 髙, 邉 …), and pairs people mix up when typing a surname (斉/斎). It is not a general
 * 異体字 dictionary: a pair belongs here only when a person searching for one form would want the
 * other. Forms that NFKC already folds (祐 U+FA4F, 塚 U+FA10 …) need no entry; one is listed to
 * show the fold is covered. Ideographic variation selectors (IVS, e.g. 葛 + U+E0100) are stripped separately.
 *
 * Each pair is [variant, common form]. A variant must not also be the common form of another pair.
 */
export const VARIANT_KANJI: readonly (readonly [variant: string, common: string])[] = [
  // The ones named in the product brief.
  ['髙', '高'],
  ['﨑', '崎'],
  ['嵜', '崎'],
  ['碕', '崎'],
  ['齋', '斎'],
  ['齊', '斎'],
  ['斉', '斎'],
  ['邊', '辺'],
  ['邉', '辺'],
  ['𠮷', '吉'],
  ['濵', '浜'],
  ['濱', '浜'],
  ['德', '徳'],
  // U+FA4F, written as an escape: editors and NFC would silently turn it into 祐 U+7950.
  ['\uFA4F', '祐'],
  ['澤', '沢'],
  ['櫻', '桜'],
  ['國', '国'],
  ['廣', '広'],
  ['眞', '真'],
  ['惠', '恵'],
  // Other old and variant forms common in surnames.
  ['嶋', '島'],
  ['嶌', '島'],
  ['冨', '富'],
  ['藪', '薮'],
  ['籔', '薮'],
  ['栁', '柳'],
  ['槇', '槙'],
  ['槗', '橋'],
  ['龍', '竜'],
  ['瀧', '滝'],
  ['邨', '村'],
  ['峯', '峰'],
  ['舘', '館'],
  ['桒', '桑'],
  ['渕', '淵'],
  ['檜', '桧'],
  ['實', '実'],
  ['榮', '栄'],
  ['壽', '寿'],
  ['藏', '蔵'],
  ['條', '条'],
  ['淺', '浅'],
  ['瀨', '瀬'],
  ['關', '関'],
  ['彌', '弥'],
  ['萬', '万'],
  ['戶', '戸'],
  ['黑', '黒'],
  ['淸', '清'],
  ['靑', '青'],
  ['增', '増'],
  ['圓', '円'],
  ['傳', '伝'],
  ['莊', '荘'],
  ['曾', '曽'],
  ['兒', '児'],
  ['穗', '穂'],
  ['驒', '騨'],
  ['鷗', '鴎'],
  // Old forms common in given names.
  ['禮', '礼'],
  ['遙', '遥'],
  ['曉', '暁'],
  ['凜', '凛'],
  ['寬', '寛'],
  ['晉', '晋'],
  ['廸', '迪'],
  ['恆', '恒'],
  ['靜', '静'],
  ['龜', '亀'],
  ['學', '学'],
  ['會', '会'],
  ['縣', '県'],
];
