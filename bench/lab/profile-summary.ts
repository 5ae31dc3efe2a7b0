/**
 * Self and total time by function in a .cpuprofile (bench/lab/measure.ts --profile=FILE), optionally
 * only for samples between two times (ms from the profile's start): `tsx profile-summary.ts FILE [from to]`.
 * `--under=NAME` keeps only samples with NAME (a function's name, as printed) on their stack, to see
 * what one caller's time went on.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
const [file = '', from = '0', to = '1e12'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const under = process.argv.find((a) => a.startsWith('--under='))?.slice('--under='.length);
const p = JSON.parse(await readFile(file, 'utf8')) as {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
};
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
// Names from the build's source maps (the served folder, STACK_PORT_BASE's), when there.
const dist = `.stack/dist-${process.env.STACK_PORT_BASE ?? 6400}`;
const maps = new Map<string, TraceMap | null>();
const mapOf = (url: string): TraceMap | null => {
  if (!maps.has(url)) {
    const path = `${dist}${new URL(url, 'http://x').pathname}.map`;
    maps.set(url, url && existsSync(path) ? new TraceMap(JSON.parse(readFileSync(path, 'utf8')) as never) : null);
  }
  return maps.get(url) ?? null;
};
const label = (n: Node) => {
  const { functionName, url, lineNumber, columnNumber } = n.callFrame;
  const map = mapOf(url);
  if (map && lineNumber >= 0) {
    const o = originalPositionFor(map, { line: lineNumber + 1, column: columnNumber });
    if (o.source)
      return `${o.name ?? functionName ?? '(anon)'} ${o.source.replace(/^.*node_modules\//, '~').replace(/^(\.\.\/)+/, '')}:${o.line}`;
  }
  return `${functionName || '(anon)'} ${url.split('/').pop()}:${lineNumber + 1}:${columnNumber + 1}`;
};
const stackHolds = (id: number, name: string) => {
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const m = byId.get(cur);
    if (m && label(m).split(' ')[0] === name) return true;
  }
  return false;
};
const self = new Map<string, number>();
const total = new Map<string, number>();
let t = 0;
let kept = 0;
p.samples.forEach((id, i) => {
  const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
  t += (p.timeDeltas[i] ?? 0) / 1000;
  if (t < Number(from) || t > Number(to)) return;
  const n = byId.get(id);
  if (!n || n.callFrame.functionName === '(idle)' || n.callFrame.functionName === '(program)') return;
  if (under !== undefined && !stackHolds(id, under)) return;
  kept += dt;
  self.set(label(n), (self.get(label(n)) ?? 0) + dt);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const m = byId.get(cur);
    if (!m) break;
    const l = label(m);
    if (!seen.has(l)) total.set(l, (total.get(l) ?? 0) + dt);
    seen.add(l);
  }
});
const top = (m: Map<string, number>, k: number) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([l, ms]) => `${ms.toFixed(1).padStart(8)}  ${l}`);
console.log(`busy ${kept.toFixed(0)} ms\n-- self`);
console.log(top(self, 25).join('\n'));
console.log('-- total');
console.log(top(total, 40).join('\n'));

// A timeline in 25 ms buckets: for each, the busiest of our own (src/) frames on the stacks.
if (process.argv.includes('--timeline')) {
  const buckets = new Map<number, Map<string, number>>();
  let clock = 0;
  p.samples.forEach((id, i) => {
    clock += (p.timeDeltas[i] ?? 0) / 1000;
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
    const n = byId.get(id);
    if (!n || n.callFrame.functionName === '(idle)' || n.callFrame.functionName === '(program)') return;
    let best = label(n);
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const m = byId.get(cur);
      if (!m) break;
      const l = label(m);
      if (l.includes(' src/') || l.includes('.js:0')) best = l;
    }
    const b = Math.floor(clock / 25) * 25;
    const m = buckets.get(b) ?? new Map<string, number>();
    m.set(best, (m.get(best) ?? 0) + dt);
    buckets.set(b, m);
  });
  for (const [b, m] of [...buckets].sort((x, y) => x[0] - y[0])) {
    const busy = [...m.values()].reduce((s, x) => s + x, 0);
    const tops = [...m]
      .sort((x, y) => y[1] - x[1])
      .slice(0, 3)
      .map(([l, ms]) => `${l} ${ms.toFixed(0)}`);
    console.log(`${String(b).padStart(6)}  busy ${busy.toFixed(0).padStart(3)}  ${tops.join(' | ')}`);
  }
}
