/**
 * D5 end to end on the local stack: the profile photo from the file picker to another person's
 * screen. What this proves, in Debian's Chromium at phone size:
 *
 * - a 20 MB file and a file that is not an image are refused on the device with the Japanese
 *   message, and nothing reaches the outbox;
 * - a real JPEG (with EXIF) is decoded, cropped and re-encoded to WebP in the page, queued as a
 *   `profile.photo` mutation with the consent, and the outbox empties against the Functions emulator;
 * - the served photo is WebP and carries none of the source's EXIF;
 * - another user (the 課長, in another browser context) sees it: the <img> is loaded same-origin
 *   from `/api/photos/...` through the Hosting emulator, authorised only by the `__session` cookie
 *   (the same URL without the cookie is refused), and the service worker keeps it in `photos`;
 * - once the owner narrows the photo's audience to 自分のみ, the server answers the other user's
 *   request with 404 while the owner still gets the photo, and the other user's screen stops
 *   showing it.
 *
 * It does not prove Firebase Hosting in production (which strips every cookie but `__session`), nor
 * the CDN's behaviour: the emulator forwards all cookies.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHOTO_LIMITS } from '../../src/domain/photo';
import { ja as problemWords } from '../../src/i18n/problems/ja';
import { account, idTokenFor, stack } from '../stack/context';
import { launchChromium, newPhone, signIn, waitForDirectory, waitForOfflineReady } from './browser';

/** Set E2E_SHOTS_DIR to keep screenshots of the edit screen and the profiles (never committed). */
const SHOTS_DIR = process.env.E2E_SHOTS_DIR;

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS_DIR) return;
  mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(SHOTS_DIR, `${name}.png`), fullPage: false });
}

/** Entries in the device's outbox and rejected tables, read from IndexedDB as the app stores them. */
async function queued(page: Page): Promise<{ outbox: number; rejected: number }> {
  return page.evaluate(
    () =>
      new Promise<{ outbox: number; rejected: number }>((resolve, reject) => {
        const open = indexedDB.open('shokuin-meikan');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['outbox', 'rejected'], 'readonly');
          const outbox = tx.objectStore('outbox').count();
          const rejected = tx.objectStore('rejected').count();
          tx.oncomplete = () => {
            resolve({ outbox: outbox.result, rejected: rejected.result });
            db.close();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

async function waitForEmptyOutbox(page: Page): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const q = await queued(page);
    expect(q.rejected).toBe(0);
    if (q.outbox === 0) return;
    if (Date.now() > deadline) throw new Error(`outbox still holds ${q.outbox} mutation(s)`);
    await page.waitForTimeout(250);
  }
}

const CAMERA = 'E2E-TestCam';

/**
 * A real JPEG as a camera makes one: drawn in the page's canvas (a landscape 1200x900 picture, so
 * the crop matters), encoded by the browser, with an EXIF APP1 segment naming the camera inserted
 * after the start-of-image marker.
 */
async function cameraJpeg(page: Page): Promise<Buffer> {
  const bytes = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 1200;
    canvas.height = 900;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    const sky = ctx.createLinearGradient(0, 0, 0, 900);
    sky.addColorStop(0, '#8ec5e8');
    sky.addColorStop(1, '#f4e3c1');
    ctx.fillStyle = sky;
    ctx.fillRect(0, 0, 1200, 900);
    ctx.fillStyle = '#f1c9a5';
    ctx.beginPath();
    ctx.arc(600, 420, 220, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = '#2b2b2b';
    ctx.beginPath();
    ctx.arc(520, 380, 24, 0, Math.PI * 2);
    ctx.arc(680, 380, 24, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = '#1f5f8b';
    ctx.fillRect(380, 700, 440, 200);
    const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/jpeg', 0.9));
    if (!blob) throw new Error('toBlob failed');
    return Array.from(new Uint8Array(await blob.arrayBuffer()));
  });
  const jpeg = Buffer.from(bytes);
  expect([jpeg[0], jpeg[1]]).toEqual([0xff, 0xd8]);
  return Buffer.concat([jpeg.subarray(0, 2), exifSegment(CAMERA), jpeg.subarray(2)]);
}

/** APP1 `Exif\0\0` with a little-endian TIFF header and one IFD entry: Make (0x010f, ASCII). */
function exifSegment(make: string): Buffer {
  const value = Buffer.from(`${make}\0`, 'ascii');
  const tiff = Buffer.alloc(8 + 2 + 12 + 4);
  tiff.write('II', 0, 'ascii');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4); // the IFD follows the header
  tiff.writeUInt16LE(1, 8); // one entry
  tiff.writeUInt16LE(0x010f, 10);
  tiff.writeUInt16LE(2, 12); // ASCII
  tiff.writeUInt32LE(value.length, 14);
  tiff.writeUInt32LE(tiff.length, 18); // the value sits right after the IFD
  tiff.writeUInt32LE(0, 22); // no next IFD
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'binary'), tiff, value]);
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xffe1, 0);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/** GET through the Hosting emulator from Node, with or without a `__session` cookie. */
async function getPhoto(path: string, token: string | null): Promise<{ status: number; type: string; body: Buffer }> {
  const res = await fetch(`${stack().appUrl}${path}`, {
    headers: token ? { Cookie: `__session=${token}` } : {},
  });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: Buffer.from(await res.arrayBuffer()),
  };
}

