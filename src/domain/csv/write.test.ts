import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvText, encodeCsv, REPLACEMENT, type CsvRow } from './write';

/**
 * Read back with tools other than the writer's: the WHATWG decoders (TextDecoder: UTF-8, and
 * Shift_JIS as browsers and Windows read it) and papaparse, with no type guessing.
 */
function decode(bytes: Uint8Array, encoding: 'utf8' | 'sjis'): string {
  return new TextDecoder(encoding === 'utf8' ? 'utf-8' : 'shift_jis', { fatal: true, ignoreBOM: true }).decode(bytes);
}

function parse(text: string): string[][] {
  const result = Papa.parse<string[]>(text, { delimiter: ',', newline: '\r\n', dynamicTyping: false });
  expect(result.errors).toEqual([]);
  // papaparse reads the closing CRLF as one more, empty row.
  expect(result.data.at(-1)).toEqual(['']);
  return result.data.slice(0, -1);
}

const ROWS: CsvRow[] = [
  ['設問', '回答数', '平均', '標準偏差', 'メモ'],
  ['仕事を楽しんでいると感じる。', 1736, 2.608, 0.79, null],
  ['=HYPERLINK("http://x","押して")', 12, -0.25, 0, '+81 3 1234'],
  ['-なし', 0, 3, 1e-7, '@人事課'],
  ['\tタブ始まり', 5, 2.5, Number.NaN, '\r復帰始まり'],
  ['カンマ, と "引用符" と\n改行', 7, -0, Number.POSITIVE_INFINITY, ''],
  ['髙橋 ① 﨑 ～ ㈱ ｱｲｳ', 3, 1, 2, 'a=b は途中なのでそのまま'],
];

/** What a reader should get back: text exactly (formula-looking text with the apostrophe), numbers as written. */
const BACK = [
  ['設問', '回答数', '平均', '標準偏差', 'メモ'],
  ['仕事を楽しんでいると感じる。', '1736', '2.608', '0.79', ''],
  [`'=HYPERLINK("http://x","押して")`, '12', '-0.25', '0', `'+81 3 1234`],
  [`'-なし`, '0', '3', '1e-7', `'@人事課`],
  [`'\tタブ始まり`, '5', '2.5', '', `'\r復帰始まり`],
  ['カンマ, と "引用符" と\n改行', '7', '0', '', ''],
  ['髙橋 ① 﨑 ～ ㈱ ｱｲｳ', '3', '1', '2', 'a=b は途中なのでそのまま'],
];

describe('csvText', () => {
  it('quotes every text cell, leaves numbers and empties bare, and ends each row with CRLF', () => {
    expect(csvText([['a', 1, null, -2.5, 'b"c', undefined, '']])).toBe('"a",1,,-2.5,"b""c",,""\r\n');
  });

  it.each([
    ['=1+2', `"'=1+2"`],
    ['+1', `"'+1"`],
    ['-1', `"'-1"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
    ['a=1', '"a=1"'],
    [' =1', '" =1"'],
    ["'already", `"'already"`],
  ])('text %j is written %s', (text, written) => {
    expect(csvText([[text]])).toBe(`${written}\r\n`);
  });

  it.each([
    [-1, '-1'],
    [-0.25, '-0.25'],
    [3, '3'],
    [-0, '0'],
    [Number.NaN, ''],
    [Number.NEGATIVE_INFINITY, ''],
  ])('number %s is written bare as %j', (n, written) => {
    expect(csvText([[n]])).toBe(`${written}\r\n`);
  });
});

describe.each(['utf8', 'sjis'] as const)('encodeCsv in %s', (encoding) => {
  it('parses back to the same cells, with CRLF rows and bare numbers', async () => {
    const file = await encodeCsv(ROWS, encoding);
    const text = decode(file.bytes, encoding);
    expect(parse(text.replace(/^\uFEFF/, ''))).toEqual(BACK);
    // Rows end CRLF; the only bare LF is the one inside the quoted cell.
    expect(text.split('\r\n')).toHaveLength(ROWS.length + 1);
    expect(text.replace(/\r\n/g, '').match(/\n/g)).toHaveLength(1);
    // Numbers are not quoted, so Excel reads them as numbers.
    expect(text).toContain('"仕事を楽しんでいると感じる。",1736,2.608,0.79,\r\n');
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""押して"")",12,-0.25,0,"'+81 3 1234"\r\n`);
    expect(file.replaced).toEqual({ count: 0, chars: [] });
  });
});

describe('the encodings', () => {
  it('UTF-8 starts with the BOM and holds any character', async () => {
    const file = await encodeCsv([['𠮷野家 😀']], 'utf8');
    expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.mimeType).toBe('text/csv;charset=utf-8');
    expect(parse(decode(file.bytes, 'utf8').slice(1))).toEqual([['𠮷野家 😀']]);
  });

  it('Shift_JIS has no BOM, writes CP932 bytes, and replaces and counts what it cannot hold', async () => {
    const file = await encodeCsv(
      [
        ['𠮷田', '𠮷野 😀', 3],
        ['髙橋', '①'],
      ],
      'sjis',
    );
    expect(file.mimeType).toBe('text/csv;charset=shift_jis');
    // 髙 is 0xEEE0 (NEC-selected IBM extension), ① is 0x8740 (NEC special).
    const bytes = [...file.bytes];
    expect(bytes[0]).toBe(0x22); // the first quote: no BOM
    expect(file.replaced).toEqual({ count: 3, chars: ['𠮷', '😀'] });
    expect(parse(decode(file.bytes, 'sjis'))).toEqual([
      [`${REPLACEMENT}田`, `${REPLACEMENT}野 ${REPLACEMENT}`, '3'],
      ['髙橋', '①'],
    ]);
    expect(bytes.join(',')).toContain([0xee, 0xe0].join(','));
    expect(bytes.join(',')).toContain([0x87, 0x40].join(','));
  });

  it('Shift_JIS counts a lone surrogate as replaced', async () => {
    const file = await encodeCsv([['a\uD800b']], 'sjis');
    expect(file.replaced.count).toBe(1);
    expect(parse(decode(file.bytes, 'sjis'))).toEqual([[`a${REPLACEMENT}b`]]);
  });
});
