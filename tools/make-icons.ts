/**
 * Renders the app icons from one SVG with Chromium, so no image toolchain is needed.
 * Run after changing the design: `npx tsx tools/make-icons.ts` (the PNGs are committed).
 */
import { writeFile } from 'node:fs/promises';
import { launchChromium } from './browser';

const face = (bg: string, scale: number) => `
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="100%" height="100%">
  <rect width="64" height="64" fill="${bg}"/>
  <g transform="translate(32 32) scale(${scale}) translate(-32 -32)">
    <circle cx="24" cy="25" r="9" fill="#f7f5f0"/><circle cx="42" cy="27" r="7" fill="#cfe3f1"/>
    <path d="M9 52c2-10 8-15 15-15s13 5 15 15z" fill="#f7f5f0"/><path d="M33 52c1-8 5-12 9-12s9 4 11 12z" fill="#cfe3f1"/>
  </g>
</svg>`;

// Maskable icons keep their content inside the central 80% safe zone.
const icons = [
  { file: 'public/icons/icon-192.png', size: 192, svg: face('#1f5f8b', 0.9) },
  { file: 'public/icons/icon-512.png', size: 512, svg: face('#1f5f8b', 0.9) },
  { file: 'public/icons/maskable-512.png', size: 512, svg: face('#1f5f8b', 0.7) },
  { file: 'public/apple-touch-icon.png', size: 180, svg: face('#1f5f8b', 0.85) },
];

const browser = await launchChromium();
try {
  for (const { file, size, svg } of icons) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<html><body style="margin:0">${svg}</body></html>`);
    await writeFile(file, await page.screenshot({ type: 'png' }));
    await page.close();
  }
} finally {
  await browser.close();
}