describe('profile photo (D5) end to end, in Chromium on the local stack', () => {
  let browser: Browser;
  let me: { context: BrowserContext; page: Page };
  let other: { context: BrowserContext; page: Page };
  /** The `/api/photos/{id}/large` path of the 職員's photo, once it has been sent. */
  let largePath = '';
  let name = '';

  beforeAll(async () => {
    browser = await launchChromium();
    const { appUrl, staffCount } = stack();
    // The 課長 is signed in on their own phone before anything changes.
    other = await newPhone(browser);
    await signIn(other.page, appUrl, account('課長'));
    await waitForDirectory(other.page, staffCount);
    await waitForOfflineReady(other.page);

    me = await newPhone(browser);
    await signIn(me.page, appUrl, account('職員'));
    await waitForDirectory(me.page, staffCount);
    name = account('職員').name;
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function openEdit(): Promise<void> {
    await me.page.goto(`${stack().appUrl}/people/${account('職員').staffId}`);
    await me.page.getByRole('link', { name: 'プロフィールを編集' }).click();
    await me.page.getByRole('heading', { level: 1, name: 'プロフィールを編集' }).waitFor();
  }

  it('refuses a 20 MB file and a non-image file with a clear Japanese message, and queues nothing', async () => {
    await openEdit();
    const picker = me.page.locator('#photo-file');
    const alert = me.page.locator('.photo-editor [role="alert"]');

    // Starts like a JPEG, so only the size can refuse it.
    const huge = Buffer.alloc(PHOTO_LIMITS.sourceBytes + 1);
    huge.set([0xff, 0xd8, 0xff, 0xe0]);
    await picker.setInputFiles({ name: 'huge.jpg', mimeType: 'image/jpeg', buffer: huge });
    await alert.filter({ hasText: problemWords['photo.tooLarge']({ maxMb: 20 }) }).waitFor();
    expect(await me.page.getByRole('img', { name: /写真の表示範囲/ }).count()).toBe(0);

    // Named and typed as a photo, but the bytes are text.
    await picker.setInputFiles({
      name: 'photo.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from('これは写真ではありません\n', 'utf8'),
    });
    await alert.filter({ hasText: problemWords['photo.notImage'] }).waitFor();
    expect(await me.page.getByRole('img', { name: /写真の表示範囲/ }).count()).toBe(0);

    // Saving now sends nothing: the refused files never became a photo change.
    await me.page.getByRole('button', { name: '保存', exact: true }).click();
    await me.page.getByRole('heading', { level: 1, name }).waitFor();
    expect(await queued(me.page)).toEqual({ outbox: 0, rejected: 0 });
  });

  it('sends a photo picked, cropped and consented to on the device; the 課長 sees it through Hosting, cached by the service worker', async () => {
    const { appUrl } = stack();
    await openEdit();
    const jpeg = await cameraJpeg(me.page);
    expect(jpeg.includes(Buffer.from(CAMERA))).toBe(true);
    await me.page.locator('#photo-file').setInputFiles({ name: 'IMG_0001.JPG', mimeType: 'image/jpeg', buffer: jpeg });

    // The crop: zoom in a little and move the square towards the top.
    await me.page.getByRole('img', { name: /写真の表示範囲/ }).waitFor();
    await me.page.getByLabel('拡大').fill('1.3');
    await me.page.getByLabel('上下').fill('-0.4');
    await me.page.locator('.photo-crop').scrollIntoViewIfNeeded();
    await shot(me.page, 'edit-crop');
    await me.page.getByRole('button', { name: 'この範囲を使う' }).click();
    const preview = me.page.getByRole('img', { name: '現在の写真' });
    await preview.waitFor();
    expect(await preview.getAttribute('src')).toMatch(/^data:image\/webp;base64,/);

    await me.page.getByLabel('写真の表示に同意する').check();
    await shot(me.page, 'edit-with-photo');
    // Nothing is queued before 保存.
    expect((await queued(me.page)).outbox).toBe(0);
    await me.page.getByRole('button', { name: '保存', exact: true }).click();
    await me.page.getByRole('heading', { level: 1, name }).waitFor();
    expect((await queued(me.page)).outbox).toBe(2); // profile.photo and the consent
    await waitForEmptyOutbox(me.page);
    await me.page.getByRole('status').filter({ hasText: '最新' }).waitFor({ timeout: 30_000 });

    // The owner's own profile shows the photo as the server has it now.
    const ownPhoto = me.page.getByRole('img', { name: `${name}の写真` });
    await expect
      .poll(() => ownPhoto.getAttribute('src'), { timeout: 30_000 })
      .toMatch(/^\/api\/photos\/[a-f0-9]{32}\/large$/);
    largePath = (await ownPhoto.getAttribute('src')) ?? '';
    // The consent reached the server and this screen says so (not the copy fetched before the edit).
    await expect.poll(() => me.page.getByText(/写真は同意するまで/).count(), { timeout: 15_000 }).toBe(0);
    await shot(me.page, 'own-profile-with-photo');

    // The server's copy: WebP, with none of the source's EXIF.
    const served = await getPhoto(largePath, await idTokenFor(account('職員')));
    expect(served.status).toBe(200);
    expect(served.type).toBe('image/webp');
    expect(served.body.subarray(0, 4).toString('ascii')).toBe('RIFF');
    expect(served.body.subarray(8, 12).toString('ascii')).toBe('WEBP');
    expect(served.body.includes(Buffer.from(CAMERA))).toBe(false);
    expect(served.body.includes(Buffer.from('Exif'))).toBe(false);
    // The cookie is what authorises it: without one, Hosting's answer is a refusal, not the photo.
    expect((await getPhoto(largePath, null)).status).toBe(401);

    // The 課長 opens the 職員's profile (the app syncs when it starts).
    await other.page.goto(`${appUrl}/people/${account('職員').staffId}`);
    await other.page.getByRole('heading', { level: 1, name }).waitFor();
    expect(await other.page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    const seen = other.page.getByRole('img', { name: `${name}の写真` });
    await seen.waitFor({ timeout: 30_000 });
    await other.page.waitForFunction(
      (alt) => {
        const img = [...document.images].find((i) => i.alt === alt);
        return img !== undefined && img.complete && img.naturalWidth > 0;
      },
      `${name}の写真`,
      { timeout: 30_000 },
    );
    const loaded = await seen.evaluate((img: HTMLImageElement) => ({
      src: img.currentSrc,
      width: img.naturalWidth,
      height: img.naturalHeight,
    }));
    expect(loaded.src).toBe(`${appUrl}${largePath}`); // same origin: the Hosting emulator
    expect(loaded.width).toBe(PHOTO_LIMITS.largePx);
    expect(loaded.height).toBe(PHOTO_LIMITS.largePx);
    await shot(other.page, 'profile-seen-by-kacho');

    // The service worker kept it (CacheFirst writes after answering, hence the wait).
    await other.page.waitForFunction(
      async (path) => {
        const cache = await caches.open('photos');
        return (await cache.keys()).some((r) => new URL(r.url).pathname === path);
      },
      largePath,
      { timeout: 15_000 },
    );

    // And in the directory, the face grid's thumbnail comes from the same route.
    await other.page.getByRole('link', { name: '← 名簿' }).click();
    await other.page.getByRole('searchbox', { name: '職員を検索' }).fill(name.split(' ')[0] ?? name);
    const thumbPath = largePath.replace(/\/large$/, '');
    await other.page.waitForFunction(
      (path) =>
        [...document.images].some(
          (i) => new URL(i.currentSrc || i.src, location.href).pathname === path && i.naturalWidth > 0,
        ),
      thumbPath,
      { timeout: 30_000 },
    );
  });

  it('refuses the photo (404) to another user once its audience is 自分のみ, and still serves it to its owner', async () => {
    expect(largePath).not.toBe('');
    await openEdit();
    await me.page.getByLabel('写真の公開範囲').selectOption({ label: '自分のみ' });
    await me.page.getByRole('button', { name: '保存', exact: true }).click();
    await me.page.getByRole('heading', { level: 1, name }).waitFor();
    await waitForEmptyOutbox(me.page);

    const refused = await getPhoto(largePath, await idTokenFor(account('課長')));
    expect(refused.status).toBe(404);
    expect(refused.type).not.toMatch(/^image\//);
    expect((await getPhoto(largePath.replace(/\/large$/, ''), await idTokenFor(account('課長')))).status).toBe(404);
    expect((await getPhoto(largePath, await idTokenFor(account('職員')))).status).toBe(200);

    // The 課長's screen stops showing it once their device has the new detail and directory.
    await other.page.goto(`${stack().appUrl}/people/${account('職員').staffId}`);
    await other.page.getByRole('heading', { level: 1, name }).waitFor();
    await expect
      .poll(() => other.page.getByRole('img', { name: `${name}の写真` }).count(), { timeout: 30_000 })
      .toBe(0);
  });

  it('forgets the cached photos when the 課長 signs out (office PCs are shared)', async () => {
    expect(await other.page.evaluate(() => caches.has('photos'))).toBe(true);
    await other.page.getByRole('button', { name: 'サインアウト' }).click();
    await other.page.getByLabel('メールアドレス').waitFor({ timeout: 15_000 });
    await other.page.waitForFunction(async () => !(await caches.has('photos')), null, { timeout: 15_000 });
    // And the cookie that authorised the photos went with the session.
    const cookies = await other.context.cookies();
    expect(cookies.filter((c) => c.name === '__session' && c.value !== '')).toEqual([]);
  });
});
