/**
 * The roster import's figures (issue 21):
 *
 * - `roster.apply_s_40k`: a first import of 40,000 people (the demo city, all 採用), through the API
 *   handlers (createApi, in this process) on the Firestore adapters against the local Firestore
 *   stand-in: parts upload, dry run, then apply calls until done, with the default wiring (the
 *   access module's states and the audit log written on the stand-in too; Auth users on Auth's
 *   twin, since no Auth emulator runs in this process). Not through the Functions emulator.
 * - `roster.dry_run_ms_40k`: the device's part, reading and checking the 40,000-row CP932 file
 *   (decode, papaparse, form checks) in Chromium with the CPU throttled 4x, the median of 3, plus
 *   the server's comparison of that file with a 40,000-person roster (the dry run handler on the
 *   in-memory stores, the median of 3: the handler's work, not Firestore's reads). Both parts are
 *   printed and kept.
 * - `roster.delta_sync_bytes`: a phone at the head of a 40,000-person directory (in-memory stores),
 *   then an import of 10 person changes and one unit renamed; the bytes of its next /sync answer
 *   (directory feed, JSON as sent; the gzipped size is printed beside it).
 *
 *   npx tsx bench/roster-bench.ts       only these figures, printed (npm run bench writes results.json)
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { deleteApp, initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { readCsv } from '../src/domain/csv/read';
import { encodeCp932 } from '../src/domain/csv/testing/cp932';
import type { Claims } from '../src/domain/protocol';
import { ROSTER_PATHS, ROWS_PER_PART, type ApplyAnswer, type DryRunAnswer } from '../src/domain/roster/protocol';
import { SYNC_PATH } from '../src/domain/sync-protocol';
import { createApi, type Api } from '../functions/src/api/router';
import { createFirestoreStores, createMemoryStores } from '../functions/src/features';
import { seedOrganisation } from '../functions/src/features/directory/seed';
import { MemoryAuthAdmin } from '../functions/src/features/access';
import { rosterWiring } from '../functions/src/features/roster/wiring';
import type { ServerStores } from '../functions/src/features/stores';
import { setServerClock } from '../functions/src/kit/clock';
import { launchChromium } from '../tools/browser';
import { generateDemoOrg } from '../tools/demo-org';
import { startFirestoreStandIn } from '../tools/firestore-standin';
import { rosterLine, wholeRosterCsv } from '../tools/roster-csv';
import { median } from './app-bench';
import { formatVerdicts, judge } from './targets';

const STAFF = 40_000;
const TODAY = new Date('2026-03-10T03:00:00Z');
const round = (n: number, digits = 1) => Number(n.toFixed(digits));

function apiFor(stores: ServerStores, orgId: string): Api {
  const claims: Claims = { orgId, staffId: 'bench-hr', role: 'hr', duties: [] };
  return createApi({
    stores,
    verifier: { verify: async () => ({ uid: 'u', iss: 'x', ...claims }) },
    logError: console.error,
  });
}

async function post(api: Api, path: string, body: unknown): Promise<unknown> {
  const bytes = new TextEncoder().encode(JSON.stringify(body));
  const res = await api({
    method: 'POST',
    path: `/api${path}`,
    query: new URLSearchParams(),
    headers: { authorization: 'Bearer t', 'content-length': String(bytes.byteLength) },
    body: bytes,
  });
  const text = typeof res.body === 'string' ? res.body : new TextDecoder().decode(res.body);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${text}`);
  return JSON.parse(text);
}

async function upload(api: Api, bytes: Uint8Array): Promise<string> {
  const read = readCsv(bytes);
  if (!read.ok) throw new Error(read.problem.code);
  const { header, rows, encoding } = read.table;
  const { importId } = (await post(api, ROSTER_PATHS.imports, {
    fileName: 'bench.csv',
    bytes: bytes.byteLength,
    encoding,
    header,
    rowCount: rows.length,
  })) as { importId: string };
  for (let n = 0; n * ROWS_PER_PART < rows.length; n++) {
    await post(api, ROSTER_PATHS.part(importId, n), { rows: rows.slice(n * ROWS_PER_PART, (n + 1) * ROWS_PER_PART) });
  }
  return importId;
}

async function applyAll(api: Api, importId: string): Promise<ApplyAnswer> {
  for (;;) {
    const answer = (await post(api, ROSTER_PATHS.apply(importId), {})) as ApplyAnswer;
    if (answer.done) return answer;
  }
}

/** Reading and checking the file in Chromium at 4x CPU: the median of 3 runs, in ms. */
async function browserRead(file: Uint8Array, log: (s: string) => void): Promise<number> {
  const script = (
    await esbuild.build({
      entryPoints: ['bench/browser/roster-read.ts'],
      bundle: true,
      write: false,
      format: 'esm',
      minify: true,
      target: 'es2022',
    })
  ).outputFiles[0]?.text;
  const server = createServer((req, res) => {
    if (req.url === '/roster.csv') return res.writeHead(200, { 'content-type': 'text/csv' }).end(file);
    if (req.url === '/read.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end('<!doctype html><meta charset="utf-8"><script type="module" src="/read.js"></script>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => log(`  [page error] ${e.message}`));
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    await page.waitForFunction(() => 'runRosterRead' in window);
    await (await page.context().newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await page.evaluate(() =>
        (
          window as unknown as { runRosterRead(): Promise<{ ms: number; rows: number; encoding: string }> }
        ).runRosterRead(),
      );
      if (r.rows !== STAFF || r.encoding !== 'shift_jis') throw new Error(`read ${r.rows} rows as ${r.encoding}`);
      runs.push(r.ms);
    }
    log(`  device read + check, 4x CPU (ms): ${runs.map((r) => r.toFixed(0)).join(', ')}`);
    return median(runs);
  } finally {
    await browser.close();
    server.close();
  }
}

export async function runRosterBench(results: Record<string, number>, log: (s: string) => void): Promise<void> {
  setServerClock(TODAY);
  // The default wiring (rosterWiringFor): the access module's states and the audit log on the same
  // stores as the people, with Auth's twin for the users (no Auth emulator in this process).
  if (rosterWiring()) throw new Error('the roster bench runs with the default wiring; something put another in');
  try {
    const org = generateDemoOrg({ staff: STAFF });
    const file = encodeCp932(wholeRosterCsv(org), { gaiji: true });
    log(`roster: ${STAFF.toLocaleString()} rows, ${(file.byteLength / 1024 / 1024).toFixed(1)} MB CP932`);

    // --- First import of 40,000 on the stand-in.
    const standIn = await startFirestoreStandIn({ host: '127.0.0.1', port: 0 });
    process.env.FIRESTORE_EMULATOR_HOST = standIn.address;
    const app = initializeApp({ projectId: 'demo-bench' }, `roster-bench-${process.pid}`);
    try {
      const stores = createFirestoreStores(getFirestore(app), { auth: new MemoryAuthAdmin() });
      const orgId = 'bench-roster';
      await stores.directory.putUnits(orgId, org.units);
      const api = apiFor(stores, orgId);
      const started = performance.now();
      const importId = await upload(api, file);
      await post(api, ROSTER_PATHS.check(importId), {});
      const applied = await applyAll(api, importId);
      const applySeconds = (performance.now() - started) / 1000;
      log(
        `  first import applied: ${applied.summary.new} new in ${applySeconds.toFixed(1)} s (stand-in, in-process API)`,
      );
      results['roster.apply_s_40k'] = round(applySeconds);
    } finally {
      await deleteApp(app);
      await standIn.stop();
    }

    // --- The dry run: the device's read and check in Chromium, the server's comparison with a
    // 40,000-person roster on the in-memory stores (the stand-in reads a document in about 1.6 ms,
    // which says nothing of Firestore's speed; see the report).
    const memory = createMemoryStores();
    await seedOrganisation(memory, { orgId: org.orgId, units: org.units, staff: org.staff });
    {
      const api = apiFor(memory, org.orgId);
      const again = await upload(api, file);
      const serverRuns: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        const dry = (await post(api, ROSTER_PATHS.check(again), {})) as DryRunAnswer;
        serverRuns.push(performance.now() - t0);
        if (dry.summary.new !== 0) throw new Error('the dry run of the roster as it stands found new people');
      }
      log(`  server comparison, in-memory stores (ms): ${serverRuns.map((r) => r.toFixed(0)).join(', ')}`);
      const device = await browserRead(file, log);
      results['roster.dry_run_device_ms_40k'] = round(device, 0);
      results['roster.dry_run_server_ms_40k'] = round(median(serverRuns), 0);
      results['roster.dry_run_ms_40k'] = round(device + median(serverRuns), 0);
    }

    // --- A phone's download after 10 person changes and one unit renamed.
    const meta = await memory.directory.getDirectoryMeta(org.orgId);
    const cursor = { snapshotId: meta.snapshot?.id ?? null, version: meta.headVersion };
    const api = apiFor(memory, org.orgId);
    const people = org.staff.filter((p) => p.role === 'staff').slice(0, 10);
    const kakari = org.units.filter((u) => u.kind === 'kakari');
    const header = wholeRosterCsv({ staff: [] }).trimEnd();
    const changes = people.map((p, i) =>
      rosterLine(
        p,
        i < 5
          ? { 所属コード: kakari.find((u) => u.id !== p.unitId)?.id ?? p.unitId, 発令日: '2026/3/1', 区分: '異動' }
          : { 内線: String(90000 + i), 区分: '変更' },
      ),
    );
    const importId = await upload(api, encodeCp932([header, ...changes].join('\r\n'), { gaiji: true }));
    const done = await applyAll(api, importId);
    const unit = org.units.find((u) => u.kind === 'ka');
    if (!unit) throw new Error('no 課');
    await memory.directory.putUnitChanges(org.orgId, { put: [{ ...unit, name: `${unit.name}（新）` }], remove: [] });
    const bytes = new TextEncoder().encode(JSON.stringify({ feeds: { directory: cursor } }));
    const res = await api({
      method: 'POST',
      path: `/api${SYNC_PATH}`,
      query: new URLSearchParams(),
      headers: { authorization: 'Bearer t', 'content-length': String(bytes.byteLength) },
      body: bytes,
    });
    const body = typeof res.body === 'string' ? new TextEncoder().encode(res.body) : res.body;
    const answer = JSON.parse(new TextDecoder().decode(body)) as {
      feeds: { directory: { kind: string; changes?: unknown[] } };
    };
    if (answer.feeds.directory.kind !== 'changes')
      throw new Error(`expected changes, got ${answer.feeds.directory.kind}`);
    log(
      `  delta sync: ${answer.feeds.directory.changes?.length} changes (${done.summary.transfer} 異動, ${done.summary.change} 変更, 1 unit), ${body.byteLength} bytes JSON, ${gzipSync(body).byteLength} gzipped`,
    );
    results['roster.delta_sync_bytes'] = body.byteLength;
    results['roster.delta_sync_gz_bytes'] = gzipSync(body).byteLength;
  } finally {
    setServerClock(null);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const results: Record<string, number> = {};
  await runRosterBench(results, console.log);
  console.log(formatVerdicts(judge(results), []));
}
