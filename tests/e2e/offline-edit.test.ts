import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, stack } from '../stack/context';
import { launchChromium, newPhone, signIn, waitForDirectory, waitForOfflineReady } from './browser';

describe('offline-first directory and self-introduction, in Chromium on the local stack', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the directory and a profile offline after a reload, and an intro edited offline reaches another user', async () => {
    const { appUrl, staffCount } = stack();
    const shokuin = account('職員');
    const kacho = account('課長');

    // The 課長 is signed in on their own phone before anything changes.
    const other = await newPhone(browser);
    await signIn(other.page, appUrl, kacho);
    await waitForDirectory(other.page, staffCount);

    const me = await newPhone(browser);
    await signIn(me.page, appUrl, shokuin);
    await waitForDirectory(me.page, staffCount);

    // A profile from the directory: the first person in the list.
    const firstPerson = me.page.getByRole('list', { name: '職員一覧' }).getByRole('link').first();
    // A card's accessible name is the person's name, then (after 、) their whole unit path.
    const firstName = (await firstPerson.getAttribute('aria-label'))?.split('、')[0];
    expect(firstName).toBeTruthy();
    await firstPerson.click();
    await me.page.getByRole('heading', { level: 1, name: firstName ?? '' }).waitFor();
    await waitForOfflineReady(me.page);

    // No signal: reload the profile, then the directory.
    await me.context.setOffline(true);
    await me.page.reload();
    await me.page.getByRole('heading', { level: 1, name: firstName ?? '' }).waitFor({ timeout: 15_000 });
    await me.page.getByRole('link', { name: '← 名簿' }).click();
    await waitForDirectory(me.page, staffCount);
    await expect(
      me.page
        .getByRole('link', { name: firstName ?? '' })
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await expect(me.page.getByRole('status').first().textContent()).resolves.toContain('オフライン');

    // Still offline: edit one's own self-introduction.
    const newIntro = `オフラインで書いた自己紹介です <b>太字ではない</b> ${Date.now()}`;
    await me.page.getByRole('link', { name: '自分' }).click();
    await me.page.getByRole('link', { name: 'プロフィールを編集' }).click();
    await me.page.getByLabel('自己紹介', { exact: true }).fill(newIntro);
    await me.page.getByRole('button', { name: '保存' }).click();
    await me.page.getByText(newIntro).waitFor();
    await me.page.getByText('未送信 1件').first().waitFor();

    // Signal again: the outbox empties.
    await me.context.setOffline(false);
    await me.page.evaluate(() => window.dispatchEvent(new Event('online')));
    await me.page.getByRole('status').filter({ hasText: '最新' }).waitFor({ timeout: 30_000 });

    // The 課長 opens the app again (a sync runs at start) and sees the new text, as text.
    await other.page.goto(`${appUrl}/people/${shokuin.staffId}`);
    await other.page.getByText(newIntro).waitFor({ timeout: 30_000 });
    expect(await other.page.locator('.intro b').count()).toBe(0);

    await me.context.close();
    await other.context.close();
  });
});
