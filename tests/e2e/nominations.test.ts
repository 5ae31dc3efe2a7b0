import type { Browser, Page } from 'playwright-core';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokyoYear } from '../../src/domain/nominations';
import { SYNC_FEEDS } from '../../src/domain/sync-protocol';
import { account, stack } from '../stack/context';
import { launchChromium, newPhone, signIn, waitForDirectory, waitForOfflineReady } from './browser';
import { axeProblems, crossCount, serverYells, shot, syncedAfterOnline, syncFeed } from './recognition';

/** The sync badge says 最新: the outbox is empty and the last pull is in. */
async function synced(page: Page) {
  await page.getByRole('status').filter({ hasText: '最新' }).waitFor({ timeout: 30_000 });
}

describe('commendations in Chromium on the local stack (C1-C3)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('issue 4 acceptance: an エール sent offline across 部 is delivered, notified, in the feed and the HR KPI; 職員 nominates from it; 表彰委員 awards it; the winner agrees; the award is on the profile', async () => {
    const { appUrl, staffCount } = stack();
    const shokuin = account('職員');
    const jinji = account('人事');
    const iin = account('表彰委員');

    // The acceptance, as one chain. HR's summary first, to see it move.
    const hr = await newPhone(browser);
    await signIn(hr.page, appUrl, jinji);
    await waitForDirectory(hr.page, staffCount);
    const crossBefore = await crossCount(hr.page);
    expect(Number.isFinite(crossBefore)).toBe(true);

    // 職員 (区民生活部) thanks 人事 (総務部 人事課) with no signal, from 人事's profile.
    const me = await newPhone(browser);
    await signIn(me.page, appUrl, shokuin);
    await waitForDirectory(me.page, staffCount);
    await waitForOfflineReady(me.page);
    await synced(me.page);
    await me.context.setOffline(true);
    await me.page.goto(`${appUrl}/people/${jinji.staffId}`);
    await me.page.getByRole('heading', { level: 1, name: jinji.name }).waitFor({ timeout: 15_000 });
    await me.page.getByRole('link', { name: 'エールを送る' }).click();
    await me.page.getByRole('list', { name: '宛先' }).getByText(jinji.name).waitFor();
    const message = `研修の準備を手伝ってくださり、ありがとうございました ${Date.now()}`;
    await me.page.getByLabel('メッセージ').fill(message);
    await me.page.getByRole('button', { name: '送る' }).click();
    const card = me.page.getByRole('list', { name: '送った' }).locator('.yell-card', { hasText: message });
    await card.getByText('送信待ち').waitFor({ timeout: 5_000 });

    // Online again: delivered once; the recipient gets a notification, the feed shows it, the KPI moves.
    await syncedAfterOnline(me.page);
    await card.getByText('送信待ち').waitFor({ state: 'detached', timeout: 30_000 });
    expect((await serverYells('人事')).filter((y) => y.message === message)).toHaveLength(1);
    await hr.page.goto(`${appUrl}/notifications`);
    await hr.page.getByText(`${shokuin.name}さんからエールが届きました`).first().waitFor({ timeout: 30_000 });
    await hr.page.goto(`${appUrl}/yells`);
    await hr.page.getByRole('list', { name: 'フィード' }).getByText(message).waitFor({ timeout: 30_000 });
    expect(await crossCount(hr.page)).toBe(crossBefore + 1);
    await hr.context.close();

    // 職員 starts a nomination from that エール: its recipient is the nominee and the エール is ticked.
    await card.getByRole('link', { name: '表彰に推薦' }).click();
    await me.page.getByRole('heading', { level: 1, name: '表彰に推薦' }).waitFor();
    await me.page.getByRole('button', { name: `${jinji.name}を外す` }).waitFor();
    expect(await me.page.getByRole('checkbox', { name: new RegExp(message.slice(0, 12)) }).isChecked()).toBe(true);
    const reason = '部署をこえて研修の準備を支え、<b>参加者アンケート</b>の満足度を大きく上げました。';
    await me.page.getByLabel('推薦理由').fill(reason);
    await me.page.getByText(`${[...reason].length} / 800文字`).waitFor();
    await shot(me.page, 'nomination-new');
    await me.page.getByRole('button', { name: '推薦を送る' }).click();
    await me.page.getByRole('heading', { level: 1, name: '職員表彰' }).waitFor();
    await me.page.getByText('送信待ち').waitFor({ state: 'detached', timeout: 30_000 });
    // Markup in the reason is text.
    await me.page.locator('.nomination-reason', { hasText: '<b>参加者アンケート</b>' }).waitFor();
    await shot(me.page, 'nomination-detail-nominator');
    const nominationId = me.page.url().split('/').at(-1) ?? '';

    // The nominee does not see it yet (no spoiler), through the API.
    const early = v.parse(SYNC_FEEDS.nominations.answer, await syncFeed('人事', 'nominations', 0));
    expect(early.nominations.map((n) => n.id)).not.toContain(nominationId);

    // 表彰委員: another 部, never 人事課 (tools/demo-org chooses the committee so), so eligible.
    const committee = await newPhone(browser);
    await signIn(committee.page, appUrl, iin);
    await waitForDirectory(committee.page, staffCount);
    await synced(committee.page);
    await committee.page.goto(`${appUrl}/nominations`);
    const toReview = committee.page.getByRole('list', { name: '審査する推薦' });
    await toReview.getByRole('link', { name: jinji.name }).click();
    await committee.page.getByRole('heading', { level: 1, name: '職員表彰' }).waitFor();
    await committee.page.getByLabel('変更後の状況').selectOption('under_review');
    await committee.page.getByLabel('コメント（委員のみ閲覧）').fill('審査を始めます');
    await committee.page.getByRole('button', { name: '審査状況を変更' }).click();
    await committee.page.locator('.nomination-status', { hasText: '審査中' }).waitFor({ timeout: 30_000 });
    await synced(committee.page);
    await committee.page.getByLabel('変更後の状況').selectOption('awarded');
    await committee.page.getByLabel('コメント（委員のみ閲覧）').fill('全会一致で表彰');
    await committee.page.getByRole('button', { name: '審査状況を変更' }).click();
    await committee.page.locator('.nomination-status', { hasText: '表彰決定' }).waitFor({ timeout: 30_000 });
    await committee.page.getByRole('button', { name: '監査ログを読み込む' }).click();
    await committee.page
      .getByRole('list', { name: '監査ログ' })
      .getByText(/審査（表彰決定）/)
      .waitFor();
    await shot(committee.page, 'nomination-detail-committee');

    // The winner: asked on the 表彰 screen, agrees; the award reaches the profile through the directory.
    const winner = await newPhone(browser);
    await signIn(winner.page, appUrl, jinji);
    await waitForDirectory(winner.page, staffCount);
    await synced(winner.page);
    await winner.page.goto(`${appUrl}/people/${jinji.staffId}`);
    await winner.page.getByRole('link', { name: '表彰・推薦' }).click();
    await winner.page.getByText('「職員表彰」をプロフィールに掲載しますか？').waitFor({ timeout: 30_000 });
    await shot(winner.page, 'nomination-consent');
    await winner.page.getByRole('button', { name: '掲載する' }).click();
    await winner.page.getByText('プロフィールに掲載しています。').waitFor({ timeout: 30_000 });
    await synced(winner.page);
    const line = `${tokyoYear(new Date().toISOString())}年 職員表彰`;
    await winner.page.goto(`${appUrl}/people/${jinji.staffId}`);
    await winner.page.locator('.profile-award-list', { hasText: line }).waitFor({ timeout: 30_000 });
    await shot(winner.page, 'profile-awards');

    // And on another phone: the nominator's, after its next pull.
    await me.page.goto(`${appUrl}/nominations`);
    await synced(me.page);
    await me.page
      .getByRole('list', { name: '自分の推薦' })
      .locator('.nomination-card', { hasText: '表彰決定' })
      .waitFor({ timeout: 30_000 });
    await shot(me.page, 'nominations-list-nominator');
    await me.page.goto(`${appUrl}/people/${jinji.staffId}`);
    await me.page.locator('.profile-award-list', { hasText: line }).waitFor({ timeout: 30_000 });
    await shot(me.page, 'profile-awards-seen-by-nominator');

    await me.context.close();
    await committee.context.close();
    await winner.context.close();
  });

  it('has no serious or critical axe violations on the 表彰 screens, and they fit 390 px', async () => {
    const { appUrl, staffCount } = stack();
    const { page, context } = await newPhone(browser);
    await signIn(page, appUrl, account('表彰委員'));
    await waitForDirectory(page, staffCount);
    for (const [name, url] of [
      ['list', `${appUrl}/nominations`],
      ['new', `${appUrl}/nominations/new?nominee=${account('職員').staffId}`],
    ] as const) {
      await page.goto(url);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await axeProblems(page), name).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
      await shot(page, `nominations-${name}-committee`);
    }
    await context.close();
  });
});
