import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_FACES_MARK } from '../../src/features/directory/first-screen';
import { SNAPSHOT_ID, SNAPSHOT_KEY, SNAPSHOT_MARK, SNAPSHOT_REMOVED_MARK } from '../../src/features/directory/snapshot';
import { account, stack } from '../stack/context';
import { launchChromium, newPhone, signIn, waitForDirectory, waitForOfflineReady } from './browser';

/** A phone signed in as the 職員, whose directory has kept a copy of its first screen. */
async function phoneWithCopy(browser: Browser) {
  const { appUrl, staffCount } = stack();
  const phone = await newPhone(browser);
  await signIn(phone.page, appUrl, account('職員'));
  await waitForDirectory(phone.page, staffCount);
  await waitForOfflineReady(phone.page);
  // The first start after the sign-in keeps its first screen.
  await phone.page.reload();
  await waitForDirectory(phone.page, staffCount);
  await phone.page.waitForFunction((key) => localStorage.getItem(key) !== null, SNAPSHOT_KEY, { timeout: 10_000 });
  return phone;
}

describe('the copy of the last first screen, in Chromium on the local stack', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows a copy that cannot be used: inert, hidden from assistive technology, links that do not navigate', async () => {
    const { context, page } = await phoneWithCopy(browser);
    // The app never takes the copy's place in this page: its removal is made to do nothing.
    await page.addInitScript((id) => {
      const remove = Element.prototype.remove;
      Element.prototype.remove = function (this: Element) {
        if (this.id !== id) remove.call(this);
      };
    }, SNAPSHOT_ID);
    await page.reload();
    const copy = page.locator(`#${SNAPSHOT_ID}`);
    // The app renders beneath it, unseen, for as long as the copy stands.
    await copy.waitFor({ state: 'visible' });
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, FIRST_FACES_MARK);
    await expect(copy.evaluate((e) => (e as HTMLElement).inert && e.getAttribute('aria-hidden'))).resolves.toBe('true');
    await expect(copy.getByRole('link').count()).resolves.toBe(0);
    const link = copy.locator('a[href^="/people/"]').first();
    await link.click({ force: true });
    await page.waitForTimeout(500);
    expect(new URL(page.url()).pathname).toBe('/');
    await context.close();
  });

  it('paints the faces from index.html offline before the app has run, gives way to the app, and goes at sign-out', async () => {
    const { context, page } = await phoneWithCopy(browser);
    const { staffCount } = stack();

    // No signal, and a slow phone: the app's own faces take a while, the copy's do not.
    await context.setOffline(true);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.reload();
    await waitForDirectory(page, staffCount);
    const marks = await page.evaluate(
      ([copyName, appName, removedName]) => {
        const at = (name = '') => performance.getEntriesByName(name)[0] as PerformanceMark | undefined;
        const copy = at(copyName);
        return {
          copy: copy?.startTime,
          faces: (copy?.detail as { faces?: number } | null)?.faces,
          app: at(appName)?.startTime,
          removed: at(removedName)?.startTime,
        };
      },
      [SNAPSHOT_MARK, FIRST_FACES_MARK, SNAPSHOT_REMOVED_MARK],
    );
    expect(marks.faces).toBeGreaterThan(0);
    expect(marks.copy).toBeLessThan(marks.app ?? 0);
    // Removed as the app's faces came, not by the copy's own timer or the app's fallback (5 s).
    expect((marks.removed ?? Infinity) - (marks.app ?? 0)).toBeLessThan(1000);

    // The app's screen stands alone: the copy is gone, each person is one link in the DOM, and it works.
    await expect(page.locator(`#${SNAPSHOT_ID}`).count()).resolves.toBe(0);
    const first = page.getByRole('list', { name: '職員一覧' }).getByRole('link').first();
    const name = (await first.getAttribute('aria-label')) ?? '';
    await expect(page.locator(`a[aria-label="${name}"]`).count()).resolves.toBe(1);
    await first.click();
    // The card's accessible name is the person's name and their whole unit path; the profile's heading, the name.
    await page.getByRole('heading', { level: 1, name: name.split('、')[0] ?? '' }).waitFor();

    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await context.setOffline(false);
    await page.getByRole('button', { name: 'サインアウト' }).click();
    await page.getByRole('button', { name: 'サインイン' }).waitFor();
    await expect(page.evaluate((key) => localStorage.getItem(key), SNAPSHOT_KEY)).resolves.toBeNull();
    await page.reload();
    await page.getByRole('button', { name: 'サインイン' }).waitFor();
    await expect(page.locator(`#${SNAPSHOT_ID}`).count()).resolves.toBe(0);
    await context.close();
  });
});
