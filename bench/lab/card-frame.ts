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

const appCss = readFileSync('src/app/app.css', 'utf8') + readFileSync('src/features/directory/directory.css', 'utf8');
const variants: Record<string, { css: string; place: 'transform' | 'topleft'; mode?: string }> = {
  now: { css: '', place: 'transform' },
  // Cards placed by top/left, not a transform; paint containment off; unit and title lines not clipped.
  topleft: { css: '', place: 'topleft' },
  nopaint: { css: '.face-grid > .face-card { contain: size layout style }', place: 'transform' },
  noellipsis: { css: '.face-unit, .face-title { overflow: visible; text-overflow: clip }', place: 'transform' },
  // The same text every round (the shaper's cache always hits), and Latin names instead of Japanese.
  same: { css: '', place: 'transform', mode: 'same' },
  ascii: { css: '', place: 'transform', mode: 'ascii' },
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
const PAGE = (place: string, mode = '') => `(async () => {
  const MODE = ${JSON.stringify(mode)};
  const FAMILY = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡邉', '山本', '中村', '小林', '加藤', '吉田', '佐々木'];
  const GIVEN = ['花子', '健一', '大輔', '美咲', '翔太', '陽子', '浩', '直樹', '由美', '拓也'];
  const KANA = ['さとう', 'すずき', 'たかはし', 'たなか', 'いとう', 'わたなべ', 'やまもと', 'なかむら'];
  const UNITS = ['高齢者福祉課 地域支援係', '戸籍住民課 証明係', 'デジタル推進課 システム係', '子ども家庭課 保育係'];
  const TITLES = ['主事', '主任', '係長', '課長補佐', '課長'];
  const ul = document.querySelector('ul');
  const cards = [];
  for (let i = 0; i < 27; i++) {
    const li = document.createElement('li');
    li.className = 'face-card';
    const x = (i % 3), y = Math.floor(i / 3) * 176;
    if (${JSON.stringify(place)} === 'transform') li.style.transform = 'translate(' + x * 100 + '%, ' + y + 'px)';
    else { li.style.left = (x * 100 / 3) + '%'; li.style.top = y + 'px'; }
    const a = document.createElement('a');
    a.className = 'face-link';
    a.href = '#';
    const spans = ['avatar avatar--generated avatar--hue-1', 'face-name', 'person-kana', 'face-unit', 'face-title'].map(
      (c) => Object.assign(document.createElement('span'), { className: c }),
    );
    spans[0].style.cssText = 'width:72px;height:72px;font-size:30px';
    a.append(...spans);
    li.append(a);
    ul.append(li);
    cards.push({ a, spans });
  }
  let seed = 1;
  const ASCII = ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Ito', 'Watanabe', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Kato'];
  const pick0 = (xs) => xs[(seed = (seed * 1103515245 + 12345) >>> 0) % xs.length];
  const pick = MODE === 'ascii' ? (xs) => pick0(ASCII) : MODE === 'same' ? (xs) => xs[0] : pick0;
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const fill = (n) => { for (const { a, spans: [avatar, name, kana, unit, title] } of cards.slice(0, n)) {
      const family = pick(FAMILY); const full = family + ' ' + pick(GIVEN);
      avatar.textContent = family[0]; name.textContent = full; a.setAttribute('aria-label', full);
      a.href = '/people/' + seed; kana.textContent = pick(KANA) + ' ' + pick(KANA);
      unit.textContent = pick(UNITS); title.textContent = pick(TITLES);
  } };
  fill(27);
  await frame(); await frame();
  performance.mark('go');
  for (let round = 0; round < 40; round++) {
    fill(12);
    ul.style.height = (9000 + round * 176) + 'px';
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
  for (let round = 0; round < 3; round++) {
    for (const [name, v] of Object.entries(variants)) {
      if (only && !only.split(',').includes(name)) continue;
      await page.setContent(
        `<style>${appCss}${v.css}</style><main><p>検索</p><ul class="face-grid face-grid--3" style="height:9000px"></ul></main>`,
      );
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
