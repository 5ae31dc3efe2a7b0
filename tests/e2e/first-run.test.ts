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
    await signIn(page, appUrl, account('職員'));
    await waitForDirectory(page, staffCount);
    const note = page.getByText('オフラインでも使えるようになりました');
    await note.waitFor({ timeout: 60_000 });
    await note.waitFor({ state: 'detached', timeout: 8_000 });
    await context.close();
  });
});
