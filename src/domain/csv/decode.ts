import { problem, type Problem } from '../problems';

/**
 * Turning a file's bytes into text, for every CSV the app reads (the roster import, issue 20's
 * roll-call). Files come from Excel and personnel systems: Shift_JIS as Windows writes it (CP932)
 * or UTF-8 with or without a BOM.
 *
 * CP932 is decoded by `TextDecoder('shift_jis')`: the WHATWG Encoding Standard's Shift_JIS *is*
 * Windows-31J (its index is jis0208 plus the NEC and IBM extensions), so ①, ㈱, 髙 and 﨑 decode
 * in Chromium, Firefox, Safari and Node (with full ICU, the default build) alike
 * (csv.test.ts checks those characters on Node; the bench reads a CP932 file in Chromium).
 */
export const ENCODINGS = ['shift_jis', 'utf-8'] as const;
export type CsvEncoding = (typeof ENCODINGS)[number];
/** What the person chose: an encoding, or let the reader decide. */
export type EncodingChoice = CsvEncoding | 'auto';

/** Files above this are refused before they are read: a 40,000-person roster is about 8 MB. */
export const MAX_CSV_BYTES = 20 * 1024 * 1024;

export interface Decoded {
  text: string;
  encoding: CsvEncoding;
  /** A UTF-8 byte order mark was found (and dropped). */
  bom: boolean;
}

export type DecodeResult = { ok: true; value: Decoded } | { ok: false; problem: Problem };

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * Decodes `bytes` as the chosen encoding, or detects it: UTF-8 when the bytes are valid UTF-8
 * (a CP932 file of Japanese text almost never is), CP932 otherwise. A chosen encoding that does
 * not fit the bytes is said (`csv.wrongEncoding`), not decoded into mojibake.
 */
export function decodeCsvBytes(bytes: Uint8Array, choice: EncodingChoice = 'auto'): DecodeResult {
  if (bytes.byteLength === 0) return { ok: false, problem: problem('csv.empty') };
  if (bytes.byteLength > MAX_CSV_BYTES) {
    return { ok: false, problem: problem('csv.tooLarge', { maxMb: MAX_CSV_BYTES / 1024 / 1024 }) };
  }
  if (looksBinary(bytes)) return { ok: false, problem: problem('csv.binary') };
  const bom = UTF8_BOM.every((b, i) => bytes[i] === b);
  const utf8 = bom ? strictUtf8(bytes.subarray(3)) : strictUtf8(bytes);

  if (choice === 'utf-8' || (choice === 'auto' && utf8 !== null)) {
    if (utf8 === null)
      return { ok: false, problem: problem('csv.wrongEncoding', { chosen: 'utf-8', likely: 'shift_jis' }) };
    if (looksLikeMojibake(utf8)) return { ok: false, problem: problem('csv.mojibake') };
    return done(utf8, 'utf-8', bom);
  }
  // Shift_JIS: chosen, or the bytes are not UTF-8.
  if (bom) return { ok: false, problem: problem('csv.wrongEncoding', { chosen: 'shift_jis', likely: 'utf-8' }) };
  const sjis = new TextDecoder('shift_jis', { fatal: false }).decode(bytes);
  if (choice === 'shift_jis' && utf8 !== null && hasNonAscii(bytes)) {
    // Valid UTF-8 with Japanese in it read as CP932 is mojibake (縺・ and friends).
    return { ok: false, problem: problem('csv.wrongEncoding', { chosen: 'shift_jis', likely: 'utf-8' }) };
  }
  if (sjis.includes('\uFFFD')) return { ok: false, problem: problem('csv.undecodable', { encoding: 'shift_jis' }) };
  if (looksLikeMojibake(sjis)) return { ok: false, problem: problem('csv.mojibake') };
  return done(sjis, 'shift_jis', false);
}

function done(text: string, encoding: CsvEncoding, bom: boolean): DecodeResult {
  return { ok: true, value: { text, encoding, bom } };
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true;
  return false;
}

/** NUL bytes or many control characters in the first 8 KB: an Excel .xlsx (a zip), an image, a PDF. */
function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control > head.length / 100 + 2;
}

/**
 * Text that decoded without error but is the result of a wrong decoding on the way: UTF-8 read as
 * CP932 and saved again (縺, 繧, 繝 lead most such runs), CP932 read as Latin-1 and saved as UTF-8
 * (runs of Ã, Â, ƒ, ‚), or replacement characters saved into the file.
 */
export function looksLikeMojibake(text: string): boolean {
  const sample = text.slice(0, 20000);
  if (sample.includes('\uFFFD')) return true;
  const latin = sample.match(
    /[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{2,}/g,
  );
  if (latin && latin.join('').length > 8) return true;
  const cjkMojibake = sample.match(/[縺繧繝蜷髢謌莠螳驛遞]/g);
  const japanese = sample.match(/[\u3040-\u30ff\u4e00-\u9fff]/g);
  return !!cjkMojibake && !!japanese && cjkMojibake.length >= 4 && cjkMojibake.length / japanese.length > 0.15;
}
