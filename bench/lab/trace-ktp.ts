/**
 * Where a keystroke's time goes, from a trace of the keystroke phase (`measure.ts
 * --profile-phase=ktp-full-trace`, then `tsx bench/lab/trace-ktp.ts FILE`). For each typed key on the
 * renderer's main thread: the key's own events, the wait for the search worker's answer, the task
 * that renders it, and the frame after it (style, layout, pre-paint, paint, commit), then the
 * medians and 90th percentiles of each part over all keys.
 */
import { readTrace, type TraceEvent as Ev } from './trace-file';

const file = process.argv[2];
if (!file) throw new Error('usage: tsx bench/lab/trace-ktp.ts TRACE.json');
const all = (await readTrace(file)).filter((e) => e.ph === 'X');
const keys = all.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'textInput');
const main = keys[0]?.tid;
if (main === undefined) throw new Error('no typed keys in this trace');
const events = all.filter((e) => e.tid === main).sort((a, b) => a.ts - b.ts);
const end = (e: Ev) => e.ts + (e.dur ?? 0);
const q = (xs: number[], f: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * f)] ?? NaN;

const parts: Record<string, number[]> = {};
const add = (name: string, ms: number) => (parts[name] ??= []).push(ms);
const FRAME = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit'];

for (const [i, key] of keys.entries()) {
  const next = keys[i + 1]?.ts ?? Infinity;
  // The answer arrives as a worker message; its task renders the results (flushSync).
  const answer = events.find((e) => e.ts > end(key) && e.ts < next && e.name === 'HandlePostMessage');
  if (!answer) continue;
  const search = all.find((e) => e.tid !== main && e.name === 'HandlePostMessage' && e.ts > key.ts && e.ts < answer.ts);
  if (search) {
    add('key → worker starts', (search.ts - key.ts) / 1000);
    add('search in worker', (search.dur ?? 0) / 1000);
    add('worker → answer task', (answer.ts - end(search)) / 1000);
  }
  add('key → answer', (answer.ts - key.ts) / 1000);
  add('answer task', (answer.dur ?? 0) / 1000);
  const frame = events.filter((e) => e.ts >= end(answer) && e.ts < next && FRAME.includes(e.name));
  const firstPaint = frame.find((e) => e.name === 'Commit');
  if (!firstPaint) continue;
  const inFrame = frame.filter((e) => e.ts <= firstPaint.ts);
  for (const name of FRAME)
    add(name, inFrame.filter((e) => e.name === name).reduce((s, e) => s + (e.dur ?? 0), 0) / 1000);
  const first = inFrame[0] ?? firstPaint;
  add('answer → frame start', (first.ts - end(answer)) / 1000);
  add('key → commit', (end(firstPaint) - key.ts) / 1000);
}
const n = parts['key → commit']?.length ?? 0;
console.log(`${keys.length} keys, ${n} with an answer and a frame`);
for (const [name, xs] of Object.entries(parts))
  console.log(
    `  ${name.padEnd(22)} median ${q(xs, 0.5).toFixed(1).padStart(6)}  p90 ${q(xs, 0.9).toFixed(1).padStart(6)} ms`,
  );
