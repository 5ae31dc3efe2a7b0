import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, stack } from '../stack/context';
import { launchChromium, newPhone, signIn, waitForDirectory } from './browser';

/** Serious and critical axe-core violations on the page as it is now, as readable lines. */
async function axeProblems(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('directory screens in Chromium at phone size', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchChromium();
    page = (await newPhone(browser)).page;
    await signIn(page, stack().appUrl, account('職員'));
    await waitForDirectory(page, stack().staffCount);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('finds a colleague as you type, in the search worker, by family name and by reading', async () => {
    const kacho = account('課長');
    const family = kacho.name.split(' ')[0] ?? '';
    const box = page.getByRole('searchbox', { name: '職員を検索' });
    await box.fill(family);
    await page.getByRole('link', { name: kacho.name }).first().waitFor({ timeout: 10_000 });
    await expect(page.locator('.result-count').textContent()).resolves.toMatch(/人が見つかりました/);
    await box.fill('ｼﾞﾝｼﾞｶ'); // half-width katakana for 人事課
    await page
      .getByRole('link', { name: account('人事').name })
      .first()
      .waitFor({ timeout: 10_000 });
    await box.fill('');
  });

  it('shows each keystroke’s results in the frame of its typed character: cross-origin isolated, the answer read from memory shared with the worker', async () => {
    await expect(page.evaluate(() => crossOriginIsolated)).resolves.toBe(true);
    const box = page.getByRole('searchbox', { name: '職員を検索' });
    // The worker has its index (and the shared memory) once it has answered once.
    await box.fill('さ');
    await page.getByText(/人が見つかりました/).waitFor({ timeout: 10_000 });
    await box.fill('');
    await page.evaluate(() => {
      const w = window as unknown as { __frames: { value: string; shown: string; later: string }[] };
      w.__frames = [];
      const count = () => document.querySelector('.result-count')?.textContent ?? '';
      // Captured at the window: runs before the box's own listener. The frame callback runs just
      // before the browser paints, so what it reads is what the first frame after the key shows.
      window.addEventListener(
        'input',
        (e) => {
          const value = (e.target as HTMLInputElement).value;
          requestAnimationFrame(() => {
            const frame = { value, shown: count(), later: '' };
            w.__frames.push(frame);
            setTimeout(() => (frame.later = count()), 250);
          });
        },
        { capture: true },
      );
    });
    try {
      await box.focus();
      await page.keyboard.type('さとう', { delay: 400 });
      await page.waitForTimeout(400);
      const frames = await page.evaluate(
        () => (window as unknown as { __frames: { value: string; shown: string; later: string }[] }).__frames,
      );
      expect(frames.map((f) => f.value)).toEqual(['さ', 'さと', 'さとう']);
      // Each key changed the results (else this would show nothing), and its first frame already showed them.
      expect(new Set(frames.map((f) => f.later)).size).toBe(3);
      for (const f of frames) expect(f.shown).toBe(f.later);
    } finally {
      await box.fill('');
    }
  });

  it('says on each card why a skill search found the person, from the search worker', async () => {
    const box = page.getByRole('searchbox', { name: '職員を検索' });
    try {
      await box.fill('手話');
      const grid = page.getByRole('list', { name: '職員一覧' });
      const first = grid.getByRole('link').first();
      await first.locator('.match-reason').waitFor({ timeout: 10_000 });
      // The people on screen were all found by a field their card does not show.
      const reasons = await grid
        .locator('li')
        .evaluateAll((cards) =>
          cards
            .filter((li) => li.getBoundingClientRect().top < innerHeight)
            .map((li) => li.querySelector('.match-reason')?.textContent ?? `no reason: ${li.textContent ?? ''}`),
        );
      expect(reasons.length).toBeGreaterThan(3);
      for (const r of reasons) expect(r).toMatch(/^(スキル|資格|趣味・特技)：.*手話/);
      expect(await axeProblems(page)).toEqual([]);
    } finally {
      await box.fill('');
    }
  });

  it('has no serious or critical axe violations on the directory, a profile, the edit screen and peers', async () => {
    const { appUrl } = stack();
    const me = account('職員');
    const screens: [string, string][] = [
      ['directory', `${appUrl}/`],
      ['profile', `${appUrl}/people/${account('課長').staffId}`],
      ['edit', `${appUrl}/me/edit`],
      ['peers', `${appUrl}/peers`],
      ['own profile', `${appUrl}/people/${me.staffId}`],
    ];
    const problems: string[] = [];
    for (const [name, url] of screens) {
      await page.goto(url);
      await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 15_000 });
      await page.waitForTimeout(300);
      for (const p of await axeProblems(page)) problems.push(`${name}: ${p}`);
    }
    expect(problems).toEqual([]);
  });
});
