/**
 * Figures that need the whole app: a 40,000-person stack on its own ports (so a test run can go on
 * beside it), Debian's Chromium at phone size with the CPU throttled 4x.
 */
import lighthouse from 'lighthouse';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { BENCH_QUERIES } from '../src/domain/search/bench-queries';
import { FIRST_FACES_MARK, FIRST_SCREEN_FACES } from '../src/features/directory/first-screen';
import { SNAPSHOT_MARK } from '../src/features/directory/snapshot';
import { launchChromium } from '../tools/browser';
import { startStack, type Stack } from '../tools/stack';
import { READS_HEADER } from '../tools/sync-cost';

/** STACK_PORT_BASE moves the bench's stack (and Chromium's debugging port) beside another run. */
const PORT_BASE = process.env.STACK_PORT_BASE ? Number(process.env.STACK_PORT_BASE) : 6300;
const DEBUG_PORT = PORT_BASE + 3033;
export const STAFF = 40_000;

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
}

export function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] ?? NaN;
}

export async function throttle(page: Page, rate: number) {
  await (await page.context().newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate });
}

export interface Keystroke {
  /** What the box held after the keystroke ('' for the clearing one before each query). */
  query: string;
  ms: number;
}

/**
 * Keystroke to the frame that shows its results, for each character of each query typed at 8 keys
 * a second. A keystroke whose answer is still on its way shows only 検索中… (the count): that is no
 * result, so the clock runs on to the change that brings them. One overtaken by the next keystroke
 * before its answer came is not counted (its results are never shown), nor one whose results change
 * nothing on screen (takahas → takahash: the same faces and count), which has no frame to time:
 * about 35 of the 162 keys. The figure is over the keystrokes that change the screen.
 */
/** Each keystroke as the box held it (∅ for the clearing one) and its time, for BENCH_VERBOSE and the lab. */
export function describeKeystrokes(keystrokes: readonly Keystroke[]): string {
  return keystrokes.map((k) => `${k.query || '∅'} ${k.ms.toFixed(0)}`).join(', ');
}

export async function keystrokeToPaint(page: Page): Promise<Keystroke[]> {
  await page.evaluate(() => {
    const w = window as unknown as {
      __ktp: { query: string; ms: number }[];
      __last: { query: string; at: number } | null;
    };
    w.__ktp = [];
    w.__last = null;
    const box = document.querySelector('input[type=search]');
    const main = document.querySelector('main');
    if (!(box instanceof HTMLInputElement) || !main) throw new Error('directory not on screen');
    // Captured at the window, so it runs before any listener of the page's own: one on the box that
    // renders at once (the cleared box does) would otherwise change the screen before this saw the key.
    window.addEventListener('input', (e) => e.target === box && (w.__last = { query: box.value, at: e.timeStamp }), {
      capture: true,
    });
    new MutationObserver(() => {
      const started = w.__last;
      if (started === null || document.querySelector('.result-count')?.textContent === '検索中…') return;
      w.__last = null;
      // The first change after a keystroke, then the frame that paints it.
      requestAnimationFrame(() =>
        setTimeout(() => w.__ktp.push({ query: started.query, ms: performance.now() - started.at }), 0),
      );
    }).observe(main, { subtree: true, childList: true, characterData: true });
  });
  // Keys go in as CDP input events to the focused box: a locator's fill or pressSequentially runs
  // Playwright's injected script in the page for each action, on the main thread being measured.
  await page.getByRole('searchbox', { name: '職員を検索' }).focus();
  const clear = async () => {
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
  };
  for (const q of BENCH_QUERIES) {
    await clear();
    await page.waitForTimeout(150);
    await page.keyboard.type(q, { delay: 125 });
    await page.waitForTimeout(400);
  }
  await clear();
  return page.evaluate(() => (window as unknown as { __ktp: Keystroke[] }).__ktp);
}

/** Signs in as the 職員 demo account and waits until all 40,000 people are on the device. */
export async function signIn(page: Page, stack: Pick<Stack, 'appUrl' | 'accounts'>): Promise<void> {
  const account = stack.accounts.find((a) => a.label === '職員');
  if (!account) throw new Error('no 職員 demo account');
  await page.goto(stack.appUrl);
  await page.getByLabel('メールアドレス').fill(account.email);
  await page.getByLabel('パスワード').fill(account.password);
  await page.getByRole('button', { name: 'サインイン' }).click();
  await page.getByText(`${STAFF.toLocaleString('ja-JP')}人`, { exact: true }).waitFor({ timeout: 180_000 });
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated');
}

