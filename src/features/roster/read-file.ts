import { readCsv, type CsvEncoding, type CsvRow, type EncodingChoice } from '../../domain/csv/read';
import type { Problem } from '../../domain/problems';
import { checkRosterTable, type RowProblem } from '../../domain/roster/check';
import { MAX_ROSTER_ROWS } from '../../domain/roster/protocol';
import { problem } from '../../domain/problems';

/** What the device's first look at a roster file found (in its worker, before the server's dry run). */
export type FileRead =
  | { ok: false; problem: Problem }
  | {
      ok: true;
      encoding: CsvEncoding;
      header: string[];
      rows: CsvRow[];
      /** The form checks' problems (encoding, columns, values); the server checks again and compares. */
      problems: RowProblem[];
      errorLines: number;
    };

export type ReadPhase = 'decode' | 'parse' | 'check';

/** Reads and checks a roster file: decode, rows, form checks. Pure; the worker and the bench run it. */
export function readRosterFile(
  bytes: Uint8Array,
  encoding: EncodingChoice,
  onProgress: (phase: ReadPhase, share: number) => void = () => undefined,
): FileRead {
  onProgress('decode', 0);
  const read = readCsv(bytes, { encoding, onProgress: (share) => onProgress('parse', share) });
  if (!read.ok) return read;
  const { header, rows } = read.table;
  if (rows.length === 0) return { ok: false, problem: problem('roster.noRows') };
  if (rows.length > MAX_ROSTER_ROWS)
    return { ok: false, problem: problem('roster.tooManyRows', { max: MAX_ROSTER_ROWS }) };
  onProgress('check', 0);
  const checked = checkRosterTable(read.table);
  onProgress('check', 1);
  const errorLines = new Set(checked.problems.filter((p) => p.severity === 'error').map((p) => p.line)).size;
  return { ok: true, encoding: read.table.encoding, header, rows, problems: checked.problems, errorLines };
}
