/**
 * Every CSV the app exports (survey results, the audit log, the roster template) is written here,
 * once, so each opens the same way in Excel:
 * - UTF-8 with a BOM (Excel takes a BOM-less file for the local code page) or Shift_JIS as Windows
 *   has it (CP932: NEC and IBM extensions included, ① 髙 﨑), the user's choice. A character CP932
 *   cannot hold (𠮷, emoji, most characters outside JIS X 0208 and the extensions) is replaced by
 *   〓 and counted, so the screen can say how many and which.
 * - CRLF after every row; every text cell quoted, a quote inside doubled; numbers bare.
 * - A text cell that starts with = + - @, a tab or a CR is written with a leading apostrophe inside
 *   its quotes ('=SUM(A1) ), so Excel takes it as text and runs no formula (the OWASP advice for CSV
 *   injection). A number cell is never altered: −0.25 stays a number.
 * The Shift_JIS tables (encoding-japanese) are loaded on first use of that choice, so no chunk pays
 * for them before someone exports in Shift_JIS.
 */

import type * as EncodingTypes from 'encoding-japanese';

/** A cell: text (quoted), a number (bare; NaN and infinities empty), or empty. */
export type CsvCell = string | number | null | undefined;
export type CsvRow = readonly CsvCell[];

export const CSV_ENCODINGS = ['utf8', 'sjis'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

/** What stands in for a character Shift_JIS cannot hold: ゲタ, the mark Japanese print uses for a missing glyph. */
export const REPLACEMENT = '〓';

const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(Object.is(value, -0) ? 0 : value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${text.replace(/"/g, '""')}"`;
}

/** The CSV as text: rows of cells, CRLF after each. */
export function csvText(rows: Iterable<CsvRow>): string {
  let out = '';
  for (const row of rows) out += row.map(cell).join(',') + '\r\n';
  return out;
}

export interface CsvFile {
  bytes: Uint8Array;
  /** For the Blob and the download. */
  mimeType: string;
  /** Characters that Shift_JIS cannot hold, replaced by 〓: how many times, and which (each once, in order of first appearance). */
  replaced: { count: number; chars: string[] };
}

const BOM = [0xef, 0xbb, 0xbf];

type EncodingJapanese = typeof EncodingTypes;
let encodingJapanese: Promise<EncodingJapanese> | undefined;

function loadEncodingJapanese(): Promise<EncodingJapanese> {
  // A CommonJS module: the bundler gives it as the default export, Node's loader as either.
  return (encodingJapanese ??= import('encoding-japanese').then(
    (m) => (m as EncodingJapanese & { default?: EncodingJapanese }).default ?? m,
  ));
}

/** The file's bytes in the chosen encoding. */
export async function encodeCsv(rows: Iterable<CsvRow>, encoding: CsvEncoding): Promise<CsvFile> {
  const text = csvText(rows);
  if (encoding === 'utf8') {
    const body = new TextEncoder().encode(text);
    const bytes = new Uint8Array(BOM.length + body.length);
    bytes.set(BOM);
    bytes.set(body, BOM.length);
    return { bytes, mimeType: 'text/csv;charset=utf-8', replaced: { count: 0, chars: [] } };
  }
  const Encoding = await loadEncodingJapanese();
  const holds = new Map<string, boolean>();
  const held = (ch: string): boolean => {
    let ok = holds.get(ch);
    if (ok === undefined) {
      try {
        Encoding.convert(Encoding.stringToCode(ch), { to: 'SJIS', from: 'UNICODE', fallback: 'error' });
        // A lone surrogate is no character: encoding-japanese would write it as something.
        ok = !/^[\uD800-\uDFFF]$/.test(ch);
      } catch {
        ok = false;
      }
      holds.set(ch, ok);
    }
    return ok;
  };
  let count = 0;
  const chars: string[] = [];
  // Outside ASCII, one code point at a time (the u flag keeps 𠮷's two halves together).
  const safe = text.replace(/[^\0-\x7F]/gu, (ch) => {
    if (held(ch)) return ch;
    count++;
    if (!chars.includes(ch)) chars.push(ch);
    return REPLACEMENT;
  });
  const codes = Encoding.convert(Encoding.stringToCode(safe), { to: 'SJIS', from: 'UNICODE' });
  return { bytes: Uint8Array.from(codes), mimeType: 'text/csv;charset=shift_jis', replaced: { count, chars } };
}
