/**
 * The face cards' layout cost alone, on a static page (no app, no stack): 51 cards in the app's CSS
 * get new Japanese text 40 times, each time laid out at once; the median per variant, three rounds
 * interleaved so the machine's noise falls on all alike. `tsx bench/lab/card-layout.ts`.
 *
 * "before" puts back what the cards had until the keystroke work: system-ui first in the font stack
 * and a flex column per card.
 */
import { launchChromium } from '../../tools/browser';
import { APP_CSS, cardsScript, GRID_HTML } from './card-page';

const variants: Record<string, string> = {
  now: '',
  before: `:root { font-family: system-ui, 'Hiragino Sans', 'Noto Sans CJK JP', 'Yu Gothic UI', sans-serif }
    .face-link { display: flex; flex-direction: column; align-items: center; gap: 0.1rem }
    .face-link > * { display: revert; margin-top: 0 } .face-link > .avatar { margin: 0 }
    .face-link > .avatar--generated { display: inline-flex } .face-name { margin-top: 0.3rem }`,
  'font only': `:root { font-family: system-ui, 'Hiragino Sans', 'Noto Sans CJK JP', 'Yu Gothic UI', sans-serif }`,
};

const PAGE = `(() => {
${cardsScript(51)}
  const times = [];
  for (let round = 0; round < 40; round++) {
    const t0 = performance.now();
    fill(cards.length);
    void document.body.offsetHeight;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[20];
})()`;

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await (await page.context().newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const medians: Record<string, number[]> = {};
  for (let round = 0; round < 3; round++) {
    for (const [name, css] of Object.entries(variants)) {
      await page.setContent(`<style>${APP_CSS}${css}</style>${GRID_HTML}`);
      (medians[name] ??= []).push((await page.evaluate(PAGE)) as number);
    }
  }
  for (const [name, xs] of Object.entries(medians))
    console.log(`${name.padEnd(10)} ${xs.map((x) => x.toFixed(0)).join(' ')} ms (51 cards, 4x throttle)`);
} finally {
  await browser.close();
}
