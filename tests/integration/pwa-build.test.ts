import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stack } from '../stack/context';

/** The build the stack serves (made by the global setup): installable, Japanese, and precaching its shell. */
describe('PWA build output', () => {
  const dist = stack().outDir;
  const manifest = JSON.parse(readFileSync(`${dist}/manifest.webmanifest`, 'utf8')) as {
    name: string;
    short_name: string;
    lang: string;
    display: string;
    theme_color: string;
    icons: { src: string; sizes: string; purpose?: string }[];
  };

  it('has a Japanese manifest with standalone display and 192, 512 and maskable icons that exist', () => {
    expect(manifest).toMatchObject({ short_name: '職員名鑑', lang: 'ja', display: 'standalone' });
    expect(manifest.name).toContain('職員名鑑');
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.icons.map((i) => `${i.sizes}${i.purpose ? ` ${i.purpose}` : ''}`).sort()).toEqual([
      '192x192',
      '512x512',
      '512x512 maskable',
    ]);
    for (const icon of manifest.icons) expect(existsSync(`${dist}/${icon.src}`)).toBe(true);
  });

  it('precaches the app shell and every lazy screen, and never caches API answers by navigation fallback', () => {
    const sw = readFileSync(`${dist}/sw.js`, 'utf8');
    expect(sw).toContain('"index.html"');
    const html = readFileSync(`${dist}/index.html`, 'utf8');
    const entry = /src="\/(assets\/index-[^"]+\.js)"/.exec(html)?.[1];
    expect(entry).toBeTruthy();
    expect(sw).toContain(`"${entry}"`);
    for (const screen of ['SignInScreen', 'connect']) {
      expect(sw).toMatch(new RegExp(`"assets/${screen}-[^"]+\\.js"`));
    }
    // Every chunk the build wrote (each feature's screens load with its paths, in a chunk of their
    // own): none may be missing offline.
    const chunks = readdirSync(`${dist}/assets`).filter((f) => f.endsWith('.js'));
    expect(chunks.filter((f) => f.startsWith('routes-')).length).toBeGreaterThanOrEqual(10);
    for (const chunk of chunks) expect(sw).toContain(`"assets/${chunk}"`);
    expect(sw).toMatch(/denylist:\[\/\^\\\/api\\\/\/\]/);
    expect(sw).toContain('"photos"');
  });
});
