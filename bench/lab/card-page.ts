/**
 * The static page of face cards that bench/lab/card-layout.ts and card-frame.ts time: the app's
 * CSS, and a script (a string: tsx wraps functions in a helper, __name, that the page does not
 * have) that builds cards as FaceGrid renders them and fills them with Japanese names.
 */
import { readFileSync } from 'node:fs';

export const APP_CSS =
  readFileSync('src/app/app.css', 'utf8') + readFileSync('src/features/directory/directory.css', 'utf8');

/** The page's body: a three-column face grid, tall enough for every card. */
export const GRID_HTML = '<main><p>検索</p><ul class="face-grid face-grid--3" style="height:9000px"></ul></main>';

/**
 * Script that defines `cards` (count of them, placed by a transform or by top/left) and `fill(n)`,
 * which gives the first n cards a new person's text. `mode` 'same' fills the same text every time
 * (the shaper's cache always hits), 'ascii' Latin names instead of Japanese, 'oneblock' the four
 * lines of text as inline spans in one block, broken by <br>.
 */
export function cardsScript(count: number, place: 'transform' | 'topleft' = 'transform', mode = ''): string {
  return `
  const FAMILY = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡邉', '山本', '中村', '小林', '加藤', '吉田', '佐々木'];
  const GIVEN = ['花子', '健一', '大輔', '美咲', '翔太', '陽子', '浩', '直樹', '由美', '拓也'];
  const KANA = ['さとう', 'すずき', 'たかはし', 'たなか', 'いとう', 'わたなべ', 'やまもと', 'なかむら'];
  const UNITS = ['高齢者福祉課 地域支援係', '戸籍住民課 証明係', 'デジタル推進課 システム係', '子ども家庭課 保育係'];
  const TITLES = ['主事', '主任', '係長', '課長補佐', '課長'];
  const ASCII = ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Ito', 'Watanabe', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Kato'];
  const ul = document.querySelector('ul');
  const cards = [];
  for (let i = 0; i < ${count}; i++) {
    const li = document.createElement('li');
    li.className = 'face-card';
    const x = i % 3, y = Math.floor(i / 3) * 176;
    if (${JSON.stringify(place)} === 'transform') li.style.transform = 'translate(' + x * 100 + '%, ' + y + 'px)';
    else { li.style.left = (x * 100) / 3 + '%'; li.style.top = y + 'px'; }
    const a = document.createElement('a');
    a.className = 'face-link';
    a.href = '#';
    const spans = ['avatar avatar--generated avatar--hue-1', 'face-name', 'person-kana', 'face-unit', 'face-title'].map(
      (c) => Object.assign(document.createElement('span'), { className: c }),
    );
    spans[0].style.cssText = 'width:72px;height:72px;font-size:30px;line-height:72px';
    if (${JSON.stringify(mode)} === 'oneblock') {
      const text = Object.assign(document.createElement('span'), { className: 'face-text' });
      spans.slice(1).forEach((s, i) => (i ? text.append(document.createElement('br'), s) : text.append(s)));
      a.append(spans[0], text);
    } else a.append(...spans);
    li.append(a);
    ul.append(li);
    cards.push({ a, spans });
  }
  let seed = 1;
  const random = (xs) => xs[(seed = (seed * 1103515245 + 12345) >>> 0) % xs.length];
  const MODE = ${JSON.stringify(mode)};
  const pick = MODE === 'ascii' ? () => random(ASCII) : MODE === 'same' ? (xs) => xs[0] : random;
  const fill = (n) => {
    for (const { a, spans: [avatar, name, kana, unit, title] } of cards.slice(0, n)) {
      const family = pick(FAMILY);
      const full = family + ' ' + pick(GIVEN);
      avatar.textContent = family[0];
      name.textContent = full;
      a.setAttribute('aria-label', full);
      a.href = '/people/' + seed;
      kana.textContent = pick(KANA) + ' ' + pick(KANA);
      unit.textContent = pick(UNITS);
      title.textContent = pick(TITLES);
    }
  };`;
}
