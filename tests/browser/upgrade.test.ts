/**
 * The database upgrade's code is not in the entry chunk: it loads as the upgrade begins
 * (src/db/schema.ts). In real Chromium an IndexedDB upgrade transaction commits as soon as it has no
 * request pending, so waiting for a chunk from the network would end it before the upgrade wrote
 * anything; Dexie.waitFor keeps it open. Node's fake IndexedDB does not commit that eagerly, so
 * this is checked here, with the chunk served slowly on purpose. Bundled with esbuild, split like
 * the app's build (the pattern of photo.test.ts).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as esbuild from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERSION_HISTORY } from '../../src/db/schema';
import { launchChromium } from '../../tools/browser';

/** How long the upgrade's chunk takes to arrive: far longer than an idle transaction lives. */
const SLOW_MS = 400;

let server: Server;
let browser: Browser;
let page: Page;
const served: string[] = [];

beforeAll(async () => {
  const bundle = await esbuild.build({
    entryPoints: { lab: 'tests/browser/upgrade-page.ts' },
    bundle: true,
    splitting: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    outdir: '/lab',
    chunkNames: '[name]-[hash]',
  });
  const files = new Map(bundle.outputFiles.map((f) => [f.path.replace(/^\/lab/, ''), f.text]));
  if (![...files.keys()].some((f) => f.startsWith('/migrations-'))) {
    throw new Error(`the upgrade's code is not a chunk of its own: ${[...files.keys()].join(', ')}`);
  }
  server = createServer((req, res) => {
    const url = req.url ?? '/';
    const script = files.get(url);
    if (script === undefined) {
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><script type="module" src="/lab.js"></script>');
      return;
    }
    served.push(url);
    const send = () => res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    if (url.startsWith('/migrations-')) setTimeout(send, SLOW_MS);
    else send();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`); // listening on TCP, so an AddressInfo
  await page.waitForFunction(() => 'upgradeLab' in window);
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('database upgrade in Chromium', () => {
  it('a version 4 device opens: the upgrade code loads slowly, and every feed still resumes from its cursor', async () => {
    expect(served.some((u) => u.startsWith('/migrations-'))).toBe(false); // not loaded by the page itself
    const result = await page.evaluate(() =>
      (window as unknown as { upgradeLab: { upgradeV4(name: string): Promise<unknown> } }).upgradeLab.upgradeV4(
        'v4-device',
      ),
    );
    expect(served.some((u) => u.startsWith('/migrations-'))).toBe(true);
    expect(result).toEqual({
      verno: Math.max(...VERSION_HISTORY.map(([version]) => version)), // the latest, whatever was added since
      cursors: {
        directory: { snapshotId: 'snap-12', version: 31 },
        communities: { version: 9 },
        yells: { version: 17 },
        nominations: { version: 23 },
      },
      outbox: ['pppppppp'],
    });
  });
});