export interface FirstFaces {
  /** From navigation start to the frame that first shows them: the copy of the last first screen, or the app's. */
  ms: number;
  /** Face cards in that frame (counted in the DOM as it was painted): the figure counts only with 50 or more. */
  faces: number;
  /** Whether that frame was the copy's (src/features/directory/snapshot.ts). */
  snapshot: boolean;
  /** From navigation start to the frame that shows the app's own faces, which one can use. */
  liveMs: number;
}

/**
 * One reload (the caller sets offline and throttling) to the first screen of faces. The marks are
 * polled with plain CDP evaluations: Playwright's waitForFunction injects its own script into the
 * new page and polls it every frame, which cost the throttled page about 80 ms of its start.
 */
export async function reloadToFirstFaces(page: Page): Promise<FirstFaces> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await page.reload({ waitUntil: 'commit' });
    const expression = `(() => {
      const live = performance.getEntriesByName(${JSON.stringify(FIRST_FACES_MARK)})[0];
      if (!live) return null;
      const copy = performance.getEntriesByName(${JSON.stringify(SNAPSHOT_MARK)})[0];
      // A copy counts as the first screen only with as many faces as the app's (a copy of a smaller one, never).
      const first = copy && copy.startTime < live.startTime && (copy.detail?.faces ?? 0) >= ${FIRST_SCREEN_FACES} ? copy : live;
      return { ms: first.startTime, faces: first.detail?.faces ?? NaN, snapshot: first === copy, liveMs: live.startTime };
    })()`;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      const { result } = (await cdp.send('Runtime.evaluate', { expression, returnByValue: true })) as {
        result: { value?: FirstFaces | null };
      };
      if (result.value) return result.value;
    }
    throw new Error('no first faces within 60 s');
  } finally {
    await cdp.detach();
  }
}

/**
 * D1: main-thread tasks over 50 ms (a PerformanceObserver of long tasks) while the face grid is
 * scrolled: a fast fling (200 px a frame, about 12,000 px/s, for two seconds: each step brings a
 * row or more of new cards), then twenty jumps down the whole 40,000 (the scrollbar dragged: each
 * renders a window of cards from nothing).
 */
export async function scrollTasks(page: Page): Promise<{ longTasks: number; maxTaskMs: number }> {
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  await page.mouse.move(195, 500);
  for (let i = 0; i < 120; i++) {
    await page.mouse.wheel(0, 200);
    await page.waitForTimeout(16);
  }
  // Jumps far down the list (a flick, the scrollbar): each renders a new window of cards.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let i = 1; i <= 20; i++) {
    await page.evaluate((y) => window.scrollTo(0, y), (height * i) / 20);
    await page.waitForTimeout(50);
  }
  await page.waitForTimeout(300);
  const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
  await page.evaluate(() => window.scrollTo(0, 0));
  return { longTasks: long.length, maxTaskMs: long.length ? Math.max(...long) : 0 };
}

