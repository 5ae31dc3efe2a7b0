import type { RosterWords } from './words';

/** The roster import's words in English. `satisfies`: a key missing from or added to words.ts fails the typecheck. */
export const rosterEn = {
  roster: {
    title: 'Roster import',
    lead: 'Import the staff roster (CSV) exported from the personnel system. Nothing changes until you have seen the check and chosen to apply it.',
    notAllowed: 'Only HR can use this screen.',
    template: 'Download the template (CSV)',
    templateHint: 'Use the column headers of the template; the columns may be in any order.',
    file: 'CSV file',
    encoding: 'Encoding',
    encodingAuto: 'Detect',
    encodingSjis: 'Shift_JIS (Excel, Windows)',
    encodingUtf8: 'UTF-8',
    phase: {
      decode: 'Checking the encoding',
      parse: 'Reading rows',
      check: 'Checking values',
      send: 'Sending to the server',
      compare: 'Comparing with the roster',
      apply: 'Applying',
    },
    read: (rows: number, encoding: string) => `Read ${rows.toLocaleString('en')} rows (${encoding})`,
    summaryTitle: 'Result of the check',
    summary: (s: { new: number; transfer: number; retire: number; change: number; unchanged: number }) =>
      `New ${s.new} · Transfers ${s.transfer} · Leavers ${s.retire} · Changes ${s.change} · Unchanged ${s.unchanged}`,
    future: (n: number) =>
      `${n} of them take effect on a later date and are applied only then (no device sees them before).`,
    rejected: (n: number) => `${n} rows with errors are not applied.`,
    noProblems: 'No problems found.',
    problemsTitle: (n: number) => `Problems by row (${n})`,
    more: (n: number) => `${n} more`,
    line: 'Line',
    header: 'Header',
    column: 'Column',
    value: 'Value as read',
    why: 'Why',
    warning: 'Note',
    error: 'Error',
    confirmPadded: 'Treat staff numbers that lost their leading zeros as the roster’s numbers',
    validOnly: 'Leave out the rows with errors and apply the valid rows only',
    check: 'Check',
    recheck: 'Check again',
    apply: 'Apply',
    applying: (done: number, total: number) =>
      `Applying… ${done.toLocaleString('en')} / ${total.toLocaleString('en')} rows`,
    applied: 'Applied. Devices get it at their next sync.',
    pendingHr: (n: number) => `${n} grants of HR rights wait for a second HR account’s approval.`,
    needsConnection: 'Could not send. Connect to the network and try again.',
    readFailed: 'The file could not be read.',
  },
} satisfies RosterWords;
