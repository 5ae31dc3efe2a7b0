import type { Browser, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, stack } from '../stack/context';
import { launchChromium, PHONE, signIn, waitForDirectory } from './browser';

/**
 * Issue 22, the first run on a new phone, in Chromium on the local stack (3,000 people: three
 * chunks, the first inside the sync answer). Service workers are blocked where requests are held
 * back, so every request of the page passes Playwright's routes.
 */
describe('the first run on a new phone', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the エール feed as loading, never empty, and the badge not 最新, until the first sync answer is in', async () => {
    const { appUrl, staffCount } = stack();
    const context = await browser.newContext({ ...PHONE, serviceWorkers: 'block' });
    const page = await context.newPage();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    // The first POST /sync waits until the test has looked.
    let first = true;
    await context.route('**/api/sync', async (route: Route) => {
      if (first) {
        first = false;
        await held;
      }
      await route.continue();
    });
    await signIn(page, appUrl, account('職員'));
    await page.getByRole('link', { name: 'エール', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'エール' }).waitFor();
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) {
      seen.push((await page.locator('.yell-page').textContent()) ?? '');
      await page.waitForTimeout(200);
    }
    expect(seen.every((text) => text.includes('読み込み中…'))).toBe(true);
    expect(seen.some((text) => text.includes('まだ公開のエールはありません'))).toBe(false);
    expect(await page.locator('.sync-badge').textContent()).not.toBe('最新');

    release();
    await page.locator('.sync-badge', { hasText: /^最新$/ }).waitFor({ timeout: 60_000 });
    expect(await page.locator('.yell-page').textContent()).not.toContain('読み込み中…');
    await page
      .getByRole('link', { name: /名簿|職員名鑑/ })
      .first()
      .click();
    await waitForDirectory(page, staffCount);
    await context.close();
  });

  it('resumes a download a closed tab left: the chunks it had are not fetched again', async () => {
    const { appUrl, staffCount } = stack();
    const context = await browser.newContext({ ...PHONE, serviceWorkers: 'block' });
    const chunks = (url: string) => Number(/\/chunks\/(\d+)$/.exec(new URL(url).pathname)?.[1] ?? NaN);
    const asked: number[] = [];
    // In the first tab the last chunk never comes.
    await context.route('**/api/directory/snapshots/*/chunks/*', async (route: Route) => {
      const n = chunks(route.request().url());
      asked.push(n);
      if (n === 2) return; // left hanging, like a tab closed mid-download
      await route.continue();
    });
    const tab = await context.newPage();
    await signIn(tab, appUrl, account('職員'));
    // The first chunk came inside the sync answer, the second by itself: 2,000 of 3,000.
    await tab.getByText(`読み込み中 2,000 / ${staffCount.toLocaleString('ja-JP')}人`).waitFor({ timeout: 60_000 });
    expect(await tab.getByRole('progressbar', { name: '名簿の受信' }).count()).toBe(1);
    expect(asked).not.toContain(0);
    await tab.close();

    await context.unroute('**/api/directory/snapshots/*/chunks/*');
    const again: number[] = [];
    await context.route('**/api/directory/snapshots/*/chunks/*', async (route: Route) => {
      again.push(chunks(route.request().url()));
      await route.continue();
    });
    const next = await context.newPage();
    await next.goto(appUrl);
    await waitForDirectory(next, staffCount);
    expect(again).toEqual([2]);
    expect(await next.getByRole('progressbar').count()).toBe(0);
    await context.close();
  });

  it('lets the "ready offline" note go by itself', async () => {
    const { appUrl, staffCount } = stack();
    const context = await browser.newContext({ ...PHONE, serviceWorkers: 'allow' });
    const page = await context.newPage();
    // When the note comes and when it goes, seen by the page itself: on a slow machine the service
    // worker may be ready (and the note gone again) before the directory has finished arriving.
    await page.addInitScript(() => {
      const w = window as unknown as { __note: { shown?: number; gone?: number } };
      w.__note = {};
      new MutationObserver(() => {
        const up = (document.body?.textContent ?? '').includes('オフラインでも使えるようになりました');
        if (up && w.__note.shown === undefined) w.__note.shown = performance.now();
        if (!up && w.__note.shown !== undefined && w.__note.gone === undefined) w.__note.gone = performance.now();
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await signIn(page, appUrl, account('職員'));
    await waitForDirectory(page, staffCount);
    await page.waitForFunction('window.__note.gone !== undefined', null, { timeout: 90_000, polling: 100 });
    const { shown, gone } = (await page.evaluate('window.__note')) as { shown: number; gone: number };
    // Nobody closed it: it stayed its few seconds (OFFLINE_READY_MS, 4 s), then went by itself.
    expect(gone - shown).toBeGreaterThan(3_500);
    expect(gone - shown).toBeLessThan(8_000);
    await context.close();
  });
});
