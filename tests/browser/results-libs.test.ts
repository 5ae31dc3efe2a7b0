/**
 * The results views' libraries bundled by Vite and run in real Chromium. encoding-japanese (the CSV
 * writer's Shift_JIS, src/domain/csv/write.ts) and stdlib's t distribution (src/domain/surveys/stats.ts)
 * are CommonJS, loaded with import(): this checks that the production bundler makes them chunks of
 * their own that work in a browser, and that the Shift_JIS one loads only on the first Shift_JIS
 * export. The bytes are read back in Node by other decoders (TextDecoder, papaparse).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { build, type Rollup } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../tools/browser';

let server: Server;
let browser: Browser;
let page: Page;
const files = new Map<string, string>();
const fetched: string[] = [];

beforeAll(async () => {
  const out = (await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      rollupOptions: { input: 'tests/browser/results-libs-page.ts', output: { entryFileNames: 'lab.js' } },
    },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  for (const o of [out].flat())
    for (const chunk of o.output) if (chunk.type === 'chunk') files.set(`/${chunk.fileName}`, chunk.code);
  server = createServer((req, res) => {
    const code = files.get(req.url ?? '');
    if (code !== undefined) return res.writeHead(200, { 'content-type': 'text/javascript' }).end(code);
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end('<!doctype html><meta charset="utf-8"><script type="module" src="/lab.js"></script>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`); // listening on TCP
  await page.waitForFunction(() => 'csvLab' in window);
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

interface Encoded {
  bytes: number[];
  type: string;
  replaced: { count: number; chars: string[] };
}

function encode(rows: (string | number | null)[][], encoding: 'utf8' | 'sjis'): Promise<Encoded> {
  return page.evaluate(
    ([r, e]) =>
      (window as unknown as { csvLab: { encode: (r: unknown, e: string) => Promise<Encoded> } }).csvLab.encode(r, e),
    [rows, encoding] as const,
  );
}

const ROWS = [
  ['所属', '回答数', '平均'],
  ['=HYPERLINK("x")', 12, -0.25],
  ['髙橋・𠮷田の係 ①', 6, 3],
];

const parse = (text: string) =>
  Papa.parse<string[]>(text, { delimiter: ',', newline: '\r\n', skipEmptyLines: true }).data;

describe('CSV export in the browser bundle', () => {
  it('UTF-8 with BOM loads no Shift_JIS tables', async () => {
    const before = fetched.length;
    const file = await encode(ROWS, 'utf8');
    expect(file.type).toBe('text/csv;charset=utf-8');
    expect(file.bytes.slice(0, 3)).toEqual([0xef, 0xbb, 0xbf]);
    expect(parse(new TextDecoder('utf-8').decode(new Uint8Array(file.bytes)))).toEqual([
      ['所属', '回答数', '平均'],
      [`'=HYPERLINK("x")`, '12', '-0.25'],
      ['髙橋・𠮷田の係 ①', '6', '3'],
    ]);
    expect(fetched.slice(before)).toEqual([]);
  });

  it('Shift_JIS fetches its own chunk on first use, then writes CP932 with 𠮷 replaced and counted', async () => {
    const before = fetched.length;
    const file = await encode(ROWS, 'sjis');
    const loaded = fetched.slice(before);
    expect(loaded).toHaveLength(1);
    expect(loaded[0]).not.toBe('/lab.js');
    // (About 88 KB once the bundler moved its runtime helpers to a shared chunk.) The entry chunk does not carry the tables: its own chunk is the big one.
    expect(files.get('/lab.js')!.length).toBeLessThan(10_000);
    expect(files.get(loaded[0]!)!.length).toBeGreaterThan(50_000);
    expect(file.type).toBe('text/csv;charset=shift_jis');
    expect(file.replaced).toEqual({ count: 1, chars: ['𠮷'] });
    expect(parse(new TextDecoder('shift_jis').decode(new Uint8Array(file.bytes)))).toEqual([
      ['所属', '回答数', '平均'],
      [`'=HYPERLINK("x")`, '12', '-0.25'],
      ['髙橋・〓田の係 ①', '6', '3'],
    ]);
    // A second export reuses the loaded chunk.
    await encode(ROWS, 'sjis');
    expect(fetched.slice(before)).toHaveLength(1);
  });
});

describe('the t-test in the browser bundle', () => {
  it("gives SciPy's figures in Chromium", async () => {
    const verdict = (await page.evaluate(
      ([a, b]) =>
        (
          window as unknown as { statsLab: { compare: (a: unknown, b: unknown, k: number) => Promise<unknown> } }
        ).statsLab.compare(a, b, 5),
      [
        { n: 200, mean: 2.6, variance: 0.64 },
        { n: 210, mean: 2.8, variance: 0.64 },
      ] as const,
    )) as { kind: string; size: string; test: { t: number; df: number; p: number; ci95: { low: number } } };
    expect(verdict).toMatchObject({ kind: 'rise', size: 'small' });
    // SciPy 1.17.1 (as in stats.test.ts).
    expect(verdict.test.t).toBeCloseTo(2.530304136737366, 10);
    expect(verdict.test.df).toBeCloseTo(407.02612811392044, 8);
    expect(verdict.test.p).toBeCloseTo(0.011772471105452043, 10);
    expect(verdict.test.ci95.low).toBeCloseTo(0.044618729196497314, 10);
  });
});
