/**
 * `npx tsx tools/first-run-shots.ts [--out DIR] [--port-base N]`: the first run on a new phone
 * (issue 22) at 390x844, as stills: the sign-in screen, the directory while the first sync answer is
 * on its way, the first chunk on screen with the rest arriving, the whole directory, and the エール
 * feed before its first page. The sync answer and the chunks are held back a moment each (Playwright
 * routes, service workers blocked) so those moments last long enough to be seen.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Route } from 'playwright-core';
import { PHONE, waitForDirectory } from '../tests/e2e/browser';
import { launchChromium } from './browser';
import { startStack } from './stack';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: '.shots/first-run' },
    'port-base': { type: 'string', default: '6650' },
  },
});
const out = values.out;
mkdirSync(out, { recursive: true });
const STAFF = 3000;
const stack = await startStack({ staff: STAFF, build: true, log: console.log, portBase: Number(values['port-base']) });
const browser = await launchChromium();
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
try {
  const account = stack.accounts.find((a) => a.label === '職員');
  if (!account) throw new Error('no 職員 demo account');
  const context = await browser.newContext({ ...PHONE, serviceWorkers: 'block' });
  let syncs = 0;
  await context.route('**/api/sync', async (route: Route) => {
    if (syncs++ === 0) await wait(3000);
    await route.continue();
  });
  await context.route('**/api/directory/snapshots/*/chunks/*', async (route: Route) => {
    await wait(route.request().url().endsWith('/2') ? 6000 : 2500);
    await route.continue();
  });
  const page = await context.newPage();
  const shot = async (name: string) => {
    await page.screenshot({ path: join(out, `${name}.png`) });
    console.log(`${name} -> ${join(out, `${name}.png`)}`);
  };
  await page.goto(stack.appUrl);
  await page.getByLabel('メールアドレス').fill(account.email);
  await page.getByLabel('パスワード').fill(account.password);
  await shot('1-sign-in');
  await page.getByRole('button', { name: 'サインイン' }).click();
  await page.getByText('名簿を受信しています…').waitFor({ timeout: 30_000 });
  await shot('2-receiving');
  await page.getByText(/^読み込み中 1,000 \//).waitFor({ timeout: 30_000 });
  await wait(300);
  await shot('3-first-chunk');
  await page.getByText(/^読み込み中 2,000 \//).waitFor({ timeout: 30_000 });
  await page.getByRole('searchbox', { name: '職員を検索' }).fill('さ');
  await wait(800);
  await shot('4-search-while-arriving');
  await page.getByRole('searchbox', { name: '職員を検索' }).fill('');
  await waitForDirectory(page, STAFF);
  await wait(500);
  await shot('5-complete');
  await context.close();

  // The エール feed before its first page, on another new phone.
  const second = await browser.newContext({ ...PHONE, serviceWorkers: 'block' });
  let held = true;
  await second.route('**/api/sync', async (route: Route) => {
    while (held) await wait(100);
    await route.continue();
  });
  const p2 = await second.newPage();
  await p2.goto(stack.appUrl);
  await p2.getByLabel('メールアドレス').fill(account.email);
  await p2.getByLabel('パスワード').fill(account.password);
  await p2.getByRole('button', { name: 'サインイン' }).click();
  await p2.getByRole('searchbox', { name: '職員を検索' }).waitFor({ timeout: 30_000 });
  await p2.getByRole('link', { name: 'エール', exact: true }).click();
  await p2.getByRole('heading', { level: 1, name: 'エール' }).waitFor();
  await wait(500);
  await p2.screenshot({ path: join(out, '6-yells-before-first-page.png') });
  held = false;
  await p2.locator('.sync-badge', { hasText: /^最新$/ }).waitFor({ timeout: 60_000 });
  await p2.screenshot({ path: join(out, '7-yells-arrived.png') });
  // A profile edit with a field focused low on the page: its heading must not sit under the header.
  await p2.goto(new URL('/me/edit', stack.appUrl).href);
  await p2.getByLabel('スキル').focus();
  await wait(500);
  await p2.screenshot({ path: join(out, '8-edit-focus.png') });
  await second.close();

  // The offline-ready note, with the service worker allowed.
  const third = await browser.newContext({ ...PHONE, serviceWorkers: 'allow' });
  const p3 = await third.newPage();
  await p3.goto(stack.appUrl);
  await p3.getByLabel('メールアドレス').fill(account.email);
  await p3.getByLabel('パスワード').fill(account.password);
  await p3.getByRole('button', { name: 'サインイン' }).click();
  const note = p3.getByText('オフラインでも使えるようになりました');
  await note.waitFor({ timeout: 60_000 });
  await p3.screenshot({ path: join(out, '9-offline-ready.png') });
  await note.waitFor({ state: 'detached', timeout: 10_000 });
  await p3.screenshot({ path: join(out, '10-note-gone.png') });
  await third.close();
} finally {
  await browser.close();
  await stack.stop();
}
