/**
 * The roster file's columns (issue 21, A1), by their Japanese headers as HR and the personnel
 * system write them. The order is the template's; a file may have them in any order. A header
 * that is none of these is reported (`roster.unknownColumn`), never guessed.
 */
export const ROSTER_COLUMNS = [
  { key: 'staffId', header: '職員番号', required: true },
  { key: 'familyName', header: '姓', required: false },
  { key: 'givenName', header: '名', required: false },
  { key: 'fullName', header: '氏名', required: false },
  { key: 'familyKana', header: 'フリガナ姓', required: false },
  { key: 'givenKana', header: 'フリガナ名', required: false },
  { key: 'altFamilyName', header: '旧姓・通称', required: false },
  { key: 'altFamilyKana', header: '旧姓・通称フリガナ', required: false },
  { key: 'unitId', header: '所属コード', required: true },
  { key: 'concurrentUnitIds', header: '兼務所属コード', required: false },
  { key: 'title', header: '職名', required: false },
  { key: 'jobLevel', header: '職層', required: true },
  { key: 'employment', header: '雇用形態', required: false },
  { key: 'extension', header: '内線', required: false },
  { key: 'email', header: 'メール', required: false },
  { key: 'roles', header: '役割', required: false },
  { key: 'effective', header: '発令日', required: false },
  { key: 'kind', header: '区分', required: false },
] as const;

export type RosterColumn = (typeof ROSTER_COLUMNS)[number];
export type RosterKey = RosterColumn['key'];

/** Other spellings of a header that personnel systems write (the same column, not a guess). */
export const HEADER_ALIASES: Readonly<Record<string, RosterKey>> = {
  'フリガナ（姓）': 'familyKana',
  'フリガナ（名）': 'givenKana',
  ﾌﾘｶﾞﾅ姓: 'familyKana',
  ﾌﾘｶﾞﾅ名: 'givenKana',
  メールアドレス: 'email',
  'E-mail': 'email',
  内線番号: 'extension',
};

/** 区分: what a row does. An empty 区分 is 変更 for a person in the roster and 採用 for a new one. */
export const ROSTER_KINDS = ['採用', '異動', '退職', '休職', '復職', '変更'] as const;
export type RosterKind = (typeof ROSTER_KINDS)[number];

/** 役割: one main role and any duties, as the custom claims carry them. */
export const ROLE_WORDS = { 職員: 'staff', 管理職: 'manager', 人事: 'hr' } as const;
export const DUTY_WORDS = { 表彰委員: 'committee', DX推進委員: 'dx' } as const;

const CELL_SEPARATOR = /[、,，・\s]+/u;
/** A cell holding several values (兼務所属コード, 役割): separated by 、 , ・ or spaces. */
export function splitList(cell: string): string[] {
  return cell
    .split(CELL_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The template HR downloads: the headers and one example row, as CSV text (the caller encodes it). */
export function rosterTemplate(): string {
  const header = ROSTER_COLUMNS.filter((c) => c.key !== 'fullName').map((c) => c.header);
  const example = [
    '000123',
    '髙橋',
    '花子',
    'タカハシ',
    'ハナコ',
    '',
    '',
    'b01k01s01',
    '',
    '主事',
    '主事',
    '正規',
    '1234',
    'takahashi.hanako@example.lg.jp',
    '職員',
    '2026/4/1',
    '採用',
  ];
  return `${header.join(',')}\r\n${example.join(',')}\r\n`;
}
