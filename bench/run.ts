/**
 * `npm run bench`: measures the targets of the issues and writes bench/results.json, a flat object
 * of named numbers. The machine is shared and noisy: each figure is a median of several runs.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { seedOrganisation } from '../functions/src/features/directory/seed';
import { createMemoryStores } from '../functions/src/features';
import { launchChromium } from '../tools/browser';
import { median, runAppBench } from './app-bench';
import { generateDemoOrg } from '../tools/demo-org';
import { toDirectoryRecord } from '../src/domain/staff';
import { run } from '../tools/stack';
import { formatVerdicts, judge, unmeasured } from './targets';

const results: Record<string, number> = {};
const log = (s: string) => console.log(s);
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

// --- Directory payload: the snapshot chunks exactly as the functions build and store them.
log('directory payload (40,000 people)…');
const org = generateDemoOrg({ staff: 40_000 });
const stores = createMemoryStores();
const manifest = await seedOrganisation(stores, org);
const gzChunks: Uint8Array[] = [];
for (let n = 0; n < manifest.chunkCount; n++) {
  const chunk = await stores.directory.getSnapshotChunk(org.orgId, manifest.id, n);
  if (!chunk) throw new Error(`chunk ${n} missing`);
  gzChunks.push(chunk);
}
const gzBytes = gzChunks.reduce((n, c) => n + c.byteLength, 0);
results['directory.payload_gz_bytes_per_staff'] = round(gzBytes / org.staff.length);
results['directory.payload_gz_kb_40k'] = round(gzBytes / 1024);

// --- Device sync of 40,000 people into IndexedDB in Chromium, CPU throttled 4x.
log('directory sync into IndexedDB (Chromium, 4x CPU throttle)…');
const { gunzipSync } = await import('node:zlib');
const payload = JSON.stringify({
  manifest: {
    id: 'bench',
    version: 1,
    chunkCount: gzChunks.length,
    staffCount: org.staff.length,
    createdAt: new Date().toISOString(),
  },
  units: org.units,
  chunks: gzChunks.map((c) => gunzipSync(c).toString()),
});
const bundle = async (entry: string) =>
  (
    await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      format: 'esm',
      minify: true,
      target: 'es2022',
    })
  ).outputFiles[0]?.text ?? '';
const files: Record<string, [string, string]> = {
  '/payload.json': ['application/json', payload],
  '/search-payload.json': [
    'application/json',
    JSON.stringify({ records: org.staff.map(toDirectoryRecord), units: org.units }),
  ],
  '/sync.js': ['text/javascript', await bundle('bench/browser/sync-bench.ts')],
  '/search.js': ['text/javascript', await bundle('bench/browser/search-bench.ts')],
};
const server = createServer((req, res) => {
  const file = files[req.url ?? ''];
  if (file) return res.writeHead(200, { 'content-type': file[0] }).end(file[1]);
  const script = req.url === '/search' ? '/search.js' : '/sync.js';
  res
    .writeHead(200, { 'content-type': 'text/html' })
    .end(`<!doctype html><script type="module" src="${script}"></script>`);
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => log(`  [page error] ${e.message}`));
  const cdp = await page.context().newCDPSession(page);
  await page.goto(origin);
  await page.waitForFunction(() => 'runSyncBench' in window);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    runs.push(await page.evaluate(() => (window as unknown as { runSyncBench(): Promise<number> }).runSyncBench()));
  }
  log(`  runs (ms): ${runs.map((r) => r.toFixed(0)).join(', ')}`);
  results['directory.sync_ms_40k'] = round(median(runs), 0);

  // --- Search over 40,000 people, ours and Fuse.js, same page, same throttle.
  log('search (Chromium, 4x CPU throttle)…');
  await page.close();
  const searchPage = await browser.newPage();
  searchPage.on('pageerror', (e) => log(`  [page error] ${e.message}`));
  searchPage.on('console', (m) => log(`  [console] ${m.text()}`));
  await searchPage.goto(`${origin}/search`);
  await searchPage.waitForFunction(() => 'benchOurs' in window);
  await (await searchPage.context().newCDPSession(searchPage)).send('Emulation.setCPUThrottlingRate', { rate: 4 });
  type Bench = {
    benchOurs(
      repeat: number,
    ): Promise<{ p95: number; p50: number; buildMs: number; slowest: { q: string; ms: number }[] }>;
    benchFuse(): Promise<{ p95: number; p50: number }>;
  };
  const ourRuns = [];
  for (let i = 0; i < 3; i++) ourRuns.push(await searchPage.evaluate(() => (window as unknown as Bench).benchOurs(5)));
  const fuseRun = await searchPage.evaluate(() => (window as unknown as Bench).benchFuse());
  const ourP95 = median(ourRuns.map((r) => r.p95));
  log(
    `  ours p95 per run (ms): ${ourRuns.map((r) => r.p95.toFixed(1)).join(', ')}; index build ${ourRuns.map((r) => r.buildMs.toFixed(0)).join(', ')} ms`,
  );
  if (process.env.BENCH_VERBOSE)
    for (const r of ourRuns) log(`  slowest: ${r.slowest.map((x) => `${x.q} ${x.ms.toFixed(1)}`).join(', ')}`);
  log(`  Fuse.js p95 ${fuseRun.p95.toFixed(0)} ms, p50 ${fuseRun.p50.toFixed(0)} ms`);
  results['search.p95_ms_40k'] = round(ourP95, 2);
  results['search.p50_ms_40k'] = round(median(ourRuns.map((r) => r.p50)), 2);
  results['search.index_build_ms_40k'] = round(median(ourRuns.map((r) => r.buildMs)), 0);
  results['search.fuse_ratio_40k'] = round(fuseRun.p95 / ourP95, 0);
} finally {
  await browser.close();
  server.close();
}

// --- Critical JavaScript: the entry chunk and what index.html loads with it, gzipped.
log('bundle (vite build)…');
await run('npx', ['vite', 'build', '--logLevel', 'warn'], log, { NODE_ENV: 'production' });
const html = await readFile('dist/index.html', 'utf8');
const critical = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g)].map(
  (m) => m[1],
);
let criticalGz = 0;
for (const file of critical) criticalGz += gzipSync(await readFile(`dist${file}`), { level: 9 }).byteLength;
// Scripts inline in index.html (the copy of the first screen's) run before the first paint too: counted.
let inlineGz = 0;
for (const [, code = ''] of html.matchAll(/<script>([\s\S]*?)<\/script>/g))
  inlineGz += gzipSync(code, { level: 9 }).byteLength;
results['bundle.critical_js_gz_kb'] = round((criticalGz + inlineGz) / 1024);
results['bundle.inline_js_gz_bytes'] = inlineGz;

// --- Surveys (issue 18) on the functions' code over the twins, the 40,000 people above.
await (await import('./survey-bench')).runSurveyBench(stores, org, results, log);

// --- The app itself on a 40,000-person stack. `--quick` skips it (about four minutes).
if (!process.argv.includes('--quick')) await runAppBench(results, log);
if (!process.argv.includes('--quick')) await (await import('./yell-bench')).runYellBench(results, log);
if (!process.argv.includes('--quick')) await (await import('./roster-bench')).runRosterBench(results, log);

await writeFile('bench/results.json', JSON.stringify(results, null, 2) + '\n');
// Every figure beside its target (bench/targets.ts); a miss sets the exit code.
const verdicts = judge(results);
console.log(formatVerdicts(verdicts, unmeasured(results)));
const missed = verdicts.filter((v) => !v.met).map((v) => v.key);
if (missed.length > 0) {
  console.log(`\noff target: ${missed.join(', ')}`);
  process.exitCode = 1;
}
