/**
 * One measurement on the lab stack (bench/lab/stack.ts): optionally rebuilds the app, signs in on a
 * fresh phone-sized Chromium, then takes the offline figures of bench/app-bench.ts. `--trace=FILE`
 * also records a Chromium performance trace of one offline reload, for chrome://tracing or the
 * DevTools Performance panel, and prints the longest main-thread tasks in it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { launchChromium } from '../../tools/browser';
import { run } from '../../tools/stack';
import type { DemoAccount } from '../../tools/demo-org';
import {
  describeKeystrokes,
  keystrokeToPaint,
  measureOffline,
  median,
  openSignedIn,
  p95,
  reloadToFirstFaces,
  scrollTasks,
  throttle,
} from '../app-bench';

const portBase = Number(process.env.STACK_PORT_BASE ?? 6400);
const lab = JSON.parse(await readFile(`.stack/lab-${portBase}.json`, 'utf8')) as {
  appUrl: string;
  outDir: string;
  authUrl: string;
  accounts: DemoAccount[];
};
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? '';
if (process.argv.includes('--build')) {
  console.log('building…');
  await run('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', lab.outDir, '--emptyOutDir'], console.log, {
    VITE_AUTH_EMULATOR_URL: lab.authUrl,
    NODE_ENV: 'production',
  });
}
const browser = await launchChromium();
try {
  const { context, page } = await openSignedIn(browser, lab);
  page.on('pageerror', (e) => console.log(`[page error] ${e.message}`));
  const results: Record<string, number> = {};
  const trace = arg('trace');
  if (trace) {
    await context.setOffline(true);
    await throttle(page, 4);
    await reloadToFirstFaces(page);
    await page.waitForTimeout(1000);
    await browser.startTracing(page, {
      path: trace,
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute'],
    });
    const f = await reloadToFirstFaces(page);
    await page.waitForTimeout(3000);
    await browser.stopTracing();
    console.log(`traced reload: first faces ${f.ms.toFixed(0)} ms (${f.faces} faces)`);
    const marks = await page.evaluate(() =>
      performance
        .getEntriesByType('mark')
        .map((m) => `${m.startTime.toFixed(0)} ${m.name} ${JSON.stringify((m as PerformanceMark).detail ?? '')}`),
    );
    console.log(marks.join('\n'));
    await throttle(page, 1);
    await context.setOffline(false);
  }
  const profile = arg('profile');
  if (profile) {
    // A sampled CPU profile of one offline reload: what the main thread ran, by function.
    await context.setOffline(true);
    await throttle(page, 4);
    await reloadToFirstFaces(page);
    await page.waitForTimeout(1000);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
    await cdp.send('Profiler.start');
    const f = await reloadToFirstFaces(page);
    await page.waitForTimeout(2000);
    const { profile: cpu } = await cdp.send('Profiler.stop');
    await writeFile(profile, JSON.stringify(cpu));
    console.log(`profiled reload: first faces ${f.ms.toFixed(0)} ms (${f.faces} faces)`);
    await throttle(page, 1);
    await context.setOffline(false);
  }
  const phase = arg('profile-phase');
  if (phase) {
    // A CPU profile of typing the bench queries, or of scrolling, offline and throttled (4x, or --rate=N).
    await context.setOffline(true);
    await throttle(page, Number(arg('rate') || 4));
    await reloadToFirstFaces(page);
    // --css=FILE tries a style change on the running page, without a rebuild.
    if (arg('css')) await page.addStyleTag({ content: await readFile(arg('css'), 'utf8') });
    await page.waitForTimeout(4000);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
    await cdp.send('Profiler.start');
    if (phase === 'scroll') console.log(await scrollTasks(page));
    else if (phase === 'ktp-plain' || phase === 'scroll-plain') {
      await cdp.send('Profiler.stop');
      if (phase === 'scroll-plain') console.log(await scrollTasks(page));
      else {
        const keystrokes = await keystrokeToPaint(page);
        const ktp = keystrokes.map((k) => k.ms);
        console.log(`ktp median ${median(ktp).toFixed(0)} p95 ${p95(ktp).toFixed(0)}`);
        console.log(describeKeystrokes(keystrokes));
      }
      await cdp.send('Profiler.start');
    } else if (phase === 'scroll-trace' || phase === 'ktp-full-trace') {
      // A timeline of the whole phase: which long tasks are script, style, layout or paint.
      await browser.startTracing(page, {
        path: `/tmp/perf/${phase}.json`,
        categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute'],
      });
      if (phase === 'scroll-trace') console.log(await scrollTasks(page));
      else {
        const keystrokes = await keystrokeToPaint(page);
        const ktp = keystrokes.map((k) => k.ms);
        console.log(`ktp median ${median(ktp).toFixed(0)} p95 ${p95(ktp).toFixed(0)}`);
        console.log(describeKeystrokes(keystrokes));
      }
      await browser.stopTracing();
    } else if (phase === 'ktp-trace') {
      await browser.startTracing(page, {
        path: '/tmp/perf/ktp-trace.json',
        categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute'],
      });
      const box = page.getByRole('searchbox', { name: '職員を検索' });
      await box.focus();
      await page.evaluate(() => {
        const box = document.querySelector('input[type=search]');
        box?.addEventListener('input', () => performance.mark('ktp:input'));
      });
      await page.keyboard.type('takahashi', { delay: 125 });
      await page.waitForTimeout(500);
      await browser.stopTracing();
    } else {
      const ktp = (await keystrokeToPaint(page)).map((k) => k.ms);
      console.log(`ktp median ${median(ktp).toFixed(0)} p95 ${p95(ktp).toFixed(0)}`);
    }
    const { profile: cpu } = await cdp.send('Profiler.stop');
    await writeFile(`/tmp/perf/${phase}.cpuprofile`, JSON.stringify(cpu));
    await throttle(page, 1);
    await context.setOffline(false);
  }
  if (!process.argv.includes('--trace-only')) await measureOffline(context, page, results, console.log);
  console.log(JSON.stringify(results, null, 2));
  if (arg('out')) await writeFile(arg('out'), JSON.stringify(results, null, 2));
} finally {
  await browser.close();
}