/** The offline, throttled figures on a signed-in page. */
export async function measureOffline(
  context: BrowserContext,
  page: Page,
  results: Record<string, number>,
  log: (s: string) => void,
  options: { reloads?: number } = {},
): Promise<void> {
  const faces: FirstFaces[] = [];
  await context.setOffline(true);
  await throttle(page, 4);
  // The first start after a sign-in has no copy of a first screen yet (a sign-in's faces come from
  // the sync): it is logged, and the figure is for the starts after it, which have one.
  const first = await reloadToFirstFaces(page);
  log(
    `  offline first faces, first start after sign-in (ms): ${first.ms.toFixed(0)}${first.snapshot ? ' (copy)' : ''}`,
  );
  await page.waitForTimeout(1500);
  for (let i = 0; i < (options.reloads ?? 5); i++) {
    faces.push(await reloadToFirstFaces(page));
    await page.waitForTimeout(1500);
  }
  log(
    `  offline first faces (ms): ${faces.map((x) => `${x.ms.toFixed(0)} (${x.faces} faces${x.snapshot ? ', copy' : ''})`).join(', ')}`,
  );
  log(`  offline app's own faces (ms): ${faces.map((x) => x.liveMs.toFixed(0)).join(', ')}`);
  if (process.env.BENCH_STRICT !== '0' && faces.some((f) => !(f.faces >= FIRST_SCREEN_FACES)))
    throw new Error('the first-faces mark was set with fewer than 50 faces');
  results['directory.offline_first_faces_ms_40k'] = Math.round(median(faces.map((f) => f.ms)));
  results['directory.offline_app_faces_ms_40k'] = Math.round(median(faces.map((f) => f.liveMs)));

  // Keystroke to paint, still offline and throttled: the search runs in its worker.
  await page.waitForTimeout(3000);
  const keystrokes = await keystrokeToPaint(page);
  const ktp = keystrokes.map((k) => k.ms);
  log(
    `  keystroke to paint: ${ktp.length} keystrokes, median ${median(ktp).toFixed(0)} ms, p95 ${p95(ktp).toFixed(0)} ms`,
  );
  if (process.env.BENCH_VERBOSE) log(`  each (ms): ${describeKeystrokes(keystrokes)}`);
  results['search.keystroke_to_paint_p95_ms_40k'] = Math.round(p95(ktp));

  await page.waitForTimeout(500);
  const scroll = await scrollTasks(page);
  log(`  scroll 40,000 faces: ${scroll.longTasks} long tasks, longest ${scroll.maxTaskMs.toFixed(0)} ms`);
  results['directory.scroll_long_tasks_40k'] = scroll.longTasks;
  results['directory.scroll_max_task_ms_40k'] = Math.round(scroll.maxTaskMs);
  await throttle(page, 1);
  await context.setOffline(false);
}

/**
 * A sync when nothing changed, as the app runs one on each return to it: the HTTPS calls it makes
 * (every /api request until the network has been quiet for 2 s) and the document reads the server's
 * store counted for them (the `READS_HEADER` the functions add in the emulator only).
 */
async function measureNoChangeSync(page: Page, results: Record<string, number>, log: (s: string) => void) {
  // The sign-in's own syncs (and the service worker's precache) must be over first.
  await page.getByText('最新', { exact: true }).first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(3_000);
  const calls: { url: string; reads: number }[] = [];
  const onResponse = async (response: Response) => {
    const url = new URL(response.url());
    if (!url.pathname.startsWith('/api/')) return;
    const reads = Number((await response.allHeaders())[READS_HEADER] ?? NaN);
    calls.push({ url: url.pathname, reads });
  };
  page.on('response', onResponse);
  // What the app does on each return to it: visibilitychange while visible triggers a sync.
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  let seen = -1;
  for (let quiet = 0; quiet < 4;) {
    await page.waitForTimeout(500);
    quiet = calls.length === seen ? quiet + 1 : 0;
    seen = calls.length;
  }
  page.off('response', onResponse);
  log(`  no-change sync: ${calls.map((c) => `${c.url} (${c.reads} reads)`).join(', ') || 'no call'}`);
  results['sync.nochange_requests'] = calls.length;
  results['sync.nochange_reads'] = calls.reduce((n, c) => n + c.reads, 0);
}

export async function openSignedIn(
  browser: Browser,
  stack: Pick<Stack, 'appUrl' | 'accounts'>,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ja-JP' });
  const page = await context.newPage();
  await signIn(page, stack);
  return { context, page };
}

export async function runAppBench(results: Record<string, number>, log: (s: string) => void): Promise<void> {
  log(`app on a ${STAFF.toLocaleString()}-person local stack (ports ${PORT_BASE}+)…`);
  const stack = await startStack({ staff: STAFF, build: true, log: () => undefined, portBase: PORT_BASE });
  const browser = await launchChromium({ extraArgs: [`--remote-debugging-port=${DEBUG_PORT}`] });
  try {
    // First, on new devices of their own: the first sign-in (issue 22).
    await (await import('./first-signin-bench')).measureFirstSignIn(browser, stack, results, log);
    const { context, page } = await openSignedIn(browser, stack);
    await measureNoChangeSync(page, results, log);
    await measureOffline(context, page, results, log);

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
