/**
 * What the browser does inside a typed key's own events, from a trace of the keystroke phase
 * (`measure.ts --profile-phase=ktp-full-trace`, then `tsx bench/lab/trace-keys.ts FILE`): the median
 * textInput event (the browser inserting the character, then our input handler) and the layouts it
 * forces, with their dirty and total layout objects ("p" for a partial layout from a boundary); then
 * the median of each kind of event a key makes.
 */
import { readTrace, type TraceEvent } from './trace-file';

const file = process.argv[2];
if (!file) throw new Error('usage: tsx bench/lab/trace-keys.ts TRACE.json');
const events = (await readTrace(file)).filter((e) => e.ph === 'X');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const typed = events.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'textInput');
const layouts = typed.flatMap((key) =>
  events.filter((e) => e.tid === key.tid && e.name === 'Layout' && e.ts >= key.ts && e.ts <= key.ts + (key.dur ?? 0)),
);
const shape = (e: TraceEvent) => {
  const d = e.args?.beginData;
  return `${d?.dirtyObjects}/${d?.totalObjects}${d?.partialLayout ? 'p' : ''}`;
};
const shapes = new Map<string, number>();
for (const e of layouts) shapes.set(shape(e), (shapes.get(shape(e)) ?? 0) + 1);
console.log(
  `textInput: ${typed.length} keys, median ${(median(typed.map((e) => e.dur ?? 0)) / 1000).toFixed(1)} ms; ` +
    `layouts forced inside them: ${layouts.length}, median ${(median(layouts.map((e) => e.dur ?? 0)) / 1000).toFixed(2)} ms`,
);
console.log(
  `  dirty/total objects: ${[...shapes]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([s, n]) => `${s} ×${n}`)
    .join(', ')}`,
);
const kinds = ['keydown', 'keypress', 'textInput', 'input', 'keyup'];
console.log(
  `  event medians (ms): ${kinds
    .map((kind) => {
      const ds = events.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === kind).map((e) => e.dur ?? 0);
      return `${kind} ${(median(ds) / 1000).toFixed(2)} (${ds.length})`;
    })
    .join(', ')}`,
);
