/**
 * Reads a Chromium trace (bench/lab/measure.ts --trace=FILE) and prints the renderer main thread's
 * timeline from navigation start: each task over a threshold with what ran in it, and the marks.
 * `tsx bench/lab/trace-summary.ts FILE [minMs]`.
 */
import { readTrace, type TraceEvent as Ev } from './trace-file';

const [file = '', minArg = '8'] = process.argv.slice(2);
const min = Number(minArg) * 1000;
const events = await readTrace(file);
const threadNames = new Map<string, string>();
for (const e of events) if (e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
// A trace of a phase with no navigation in it (scrolling, typing) counts from its first event.
const nav =
  // The page's own navigation: iframes (about:blank) start navigations with no URL after it.
  events.filter((e) => e.name === 'navigationStart' && e.args?.data?.['documentLoaderURL']).at(-1) ??
  events.filter((e) => e.ph === 'X' && e.name === 'RunTask').sort((a, b) => a.ts - b.ts)[0];
if (!nav) throw new Error('no events');
const t0 = nav.ts;
const main = `${nav.pid}:${nav.tid}`;
const at = (ts: number) => ((ts - t0) / 1000).toFixed(1).padStart(7);
const describe = (e: Ev) => {
  const d = e.args?.data ?? {};
  const url = typeof d['url'] === 'string' ? d['url'].split('/').pop() : '';
  const fn = typeof d['functionName'] === 'string' ? d['functionName'] : '';
  const type = typeof d['type'] === 'string' ? d['type'] : '';
  return [e.name, type, fn, url].filter(Boolean).join(' ');
};
for (const [thread, name] of threadNames) {
  const [pid, tid] = thread.split(':').map(Number);
  const tasks = events.filter(
    (e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.name === 'RunTask' && e.ts >= t0 && (e.dur ?? 0) >= min,
  );
  if (tasks.length === 0 || !/Renderer|Worker/.test(name)) continue;
  console.log(`\n== ${name}${thread === main ? ' (page main)' : ''}`);
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    const inner = events
      .filter(
        (e) =>
          e.pid === pid &&
          e.tid === tid &&
          e.ph === 'X' &&
          e !== task &&
          e.ts >= task.ts &&
          e.ts < end &&
          (e.dur ?? 0) >= min / 2 &&
          /FunctionCall|EvaluateScript|v8.compile|Compile|ParseHTML|Layout|UpdateLayoutTree|Paint|GC|EventDispatch|TimerFire|FireAnimationFrame|RunMicrotasks|v8.run|ParseAuthorStyleSheet|Decode/.test(
            e.name,
          ),
      )
      .slice(0, 8);
    console.log(`${at(task.ts)} ms  task ${((task.dur ?? 0) / 1000).toFixed(1)} ms`);
    for (const e of inner) console.log(`           ${((e.dur ?? 0) / 1000).toFixed(1).padStart(6)}  ${describe(e)}`);
  }
}
console.log('\n== marks');
for (const e of events.filter(
  (x) =>
    x.pid === nav.pid &&
    (x.ph === 'R' || x.ph === 'I' || x.ph === 'b' || x.ph === 'n') &&
    /first|directory|FirstContentfulPaint|firstPaint|LargestContentful/.test(x.name),
))
  console.log(`${at(e.ts)} ms  ${e.name}`);
