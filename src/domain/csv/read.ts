import Papa from 'papaparse';
import { problem, type Problem } from '../problems';
import { decodeCsvBytes, type CsvEncoding, type EncodingChoice } from './decode';

export { decodeCsvBytes, looksLikeMojibake, ENCODINGS, MAX_CSV_BYTES } from './decode';
export type { CsvEncoding, EncodingChoice, Decoded, DecodeResult } from './decode';

/**
 * Reading a CSV as Excel and personnel systems write it, once for every import (the roster, issue
 * 20's roll-call): bytes to text (decode.ts), then rows with papaparse, which handles CRLF and LF,
 * quoted fields holding commas, quotes and line breaks, and guesses the delimiter (Excel saves with
 * ";" in some locales). papaparse and this module load with the screens that import files, in
 * their worker, never in the entry chunk.
 *
 * What is left to the caller's columns: which headers are known, which are required. What is done
 * here for every import: the line each row starts on (a quoted line break moves the next rows
 * down), blank lines skipped, Excel's dropped trailing empty columns filled back, a row with more
 * cells than the header said.
 */
export interface CsvRow {
  /** The line of the file the row starts on, 1-based (the header is line 1 in most files). */
  line: number;
  /** Exactly as many cells as the header has: missing trailing ones are '' (Excel drops them). */
  cells: string[];
  /** Cells beyond the header's width that were not empty: the row has too many columns. */
  extra: number;
}

export interface CsvTable {
  encoding: CsvEncoding;
  header: string[];
  rows: CsvRow[];
}

export type ReadResult = { ok: true; table: CsvTable } | { ok: false; problem: Problem };

export interface ReadOptions {
  encoding?: EncodingChoice;
  /** Called now and then with the share of the text parsed (0..1), for a progress bar. */
  onProgress?: (share: number) => void;
}

export function readCsv(bytes: Uint8Array, options: ReadOptions = {}): ReadResult {
  const decoded = decodeCsvBytes(bytes, options.encoding ?? 'auto');
  if (!decoded.ok) return decoded;
  const parsed = parseCsvText(decoded.value.text, options.onProgress);
  if (!parsed.ok) return parsed;
  return { ok: true, table: { encoding: decoded.value.encoding, ...parsed.value } };
}

export function parseCsvText(
  source: string,
  onProgress?: (share: number) => void,
): { ok: true; value: { header: string[]; rows: CsvRow[] } } | { ok: false; problem: Problem } {
  // One line ending: a file may mix them (rows in CRLF, a cell's line break in LF, as Excel writes).
  const text = source.replace(/\r\n?/g, '\n');
  let header: string[] | null = null;
  const rows: CsvRow[] = [];
  let start = 0;
  let line = 1;
  let nextReport = 0;
  let broken: Problem | null = null;
  Papa.parse<string[]>(text, {
    delimitersToGuess: [',', '\t', ';'],
    newline: '\n',
    skipEmptyLines: false,
    step: (result, parser) => {
      const end = result.meta.cursor;
      const rowLine = line;
      for (let i = start; i < end; i++) if (text.charCodeAt(i) === 10) line++;
      start = end;
      const cells = result.data.map(asText);
      if (result.errors.some((e) => e.type === 'Quotes')) {
        broken = problem('csv.unclosedQuote', { line: rowLine });
        parser.abort();
        return;
      }
      if (cells.every((c) => c.trim() === '')) return;
      if (header === null) {
        header = trimTrailingEmpty(cells.map((c) => c.trim()));
        return;
      }
      const width = header.length;
      const extra = cells.slice(width).filter((c) => c.trim() !== '').length;
      const filled = cells.slice(0, width);
      while (filled.length < width) filled.push('');
      rows.push({ line: rowLine, cells: filled, extra });
      if (onProgress && end >= nextReport) {
        onProgress(end / text.length);
        nextReport = end + 200_000;
      }
    },
  });
  if (broken) return { ok: false, problem: broken };
  if (header === null) return { ok: false, problem: problem('csv.noHeader') };
  onProgress?.(1);
  return { ok: true, value: { header, rows } };
}

/**
 * A cell as text, whatever it looks like: `=SUM(A1)` stays those characters (it is never
 * evaluated anywhere, and CSV output escapes it, src/domain/csv/write.ts). Only the wrapper Excel
 * users type to keep leading zeros, `="00123"`, is taken off: it means the text inside.
 */
function asText(cell: string): string {
  const m = /^="(.*)"$/s.exec(cell);
  return m ? (m[1] ?? '').replace(/""/g, '"') : cell;
}

function trimTrailingEmpty(cells: string[]): string[] {
  let n = cells.length;
  while (n > 0 && cells[n - 1] === '') n--;
  return cells.slice(0, n);
}
