/**
 * A keystroke's answer frame on a static page (no app, no stack): 27 cards as the face grid renders
 * them, 12 of them get new text (and the list a new height) each round, 40 rounds a variant; the
 * main thread's time per round in each phase of the frame, from a Chromium trace at 4x throttle.
 * Three rounds of all variants, interleaved; medians. `tsx bench/lab/card-frame.ts [variant,...]`.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../../tools/browser';
import { APP_CSS, cardsScript, GRID_HTML } from './card-page';

const variants: Record<string, { css: string; place: 'transform' | 'topleft'; mode?: string }> = {
  now: { css: '', place: 'transform' },
  // Cards placed by top/left, not a transform; paint containment off; unit and title lines not clipped.
  topleft: { css: '', place: 'topleft' },
  nopaint: { css: '.face-grid > .face-card { contain: size layout style }', place: 'transform' },
  noellipsis: { css: '.face-unit, .face-title { overflow: visible; text-overflow: clip }', place: 'transform' },
  // The unit and title lines as before 2026-12: clipped by overflow: hidden (scroll containers).
  hidden: { css: '.face-unit, .face-title { overflow: hidden }', place: 'transform' },
  // The generated avatar as a flex box centring its initial (before 2026-12), and contained.
  avflex: { css: '.face-link > .avatar--generated { display: flex }', place: 'transform' },
  avcontain: { css: '.face-link > .avatar { contain: strict }', place: 'transform' },
  // Name and reading on one line each: no line breaking to work out.
  nowrap: { css: '.face-name, .face-link > .person-kana { white-space: nowrap }', place: 'transform' },
  // The same text every round (the shaper's cache always hits), and Latin names instead of Japanese.
  same: { css: '', place: 'transform', mode: 'same' },
  ascii: { css: '', place: 'transform', mode: 'ascii' },
  // What each part of a card costs: the card without it.
  noav: { css: '.face-link > .avatar { display: none }', place: 'transform' },
  nokana: { css: '.face-link > .person-kana { display: none }', place: 'transform' },
  nounit: { css: '.face-unit { display: none }', place: 'transform' },
  notitle: { css: '.face-title { display: none }', place: 'transform' },
  noname: { css: '.face-name { display: none }', place: 'transform' },
  // The four lines of text in one block (one inline formatting context), not four.
  oneblock: {
    css: '.face-text { white-space: nowrap; overflow: clip; text-overflow: ellipsis } .face-text > span { display: inline }',
    place: 'transform',
    mode: 'oneblock',
  },
};
const only = process.argv[2];
interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur: number;
  tdur?: number;
  tid: number;
}
const PAGE = (place: 'transform' | 'topleft', mode?: string) => `(async () => {
${cardsScript(27, place, mode)}
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  fill(27);
  await frame(); await frame();
  performance.mark('go');
  for (let round = 0; round < 40; round++) {
    fill(${Number(process.env.FILL ?? 12)});
    if (${process.env.HEIGHT !== '0'}) ul.style.height = (9000 + round * 176) + 'px';
    await frame();
    await new Promise((r) => setTimeout(r, 30));
  }
  performance.mark('end');
})()`;

const browser = await launchChromium();
const sums: Record<string, Record<string, number[]>> = {};
try {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await (await page.context().newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: 4 });
  for (let round = 0; round < Number(process.env.ROUNDS ?? 3); round++) {
    for (const [name, v] of Object.entries(variants)) {
      if (only && !only.split(',').includes(name)) continue;
      await page.setContent(`<style>${APP_CSS}${v.css}</style>${GRID_HTML}`);
      const path = join(tmpdir(), `card-frame-${name}-${round}.json`);
      await browser.startTracing(page, { path, categories: ['devtools.timeline', 'blink.user_timing'] });
      await page.evaluate(PAGE(v.place, v.mode));
      await browser.stopTracing();
      const ev = (JSON.parse(readFileSync(path, 'utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
      const go = ev.find((e) => e.name === 'go')?.ts ?? 0;
      const end = ev.find((e) => e.name === 'end')?.ts ?? Infinity;
      const main = ev.find((e) => e.name === 'go');
      if (!main) throw new Error('no marks in the trace');
      const phases = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize'];
      const row = (sums[name] ??= {});
      for (const ph of phases) {
        const t = ev
          .filter((e) => e.ph === 'X' && e.name === ph && e.ts > go && e.ts < end && e.tid === main.tid)
          .reduce((a, e) => a + (e.tdur ?? e.dur), 0);
        (row[ph] ??= []).push(t / 1000 / 40);
      }
    }
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  for (const [name, row] of Object.entries(sums))
    console.log(
      name.padEnd(8),
      Object.entries(row)
        .map(([k, xs]) => `${k} ${med(xs).toFixed(2)}`)
        .join('  '),
    );
} finally {
  await browser.close();
}
