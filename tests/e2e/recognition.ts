/** Helpers shared by the エール and 表彰 end-to-end tests (tests only). */
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import * as v from 'valibot';
import { expect } from 'vitest';
import { SYNC_FEEDS, SYNC_PATH, SyncResponseSchema, type SyncRequest } from '../../src/domain/sync-protocol';
import { account, idTokenFor, stack } from '../stack/context';

/** Set E2E_SHOTS_DIR to keep 390x844 screenshots of these screens (never committed). */
const SHOTS_DIR = process.env.E2E_SHOTS_DIR;
export async function shot(page: Page, name: string) {
  if (!SHOTS_DIR) return;
  mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(SHOTS_DIR, `${name}.png`), fullPage: true });
}

export async function axeProblems(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((x) => x.impact === 'serious' || x.impact === 'critical')
    .map((x) => `${x.id}: ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** One feed's answer to `POST /sync` for this account, from `version`, as the device asks for it (unchecked). */
export async function syncFeed(
  label: Parameters<typeof account>[0],
  feed: 'yells' | 'nominations' | 'notifications' | 'communities',
  version: number,
): Promise<unknown> {
  const token = await idTokenFor(account(label));
  const request: SyncRequest = { feeds: { [feed]: { version } } };
  const res = await fetch(`${stack().functionsUrl}${SYNC_PATH}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(request),
  });
  expect(res.status).toBe(200);
  const { feeds } = v.parse(SyncResponseSchema, await res.json());
  return feeds[feed];
}

/** Every yell the server gives this account, read through the API (pages followed). */
export async function serverYells(label: Parameters<typeof account>[0]) {
  const all = [];
  let since = 0;
  for (;;) {
    const page = v.parse(SYNC_FEEDS.yells.answer, await syncFeed(label, 'yells', since));
    all.push(...page.yells);
    since = page.version;
    if (!page.more) return all;
  }
}

/** The HR summary's cross-department count for the whole organisation, as the screen shows it. */
export async function crossCount(page: Page): Promise<number> {
  await page.goto(`${stack().appUrl}/recognition/summary`);
  const dd = page.locator('.summary-kpis div', { hasText: '部署を越えたエール' }).first().locator('dd');
  await page.getByTestId('cross-share').waitFor({ timeout: 30_000 });
  // The kept copy shows first; wait for the fresh answer (the "as of" line updates with it).
  await page.waitForFunction(() => !document.querySelector('.notice'), null, { timeout: 15_000 }).catch(() => {});
  await page.waitForTimeout(1500);
  return Number((await dd.first().textContent())?.replace(/[^0-9]/g, '') ?? NaN);
}

export async function syncedAfterOnline(page: Page) {
  await page.context().setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await page.getByRole('status').filter({ hasText: '最新' }).waitFor({ timeout: 30_000 });
}
