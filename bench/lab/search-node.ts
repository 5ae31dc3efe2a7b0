/**
 * The search on the demo organisation's 40,000 people in Node, without throttling: the index
 * build, then each benchmark query's median of five warm runs, slowest first. Quieter than the
 * browser figure on a shared machine, for comparing two versions of src/domain/search.
 * `tsx bench/lab/search-node.ts`; with `--prefixes`, every prefix of each query as it is typed (what
 * the directory searches on each keystroke), and their median and p95.
 */
import { buildSearchIndex, searchPositions } from '../../src/domain/search';
import { BENCH_QUERIES } from '../../src/domain/search/bench-queries';
import { toDirectoryRecord } from '../../src/domain/staff';
import { generateDemoOrg } from '../../tools/demo-org';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const org = generateDemoOrg({ staff: 40_000 });
const records = org.staff.map(toDirectoryRecord);
const units = new Map(org.units.map((u) => [u.id, u]));
const builds: number[] = [];
let index = buildSearchIndex(records, units);
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  index = buildSearchIndex(records, units);
  builds.push(performance.now() - t);
}
console.log(`index build: median ${median(builds).toFixed(0)} ms`);
// One pass first: the first queries would otherwise pay for the compiler's warm-up.
const queries = process.argv.includes('--prefixes')
  ? BENCH_QUERIES.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)))
  : BENCH_QUERIES;
for (const q of queries) searchPositions(index, q);
const per = queries
  .map((q) => {
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      searchPositions(index, q);
      runs.push(performance.now() - t);
    }
    return { q, ms: median(runs) };
  })
  .sort((a, b) => b.ms - a.ms);
console.log(per.map((x) => `${x.q} ${x.ms.toFixed(2)}`).join(', '));
const times = per.map((x) => x.ms).sort((a, b) => a - b);
const p95 = times[Math.ceil(times.length * 0.95) - 1] ?? NaN;
console.log(`${queries.length} queries: median ${median(times).toFixed(2)} ms, p95 ${p95.toFixed(2)} ms`);
