/**
 * Thirty queries as people type them into the directory, for the search benchmark: surnames and
 * full names in kanji, kana and romaji (with the usual spelling variants), partial names a few
 * keystrokes in, variant kanji, departments and sections, extensions, skills, hobbies,
 * qualifications, and terms combined with a space. Heavy ones (one kanji, two letters) are in on
 * purpose: they are the keystrokes a person makes first.
 */
export const BENCH_QUERIES: readonly string[] = [
  '佐藤',
  'さとう',
  'sato',
  'タナカ',
  'ｽｽﾞｷ',
  'takahashi',
  '髙橋',
  '渡邉',
  'saitoh',
  'oono',
  'inoue',
  'yamazaki',
  '山本 健一',
  'わたなべ ひろし',
  'shinichi',
  '中',
  'たか',
  'ka',
  'いの',
  '福祉部',
  'こどもみらい',
  'デジタル推進',
  '戸籍',
  '2345',
  '２１０５０',
  'Excel',
  '手話',
  'ランニング',
  'ITパスポート',
  'さとう 福祉',
];
