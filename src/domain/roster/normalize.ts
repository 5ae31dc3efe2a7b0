/**
 * Cell normalisation for the roster. Names are kept exactly as written: NFKC would turn
 * compatibility kanji into others (﨑 stays 﨑, 髙 stays 髙). Only what has one meaning in every
 * width is folded: IDs, extensions and digits (Ａ１ → A1), and kana (ﾀｶﾊｼ → たかはし).
 */

/** Full-width ASCII (！ to ～) and the ideographic space to their ASCII forms; nothing else. */
export function asciiWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** 職員番号: width folded, spaces dropped. */
export function normaliseId(cell: string): string {
  return asciiWidth(cell).replace(/\s+/g, '');
}

/** 内線: width folded, the dashes Japanese keyboards and Excel produce made '-'. */
export function normaliseExtension(cell: string): string {
  return asciiWidth(cell)
    .replace(/[\u2010-\u2015\u2212\u30fc\uff70]/g, '-')
    .replace(/\s+/g, '');
}

/** Full-width kana, ー and spaces: what a reading may hold, and what NFKC leaves as it is. */
const WIDE_KANA = /^[\u3041-\u3096\u309d\u309e\u30a1-\u30fa\u30fc\u30fd\u30fe ]*$/u;

/**
 * A reading as the directory keeps it: hiragana. Half-width katakana is made full width (NFKC is
 * right here: it composes ｶﾞ into ガ and touches nothing but kana in a kana-only cell), then
 * katakana to hiragana. ー and spaces are kept. null when the cell holds anything but kana.
 */
export function normaliseKana(cell: string): string | null {
  // Most readings are full-width already: NFKC (the costly part) would change nothing.
  const trimmed = cell.trim();
  const wide = WIDE_KANA.test(trimmed)
    ? trimmed
    : cell
        .normalize('NFKC')
        .replace(/\u3000/g, ' ')
        .trim();
  if (!WIDE_KANA.test(wide)) return null;
  return wide.replace(/[\u30a1-\u30f6\u30fd\u30fe]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

/** Characters of the private use area (外字 from a personnel system): U+E000–U+F8FF and the planes 15–16. */
export function hasPrivateUse(s: string): boolean {
  return /[\ue000-\uf8ff\u{f0000}-\u{ffffd}\u{100000}-\u{10fffd}]/u.test(s);
}

/** 氏名 split at its first space, full or half width; null when there is none. */
export function splitFullName(cell: string): { family: string; given: string } | null {
  const m = /^\s*(\S+)[ \u3000]+(\S.*?)\s*$/u.exec(cell);
  return m ? { family: m[1] ?? '', given: m[2] ?? '' } : null;
}

/** The eras a 発令日 may be written in, with their first day (a date before it is not in the era). */
const ERAS = [
  { names: ['令和', 'R', 'r', '㋿'], start: '2019-05-01', offset: 2018 },
  { names: ['平成', 'H', 'h', '㍻'], start: '1989-01-08', offset: 1988 },
  { names: ['昭和', 'S', 's', '㍼'], start: '1926-12-25', offset: 1925 },
] as const;

export type DateRead = { ok: true; date: string } | { ok: false; why: 'invalid' | 'ambiguous' };

/**
 * A 発令日 as ISO `YYYY-MM-DD`: 2026/4/1, 2026-04-01, 2026.4.1, 2026年4月1日, 20260401, and 和暦
 * (令和8年4月1日, 令和元年5月1日, R8.4.1, H31/4/30) when the era makes the year certain. A date
 * without a year (4/1), a two-digit year (26/4/1) or an Excel serial number (46113) is ambiguous:
 * said, not guessed.
 */
export function readDate(cell: string): DateRead {
  const s = asciiWidth(cell).trim().replace(/\s+/g, '');
  if (s === '') return { ok: false, why: 'invalid' };
  let m = /^(\d{4})[/\-.年](\d{1,2})[/\-.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]));
  for (const era of ERAS) {
    for (const name of era.names) {
      if (!s.startsWith(name)) continue;
      m = /^(元|\d{1,2})[/\-.年](\d{1,2})[/\-.月](\d{1,2})日?$/.exec(s.slice(name.length));
      if (!m) return { ok: false, why: 'invalid' };
      const year = (m[1] === '元' ? 1 : Number(m[1])) + era.offset;
      const read = checked(year, Number(m[2]), Number(m[3]));
      if (read.ok && read.date < era.start) return { ok: false, why: 'invalid' };
      return read;
    }
  }
  if (/^\d{1,2}[/\-.月]\d{1,2}日?$/.test(s) || /^\d{2}[/\-.]\d{1,2}[/\-.]\d{1,2}$/.test(s) || /^\d{5}$/.test(s)) {
    return { ok: false, why: 'ambiguous' };
  }
  return { ok: false, why: 'invalid' };
}

function checked(y: number, mo: number, d: number): DateRead {
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || y < 1900) {
    return { ok: false, why: 'invalid' };
  }
  return { ok: true, date: date.toISOString().slice(0, 10) };
}

/** Today's date in Japan (the day a 発令日 is compared with), from an instant. */
export function jstDate(now: Date): string {
  return new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}
