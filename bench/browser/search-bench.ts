/**
 * Runs in Chromium: our search and Fuse.js on the same 40,000 people and the same queries, in one
 * page and one run, so their ratio is fair on a noisy machine.
 */
import Fuse from 'fuse.js';
import type { OrgUnit } from '../../src/domain/org';
import { BENCH_QUERIES } from '../../src/domain/search/bench-queries';
import { buildSearchIndex, searchPositions } from '../../src/domain/search';
import type { DirectoryRecord } from '../../src/domain/staff';

interface Payload {
  records: DirectoryRecord[];
  units: OrgUnit[];
}

function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] ?? NaN;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

async function load(): Promise<Payload> {
  return (await (await fetch('/search-payload.json')).json()) as Payload;
}

/**
 * Per query the median of `repeat` calls; the figure is the p95 over the queries. Positions, as the
 * directory's worker searches: it sends them to the page without making records of them.
 */
async function ours(repeat: number) {
  const { records, units } = await load();
  const t0 = performance.now();
  const index = buildSearchIndex(records, new Map(units.map((u) => [u.id, u])));
  const buildMs = performance.now() - t0;
  const perQuery = BENCH_QUERIES.map((q) => {
    const runs: number[] = [];
    for (let i = 0; i < repeat; i++) {
      const s = performance.now();
      searchPositions(index, q);
      runs.push(performance.now() - s);
    }
    return median(runs);
  });
  // The slowest queries, for BENCH_VERBOSE: what the p95 is made of.
  const slowest = BENCH_QUERIES.map((q, i) => ({ q, ms: perQuery[i] ?? NaN }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 4);
  return { p95: p95(perQuery), p50: median(perQuery), buildMs, slowest };
}

async function fuse() {
  const { records, units } = await load();
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const docs = records.map((r) => ({
    name: r.familyName + r.givenName,
    kana: r.familyKana + r.givenKana,
    alt: r.altFamilyName,
    ext: r.extension,
    unit: unitName.get(r.unitId) ?? '',
    skills: r.skills.join(' '),
    hobbies: r.hobbies.join(' '),
    qualifications: r.qualifications.join(' '),
  }));
  const index = new Fuse(docs, {
    keys: ['name', 'kana', 'alt', 'ext', 'unit', 'skills', 'hobbies', 'qualifications'],
    threshold: 0.3,
  });
  const perQuery = BENCH_QUERIES.map((q) => {
    const s = performance.now();
    index.search(q);
    return performance.now() - s;
  });
  return { p95: p95(perQuery), p50: median(perQuery) };
}

Object.assign(window, { benchOurs: ours, benchFuse: fuse });
