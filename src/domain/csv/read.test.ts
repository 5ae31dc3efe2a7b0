import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, MAX_CSV_BYTES, readCsv } from './read';
import { encodeCp932 } from './testing/cp932';

const utf8 = (s: string) => new TextEncoder().encode(s);
const withBom = (s: string) => Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(s)]);
const SAMPLE = '職員番号,姓,名\r\n000123,髙橋,①㈱﨑\r\n';

describe('decodeCsvBytes', () => {
  it.each([
    ['CP932, detected', encodeCp932(SAMPLE), 'auto', 'shift_jis'],
    ['CP932, chosen', encodeCp932(SAMPLE), 'shift_jis', 'shift_jis'],
    ['UTF-8 without BOM, detected', utf8(SAMPLE), 'auto', 'utf-8'],
    ['UTF-8 with BOM, detected', withBom(SAMPLE), 'auto', 'utf-8'],
    ['UTF-8 with BOM, chosen', withBom(SAMPLE), 'utf-8', 'utf-8'],
  ] as const)('%s: ①, ㈱, 髙 and 﨑 decode', (_name, bytes, choice, encoding) => {
    const r = decodeCsvBytes(bytes, choice);
    expect(r).toEqual({ ok: true, value: { text: SAMPLE, encoding, bom: bytes[0] === 0xef } });
  });

  it.each([
    [
      'CP932 read as UTF-8',
      encodeCp932(SAMPLE),
      'utf-8',
      { code: 'csv.wrongEncoding', params: { chosen: 'utf-8', likely: 'shift_jis' } },
    ],
    [
      'UTF-8 read as CP932',
      utf8(SAMPLE),
      'shift_jis',
      { code: 'csv.wrongEncoding', params: { chosen: 'shift_jis', likely: 'utf-8' } },
    ],
    [
      'UTF-8 with BOM read as CP932',
      withBom(SAMPLE),
      'shift_jis',
      { code: 'csv.wrongEncoding', params: { chosen: 'shift_jis', likely: 'utf-8' } },
    ],
    ['an empty file', new Uint8Array(0), 'auto', { code: 'csv.empty', params: {} }],
    [
      'a zip (an .xlsx saved as is)',
      Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0, 0, 0x21, 0]),
      'auto',
      { code: 'csv.binary', params: {} },
    ],
    [
      'a PNG',
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      'auto',
      { code: 'csv.binary', params: {} },
    ],
    [
      'mojibake saved as UTF-8 (UTF-8 once read as CP932)',
      utf8(
        new TextDecoder('shift_jis').decode(
          utf8('職員番号,氏名,所属\n1,山田 太郎,総務部総務課\n2,佐藤 花子,区民部戸籍住民課\n'),
        ),
      ),
      'auto',
      { code: 'csv.mojibake', params: {} },
    ],
  ] as const)('%s is refused with why', (_name, bytes, choice, expected) => {
    const r = decodeCsvBytes(bytes, choice);
    expect(r).toEqual({ ok: false, problem: expected });
  });

  it('refuses a file over the limit (50 MB) before decoding it', () => {
    const big = new Uint8Array(50 * 1024 * 1024).fill(0x41);
    expect(big.byteLength).toBeGreaterThan(MAX_CSV_BYTES);
    expect(decodeCsvBytes(big)).toEqual({ ok: false, problem: { code: 'csv.tooLarge', params: { maxMb: 20 } } });
  });

  it('keeps private-use characters (外字) of the CP932 user area as they decode, for the checks to flag', () => {
    const r = decodeCsvBytes(Uint8Array.from([...encodeCp932('姓\r\n'), 0xf0, 0x40, 0x0d, 0x0a]));
    expect(r.ok && r.value.text).toBe('姓\r\n\ue000\r\n');
  });
});

describe('readCsv', () => {
  it('reads CRLF and LF, quoted commas, quotes and line breaks, with the line each row starts on', () => {
    const text = '職員番号,姓,名,職名\r\n1,"山田, 別姓","太\r\n郎","係長 ""代理"""\n\n2,佐藤,花子,主事\r\n';
    const r = readCsv(encodeCp932(text));
    expect(r).toEqual({
      ok: true,
      table: {
        encoding: 'shift_jis',
        header: ['職員番号', '姓', '名', '職名'],
        rows: [
          { line: 2, cells: ['1', '山田, 別姓', '太\n郎', '係長 "代理"'], extra: 0 },
          { line: 5, cells: ['2', '佐藤', '花子', '主事'], extra: 0 },
        ],
      },
    });
  });

  it('fills back the trailing empty columns Excel drops, and counts cells beyond the header', () => {
    const r = readCsv(utf8('a,b,c,d\n1,2\n1,2,3,4,5,,6\n1,2,3,4,,\n'));
    expect(r.ok && r.table.rows).toEqual([
      { line: 2, cells: ['1', '2', '', ''], extra: 0 },
      { line: 3, cells: ['1', '2', '3', '4'], extra: 2 },
      { line: 4, cells: ['1', '2', '3', '4'], extra: 0 },
    ]);
  });

  it('reads a file saved with ";" (Excel in some locales) and a header with trailing empty cells', () => {
    const r = readCsv(utf8('職員番号;姓;;\n1;山田;;\n'));
    expect(r.ok && r.table.header).toEqual(['職員番号', '姓']);
    expect(r.ok && r.table.rows[0]?.cells).toEqual(['1', '山田']);
  });

  it('keeps formula-looking cells as text, and unwraps ="00123" to its text', () => {
    const r = readCsv(utf8('a,b,c\n=SUM(A1:A2),"=""00123""",+81\n'));
    expect(r.ok && r.table.rows[0]?.cells).toEqual(['=SUM(A1:A2)', '00123', '+81']);
  });

  it('says where a quote is never closed', () => {
    expect(readCsv(utf8('a,b\n1,2\n3,"4\n5,6\n'))).toEqual({
      ok: false,
      problem: { code: 'csv.unclosedQuote', params: { line: 3 } },
    });
  });

  it('says when there is no header (only blank lines)', () => {
    expect(readCsv(utf8('\r\n\r\n ,\r\n'))).toEqual({ ok: false, problem: { code: 'csv.noHeader', params: {} } });
  });
});
