import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, stack } from '../stack/context';
import { launchChromium, newPhone, signIn, waitForDirectory, waitForOfflineReady } from './browser';
import { axeProblems, crossCount, serverYells, shot, syncedAfterOnline } from './recognition';

describe('エール in Chromium on the local stack', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('an エール sent offline by 職員 to 人事 (another 部) reaches them once online, with a notification, the feed, and the HR summary', async () => {
    const { appUrl, staffCount } = stack();
    const shokuin = account('職員');
    const jinji = account('人事');

    const hr = await newPhone(browser);
    await signIn(hr.page, appUrl, jinji);
    await waitForDirectory(hr.page, staffCount);
    const crossBefore = await crossCount(hr.page);
    expect(Number.isFinite(crossBefore)).toBe(true);

    const me = await newPhone(browser);
    await signIn(me.page, appUrl, shokuin);
    await waitForDirectory(me.page, staffCount);
    await waitForOfflineReady(me.page);
    // Visit the lazy routes online once, as a phone would have; the service worker precached them anyway.
    await me.page.getByRole('link', { name: 'エール', exact: true }).click();
    await me.page.getByRole('heading', { level: 1, name: 'エール' }).waitFor();
    await shot(me.page, 'yell-feed-before');

    // No signal: compose from the recipient's profile.
    await me.context.setOffline(true);
    await me.page.goto(`${appUrl}/people/${jinji.staffId}`);
    await me.page.getByRole('heading', { level: 1, name: jinji.name }).waitFor({ timeout: 15_000 });
    await me.page.getByRole('link', { name: 'エールを送る' }).click();
    await me.page.getByRole('list', { name: '宛先' }).getByText(jinji.name).waitFor();
    const message = `研修の資料、助かりました <i>斜体ではない</i> ${Date.now()}`;
    await me.page.getByLabel('メッセージ').fill(message);
    await me.page.getByText('オフラインです。送ると「送信待ち」になり、接続したときに届きます。').waitFor();
    await shot(me.page, 'yell-compose-offline');
    await me.page.getByRole('button', { name: '送る' }).click();
    const sent = me.page.getByRole('list', { name: '送った' });
    const card = sent.locator('.yell-card', { hasText: message });
    await card.getByText('送信待ち').waitFor({ timeout: 5_000 });
    await shot(me.page, 'yell-sent-pending');

    // Signal again: the outbox empties and the server's copy replaces the pending one.
    await syncedAfterOnline(me.page);
    await card.getByText('送信待ち').waitFor({ state: 'detached', timeout: 30_000 });
    expect(await sent.locator('.yell-card', { hasText: message }).count()).toBe(1);

    // The recipient: a notification (bell and list), the エール in 受け取った, and the feed, as text.
    await hr.page.goto(`${appUrl}/`);
    await hr.page.getByRole('link', { name: /お知らせ（未読\d+件）/ }).waitFor({ timeout: 30_000 });
    await hr.page.getByRole('link', { name: /お知らせ/ }).click();
    await hr.page.getByText(`${shokuin.name}さんからエールが届きました`).first().waitFor({ timeout: 15_000 });
    await shot(hr.page, 'notifications');
    await hr.page.goto(`${appUrl}/yells/received`);
    await hr.page.getByRole('list', { name: '受け取った' }).getByText(message).waitFor({ timeout: 15_000 });
    expect(await hr.page.locator('.yell-message i').count()).toBe(0);
    await hr.page.getByRole('link', { name: 'フィード' }).click();
    await hr.page.getByRole('list', { name: 'フィード' }).getByText(message).waitFor();
    await shot(hr.page, 'yell-feed');

    // The HR summary counts one more エール across departments (the two sit in different 部).
    const crossAfter = await crossCount(hr.page);
    expect(crossAfter).toBe(crossBefore + 1);
    await shot(hr.page, 'recognition-summary');

    // Exactly one on the server.
    expect((await serverYells('人事')).filter((y) => y.message === message)).toHaveLength(1);

    await me.context.close();
    await hr.context.close();
  });

  it('a tab closed between sending and acknowledgement, then reopened: the エール arrives once, neither lost nor doubled', async () => {
    const { appUrl, staffCount } = stack();
    const shokuin = account('職員');
    const kacho = account('課長');
    const me = await newPhone(browser);
    await signIn(me.page, appUrl, shokuin);
    await waitForDirectory(me.page, staffCount);

    // The request reaches the server (which applies it), but the answer never reaches the tab.
    let forwarded!: () => void;
    const reachedServer = new Promise<void>((r) => (forwarded = r));
    await me.page.route('**/api/mutations', async (route) => {
      await route.fetch();
      forwarded();
      await new Promise(() => undefined);
    });
    const message = `閉じたタブからのエール ${Date.now()}`;
    await me.page.goto(`${appUrl}/yells/new?to=${kacho.staffId}`);
    await me.page.getByLabel('メッセージ').fill(message);
    await me.page.getByRole('button', { name: '送る' }).click();
    await me.page.getByRole('list', { name: '送った' }).getByText('送信待ち').first().waitFor();
    await reachedServer;
    expect((await serverYells('職員')).filter((y) => y.message === message)).toHaveLength(1);
    await me.page.close();

    // Reopened: the outbox still holds the send; it goes again and the server answers "duplicate".
    const again = await me.context.newPage();
    await again.goto(`${appUrl}/yells/sent`);
    const sent = again.getByRole('list', { name: '送った' });
    await sent.getByText(message).waitFor({ timeout: 15_000 });
    await again.getByRole('status').filter({ hasText: '最新' }).waitFor({ timeout: 30_000 });
    await sent
      .locator('.yell-card', { hasText: message })
      .getByText('送信待ち')
      .waitFor({ state: 'detached', timeout: 30_000 });
    expect(await sent.locator('.yell-card', { hasText: message }).count()).toBe(1);
    expect(
      await again.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const open = indexedDB.open('shokuin-meikan');
            open.onsuccess = () => {
              const req = open.result.transaction('outbox').objectStore('outbox').count();
              req.onsuccess = () => resolve(req.result);
            };
          }),
      ),
    ).toBe(0);
    expect((await serverYells('職員')).filter((y) => y.message === message)).toHaveLength(1);
    expect((await serverYells('課長')).filter((y) => y.message === message)).toHaveLength(1);
    await me.context.close();
  });

  it('has no serious or critical axe violations on the エール, compose, notifications and summary screens', async () => {
    const { appUrl, staffCount } = stack();
    const { page, context } = await newPhone(browser);
    await signIn(page, appUrl, account('人事'));
    await waitForDirectory(page, staffCount);
    const screens: [string, string][] = [
      ['feed', `${appUrl}/yells`],
      ['received', `${appUrl}/yells/received`],
      ['sent', `${appUrl}/yells/sent`],
      ['compose', `${appUrl}/yells/new?to=${account('職員').staffId}`],
      ['notifications', `${appUrl}/notifications`],
      ['summary', `${appUrl}/recognition/summary`],
      ['profile', `${appUrl}/people/${account('職員').staffId}`],
    ];
    const problems: string[] = [];
    for (const [name, url] of screens) {
      await page.goto(url);
      await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 15_000 });
      await page.waitForTimeout(500);
      if (name === 'compose') await shot(page, 'yell-compose');
      for (const p of await axeProblems(page)) problems.push(`${name}: ${p}`);
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});
