/**
 * The targets of `npm run bench`, kept beside the bench so a figure and what it must meet are read
 * together. Each issue that adds a figure adds its line here. A key without a line is reported as
 * "no target" (a figure kept for context, such as a median beside its p95).
 */
import { SYNC_FEEDS } from '../src/domain/sync-protocol';

export interface Target {
  /** `max`: the figure must be at most `value`; `min`: at least. */
  readonly kind: 'max' | 'min';
  readonly value: number;
  /** What is measured and how, in a few words, for the printed table. */
  readonly what: string;
}

const atMost = (value: number, what: string): Target => ({ kind: 'max', value, what });
const atLeast = (value: number, what: string): Target => ({ kind: 'min', value, what });

export const TARGETS: Readonly<Record<string, Target>> = {
  'directory.payload_gz_bytes_per_staff': atMost(60, 'snapshot bytes per person, gzipped'),
  'directory.sync_ms_40k': atMost(1000, 'snapshot into IndexedDB, 4x CPU'),
  'search.p95_ms_40k': atMost(10, '30 mixed queries, 4x CPU'),
  'search.fuse_ratio_40k': atLeast(100, 'Fuse.js p95 over ours'),
  'bundle.critical_js_gz_kb': atMost(114, 'entry chunk + static imports + inline, gzipped'),
  'directory.offline_first_faces_ms_40k': atMost(400, 'offline reload to 50 faces, 4x CPU'),
  'search.keystroke_to_paint_p95_ms_40k': atMost(50, 'key to results painted, 4x CPU'),
  'directory.scroll_long_tasks_40k': atMost(0, 'tasks over 50 ms while scrolling'),
  'lighthouse.mobile_performance': atLeast(95, 'median of 3 lighthouse runs'),
  'yell.send_to_visible_ms': atMost(100, 'offline tap to pending エール, 4x CPU'),
  'sync.nochange_requests': atMost(1, 'HTTPS calls of a sync when nothing changed'),
  // Issue 16: at most one read per feed (heads and the caller's access state, in one batched get).
  'sync.nochange_reads': atMost(
    Object.keys(SYNC_FEEDS).length,
    'document reads of that sync, counted by the store: at most one per feed',
  ),
  // Issue 21: the roster import.
  'roster.dry_run_ms_40k': atMost(5000, 'CP932 file read + checked, 4x CPU, + server comparison'),
  'roster.apply_s_40k': atMost(120, 'first import of 40,000 on the Firestore stand-in'),
  'roster.delta_sync_bytes': atMost(20 * 1024, 'a phone after 10 changes + 1 unit renamed, 40,000'),
  // Issue 18: surveys.
  'survey.results_reads_40k': atMost(100, 'reads to show a closed survey to HR, free text aside'),
  'survey.burst_exact': atLeast(1, '500 concurrent anonymous answers counted exactly (twin, in process)'),
  'survey.answer_submit_ms': atMost(100, 'tap to 送信待ち on the phone, 4x CPU'),
  // Issue 22: a new device, 40,000 people, 4x CPU, 9 Mbit/s and 150 ms RTT, from the ID token.
  'directory.first_signin_faces_ms_40k': atMost(1000, 'new device: ID token to 50 faces, 4G, 4x CPU'),
  'directory.first_signin_complete_ms_40k': atMost(6000, 'new device: ID token to all searchable'),
};

export interface Verdict {
  key: string;
  value: number;
  target: Target | null;
  met: boolean;
}

export function judge(results: Readonly<Record<string, number>>): Verdict[] {
  return Object.entries(results).map(([key, value]) => {
    const target = TARGETS[key] ?? null;
    const met = target === null || (target.kind === 'max' ? value <= target.value : value >= target.value);
    return { key, value, target, met };
  });
}

/** Targets whose figure the run did not produce (a phase skipped with --quick, or one that failed). */
export function unmeasured(results: Readonly<Record<string, number>>): string[] {
  return Object.keys(TARGETS).filter((key) => !(key in results));
}

export function formatVerdicts(verdicts: readonly Verdict[], missing: readonly string[]): string {
  const rows = verdicts.map(({ key, value, target, met }) => {
    const goal = target ? `${target.kind === 'max' ? '≤' : '≥'} ${target.value}` : 'no target';
    const mark = target === null ? '' : met ? 'ok' : 'MISSED';
    return [key, String(value), goal, mark, target?.what ?? ''];
  });
  for (const key of missing) {
    const target = TARGETS[key];
    rows.push([key, '-', target ? `${target.kind === 'max' ? '≤' : '≥'} ${target.value}` : '', 'not measured', '']);
  }
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => (i < 4 ? cell.padEnd(widths[i] ?? 0) : cell))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
