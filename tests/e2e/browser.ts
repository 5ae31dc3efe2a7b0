import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchChromium } from '../../tools/browser';
import type { DemoAccount } from '../../tools/demo-org';

export const PHONE = { viewport: { width: 390, height: 844 }, locale: 'ja-JP', deviceScaleFactor: 2 } as const;

export { launchChromium };

export async function newPhone(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...PHONE, serviceWorkers: 'allow' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  return { context, page };
}

export async function signIn(page: Page, appUrl: string, account: Pick<DemoAccount, 'email' | 'password'>) {
  await page.goto(appUrl);
  await page.getByLabel('メールアドレス').fill(account.email);
  await page.getByLabel('パスワード').fill(account.password);
  await page.getByRole('button', { name: 'サインイン' }).click();
  await page.getByRole('searchbox', { name: '職員を検索' }).waitFor({ timeout: 30_000 });
}

/** Waits until the directory shows `count` people (the sync of the snapshot has landed). */
export async function waitForDirectory(page: Page, count: number) {
  await page.getByText(`${count.toLocaleString('ja-JP')}人`, { exact: true }).waitFor({ timeout: 60_000 });
}

/** The service worker controls the page and has precached the app shell. */
export async function waitForOfflineReady(page: Page) {
  await page.waitForFunction(
    async () => {
      const reg = await navigator.serviceWorker.ready;
      return reg.active?.state === 'activated';
    },
    null,
    { timeout: 30_000 },
  );
  expect(await page.evaluate(() => caches.keys().then((k) => k.some((n) => n.includes('precache'))))).toBe(true);
}
