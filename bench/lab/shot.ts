/**
 * Screenshots of the directory at 390x844 on a small stack (3,000 people), to look at the grid,
 * search results and the list after a change: `STACK_PORT_BASE=6440 tsx bench/lab/shot.ts DIR`.
 */
import { launchChromium } from '../../tools/browser';
import { startStack } from '../../tools/stack';

const dir = process.argv[2] ?? '/tmp';
const portBase = Number(process.env.STACK_PORT_BASE ?? 6440);
const stack = await startStack({ staff: 3000, build: true, log: () => undefined, portBase });
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ja-JP' });
  const page = await context.newPage();
  const account = stack.accounts.find((a) => a.label === '職員');
  if (!account) throw new Error('no 職員 account');
  await page.goto(stack.appUrl);
  await page.getByLabel('メールアドレス').fill(account.email);
  await page.getByLabel('パスワード').fill(account.password);
  await page.getByRole('button', { name: 'サインイン' }).click();
  await page.getByText('3,000人', { exact: true }).waitFor({ timeout: 120_000 });
  await page.waitForTimeout(1000);
  await page.screenshot({ path: `${dir}/grid.png` });
  await page.mouse.wheel(0, 3000);
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${dir}/grid-scrolled.png` });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByRole('searchbox', { name: '職員を検索' }).fill('さとう');
  await page.getByText(/人が見つかりました/).waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${dir}/search.png` });
  await page.getByRole('button', { name: '一覧' }).click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${dir}/list.png` });
  await page.getByText('絞り込み').click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${dir}/filters.png` });
  // A card opens its profile through the router.
  await page.getByRole('button', { name: '顔' }).click();
  await page.locator('a.face-link').first().click();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.screenshot({ path: `${dir}/profile.png` });
  console.log(`profile url: ${page.url()}`);
} finally {
  await browser.close();
  await stack.stop();
}
