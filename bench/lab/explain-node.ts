/**
 * What asking why costs the search worker after each keystroke (explainMatch for the first 27
 * results, a screen and its overscan at three columns), on the demo organisation's 40,000 people
 * in Node without throttling: every prefix of each benchmark query as typed, cold (the first time
 * those people are asked about) and warm (the next keystroke, mostly the same people).
 * `tsx bench/lab/explain-node.ts`.
 */
import { buildSearchIndex, searchPositions } from '../../src/domain/search';
import { BENCH_QUERIES } from '../../src/domain/search/bench-queries';
import { explainMatch } from '../../src/domain/search/explain';
import { toDirectoryRecord } from '../../src/domain/staff';
import { generateDemoOrg } from '../../tools/demo-org';

const ON_SCREEN = 27;
const org = generateDemoOrg({ staff: 40_000 });
const records = org.staff.map(toDirectoryRecord);
const units = new Map(org.units.map((u) => [u.id, u]));
const index = buildSearchIndex(records, units);
const prefixes = BENCH_QUERIES.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)));
const shown = prefixes.map((q) => ({
  q,
  people: Array.from(searchPositions(index, q, ON_SCREEN), (i) => records[i]!),
}));
const time = (q: string, people: typeof records) => {
  const t = performance.now();
  let reasons = 0;
  for (const r of people) if (explainMatch(r, units, q)) reasons++;
  return { ms: performance.now() - t, reasons };
};
const cold = shown.map(({ q, people }) => time(q, people));
const warm = shown.map(({ q, people }) => time(q, people));
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${s[Math.floor(s.length / 2)]!.toFixed(3)} ms, p95 ${s[Math.ceil(s.length * 0.95) - 1]!.toFixed(3)} ms`;
};
console.log(`${prefixes.length} keystrokes × ${ON_SCREEN} people`);
console.log(`cold: ${stats(cold.map((c) => c.ms))}`);
console.log(`warm: ${stats(warm.map((c) => c.ms))}`);
console.log(`people with a reason per keystroke: ${stats(cold.map((c) => c.reasons)).replaceAll(' ms', '')}`);
