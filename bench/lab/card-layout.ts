/**
 * The face cards' layout cost alone, on a static page (no app, no stack): 51 cards in the app's CSS
 * get new Japanese text 40 times, each time laid out at once; the median per variant, three rounds
 * interleaved so the machine's noise falls on all alike. `tsx bench/lab/card-layout.ts`.
 *
 * "before" puts back what the cards had until the keystroke work: system-ui first in the font stack
 * and a flex column per card.
 */
import { readFileSync } from 'node:fs';
import { launchChromium } from '../../tools/browser';

const appCss = readFileSync('src/app/app.css', 'utf8') + readFileSync('src/features/directory/directory.css', 'utf8');
const variants: Record<string, string> = {
  now: '',
  before: `:root { font-family: system-ui, 'Hiragino Sans', 'Noto Sans CJK JP', 'Yu Gothic UI', sans-serif }
    .face-link { display: flex; flex-direction: column; align-items: center; gap: 0.1rem }
    .face-link > * { display: revert; margin-top: 0 } .face-link > .avatar { margin: 0 }
    .face-link > .avatar--generated { display: inline-flex } .face-name { margin-top: 0.3rem }`,
  'font only': `:root { font-family: system-ui, 'Hiragino Sans', 'Noto Sans CJK JP', 'Yu Gothic UI', sans-serif }`,
};

// A string, not a function: tsx wraps functions in a helper (__name) the page does not have.
const PAGE = `(() => {
  const FAMILY = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡邉', '山本', '中村', '小林', '加藤', '吉田', '佐々木'];
  const GIVEN = ['花子', '健一', '大輔', '美咲', '翔太', '陽子', '浩', '直樹', '由美', '拓也'];
  const KANA = ['さとう', 'すずき', 'たかはし', 'たなか', 'いとう', 'わたなべ', 'やまもと', 'なかむら'];
  const UNITS = ['高齢者福祉課 地域支援係', '戸籍住民課 証明係', 'デジタル推進課 システム係', '子ども家庭課 保育係'];
  const TITLES = ['主事', '主任', '係長', '課長補佐', '課長'];
  const ul = document.querySelector('ul');
  const cards = [];
  for (let i = 0; i < 51; i++) {
    const li = document.createElement('li');
    li.className = 'face-card';
    li.style.transform = 'translate(' + (i % 3) * 100 + '%, ' + Math.floor(i / 3) * 176 + 'px)';
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
    cards.push(spans);
  }
  let seed = 1;
  const pick = (xs) => xs[(seed = (seed * 1103515245 + 12345) >>> 0) % xs.length];
  const times = [];
  for (let round = 0; round < 40; round++) {
    const t0 = performance.now();
    for (const [avatar, name, kana, unit, title] of cards) {
      const family = pick(FAMILY);
      avatar.textContent = family[0];
      name.textContent = family + ' ' + pick(GIVEN);
      kana.textContent = pick(KANA) + ' ' + pick(KANA);
      unit.textContent = pick(UNITS);
      title.textContent = pick(TITLES);
    }
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
      await page.setContent(
        `<style>${appCss}${css}</style><main><ul class="face-grid face-grid--3" style="height:9000px"></ul></main>`,
      );
      (medians[name] ??= []).push((await page.evaluate(PAGE)) as number);
    }
  }
  for (const [name, xs] of Object.entries(medians))
    console.log(`${name.padEnd(10)} ${xs.map((x) => x.toFixed(0)).join(' ')} ms (51 cards, 4x throttle)`);
} finally {
  await browser.close();
}
