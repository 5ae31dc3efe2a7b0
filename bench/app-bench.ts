/**
 * Figures that need the whole app: a 40,000-person stack on its own ports (so a test run can go on
 * beside it), Debian's Chromium at phone size with the CPU throttled 4x.
 */
import lighthouse from 'lighthouse';
import type { Page } from 'playwright-core';
import { BENCH_QUERIES } from '../src/domain/search/bench-queries';
import { launchChromium } from '../tools/browser';
import { startStack } from '../tools/stack';

const PORT_BASE = 6300;
const DEBUG_PORT = 9333;
const STAFF = 40_000;

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
}

function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] ?? NaN;
}

async function throttle(page: Page, rate: number) {
  await (await page.context().newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate });
}

/** Keystroke to the frame that shows its results, for each character of each query typed at 8 keys a second. */
async function keystrokeToPaint(page: Page): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __ktp: number[]; __last: number | null };
    w.__ktp = [];
    w.__last = null;
    const box = document.querySelector('input[type=search]');
    const main = document.querySelector('main');
    if (!box || !main) throw new Error('directory not on screen');
    box.addEventListener('input', (e) => (w.__last = e.timeStamp));
    new MutationObserver(() => {
      const started = w.__last;
      if (started === null) return;
      w.__last = null;
      // The first change after a keystroke, then the frame that paints it.
      requestAnimationFrame(() => setTimeout(() => w.__ktp.push(performance.now() - started), 0));
    }).observe(main, { subtree: true, childList: true, characterData: true });
  });
  const box = page.getByRole('searchbox', { name: '職員を検索' });
  for (const q of BENCH_QUERIES) {
    await box.fill('');
    await page.waitForTimeout(150);
    await box.pressSequentially(q, { delay: 125 });
    await page.waitForTimeout(400);
  }
  return page.evaluate(() => (window as unknown as { __ktp: number[] }).__ktp);
}

export async function runAppBench(results: Record<string, number>, log: (s: string) => void): Promise<void> {
  log(`app on a ${STAFF.toLocaleString()}-person local stack (ports ${PORT_BASE}+)…`);
  const stack = await startStack({ staff: STAFF, build: true, log: () => undefined, portBase: PORT_BASE });
  const browser = await launchChromium({ extraArgs: [`--remote-debugging-port=${DEBUG_PORT}`] });
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ja-JP' });
    const page = await context.newPage();
    const account = stack.accounts.find((a) => a.label === '職員');
    if (!account) throw new Error('no 職員 demo account');
    await page.goto(stack.appUrl);
    await page.getByLabel('メールアドレス').fill(account.email);
    await page.getByLabel('パスワード').fill(account.password);
    await page.getByRole('button', { name: 'サインイン' }).click();
    await page.getByText(`${STAFF.toLocaleString('ja-JP')}人`, { exact: true }).waitFor({ timeout: 180_000 });
    await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated');

    // Offline reload to the first screen of faces, from navigation start.
    const faces: number[] = [];
    await context.setOffline(true);
    await throttle(page, 4);
    for (let i = 0; i < 5; i++) {
      await page.reload();
      await page.waitForFunction(() => performance.getEntriesByName('directory:first-faces').length > 0, null, {
        timeout: 60_000,
      });
      faces.push(await page.evaluate(() => performance.getEntriesByName('directory:first-faces')[0]?.startTime ?? NaN));
      await page.waitForTimeout(1500);
    }
    log(`  offline first faces (ms): ${faces.map((x) => x.toFixed(0)).join(', ')}`);
    results['directory.offline_first_faces_ms_40k'] = Math.round(median(faces));

    // Keystroke to paint, still offline and throttled: the search runs in its worker.
    await page.waitForTimeout(3000);
    const ktp = await keystrokeToPaint(page);
    log(
      `  keystroke to paint: ${ktp.length} keystrokes, median ${median(ktp).toFixed(0)} ms, p95 ${p95(ktp).toFixed(0)} ms`,
    );
    results['search.keystroke_to_paint_p95_ms_40k'] = Math.round(p95(ktp));
    await throttle(page, 1);
    await context.setOffline(false);

    // Lighthouse, mobile preset (its own 4x CPU and network throttling), on the signed-in directory.
    const scores: number[] = [];
    for (let i = 0; i < 3; i++) {
      const run = await lighthouse(stack.appUrl, {
        port: DEBUG_PORT,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance'],
        // Keep IndexedDB: the directory page needs the signed-in device's data.
        disableStorageReset: true,
      });
      const score = run?.lhr.categories['performance']?.score;
      if (typeof score === 'number') scores.push(Math.round(score * 100));
    }
    log(`  lighthouse mobile performance: ${scores.join(', ')}`);
    results['lighthouse.mobile_performance'] = median(scores);
  } finally {
    await browser.close();
    await stack.stop();
  }
}
