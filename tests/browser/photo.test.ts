/**
 * The device's photo pipeline (src/features/profile/photo.ts) in real Chromium: createImageBitmap,
 * OffscreenCanvas and the WebP encoder cannot be faked in Node. The module is bundled with esbuild
 * into a page served on 127.0.0.1 (the pattern of bench/run.ts).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as esbuild from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHOTO_LIMITS } from '../../src/domain/photo';
import { launchChromium } from '../../tools/browser';

interface Result {
  ok: boolean;
  code?: string;
  thumb?: number[];
  large?: number[];
  thumbPx?: number;
  largePx?: number;
}
interface Lab {
  run(bytes: number[], type: string, crop?: { zoom: number; x: number; y: number }): Promise<Result>;
  runHuge(): Promise<Result>;
  jpeg(w: number, h: number, noise: boolean): Promise<number[]>;
}

let server: Server;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const bundle = await esbuild.build({
    entryPoints: ['tests/browser/photo-page.ts'],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  server = createServer((req, res) => {
    if (req.url === '/lab.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end('<!doctype html><script type="module" src="/lab.js"></script>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`); // listening on TCP, so an AddressInfo
  await page.waitForFunction(() => 'photoLab' in window);
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** Calls one of the page's `photoLab` functions with JSON-able arguments. */
function call<K extends keyof Lab>(method: K, ...args: Parameters<Lab[K]>): ReturnType<Lab[K]> {
  return page.evaluate(
    ([m, a]) => {
      const photoLab = (window as unknown as { photoLab: Record<string, (...x: unknown[]) => unknown> }).photoLab; // set by photo-page.ts
      return photoLab[m]?.(...a);
    },
    [method, args] as const,
  ) as ReturnType<Lab[K]>; // the page returns what the Lab method returns
}

const ascii = (bytes: number[], s: string) => {
  const needle = [...s].map((c) => c.charCodeAt(0));
  return bytes.some((_, i) => needle.every((b, k) => bytes[i + k] === b));
};

/** A JPEG with an APP1 Exif segment (a GPS-ish marker inside) spliced in right after SOI. */
function withExif(jpeg: number[]): number[] {
  const tiff = [0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00];
  const secret = [...'GPS 35.6895N 139.6917E'].map((c) => c.charCodeAt(0));
  const payload = [...[...'Exif'].map((c) => c.charCodeAt(0)), 0, 0, ...tiff, ...secret];
  const length = payload.length + 2;
  return [0xff, 0xd8, 0xff, 0xe1, length >> 8, length & 0xff, ...payload, ...jpeg.slice(2)];
}

describe('photo pipeline in Chromium', () => {
  it('a JPEG with EXIF in: two square WebP images out, within their caps, with no EXIF left', async () => {
    const source = withExif(await call('jpeg', 1200, 900, false));
    expect(ascii(source, 'Exif')).toBe(true); // the input really carries EXIF
    const r = await call('run', source, 'image/jpeg');
    expect(r.ok, r.code).toBe(true);
    const thumb = r.thumb ?? [];
    const large = r.large ?? [];
    for (const img of [thumb, large]) {
      expect(String.fromCharCode(...img.slice(0, 4)) + String.fromCharCode(...img.slice(8, 12))).toBe('RIFFWEBP');
      expect(ascii(img, 'EXIF')).toBe(false);
      expect(ascii(img, 'Exif')).toBe(false);
      expect(ascii(img, 'GPS 35.6895N')).toBe(false);
    }
    expect(thumb.length).toBeLessThanOrEqual(PHOTO_LIMITS.thumbBytes);
    expect(large.length).toBeLessThanOrEqual(PHOTO_LIMITS.largeBytes);
    expect(r.thumbPx).toBe(PHOTO_LIMITS.thumbPx);
    expect(r.largePx).toBe(PHOTO_LIMITS.largePx);
  });

  it('random noise (the least compressible picture) still comes out within 16 KB and 150 KB', async () => {
    const source = await call('jpeg', 1024, 1024, true);
    const r = await call('run', source, 'image/jpeg');
    expect(r.ok, r.code).toBe(true);
    expect(r.thumb?.length ?? Infinity).toBeLessThanOrEqual(PHOTO_LIMITS.thumbBytes);
    expect(r.large?.length ?? Infinity).toBeLessThanOrEqual(PHOTO_LIMITS.largeBytes);
  });

  it('a file over 20 MB is refused by size with its code', async () => {
    const r = await call('runHuge');
    expect(r).toEqual({ ok: false, code: 'photo.tooLarge' });
  });

  it('a text file named like a photo is refused as not an image, before decoding', async () => {
    const text = [...new TextEncoder().encode('<script>alert(1)</script> これは写真ではありません')];
    const r = await call('run', text, 'image/jpeg');
    expect(r).toEqual({ ok: false, code: 'photo.notImage' });
  });

  it('a broken JPEG (right magic, garbage after) is refused as undecodable', async () => {
    const broken = [0xff, 0xd8, 0xff, 0xe0, ...Array.from({ length: 500 }, (_, i) => (i * 37) % 256)];
    const r = await call('run', broken, 'image/jpeg');
    expect(r).toEqual({ ok: false, code: 'photo.undecodable' });
  });
});
