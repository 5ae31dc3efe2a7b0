/**
 * Bundled into a page for photo.test.ts: the device's photo pipeline, driven from the test through
 * `window.photoLab`. Runs in Chromium, never in Node.
 */
import { CENTRED, decodePhoto, encodePhoto, type Crop } from '../../src/features/profile/photo';

interface Result {
  ok: boolean;
  code?: string;
  thumb?: number[];
  large?: number[];
  thumbPx?: number;
  largePx?: number;
}

async function sizeOf(bytes: Uint8Array): Promise<number> {
  const bitmap = await createImageBitmap(new Blob([bytes as BlobPart], { type: 'image/webp' }));
  return bitmap.width === bitmap.height ? bitmap.width : -1;
}

async function run(file: Blob, crop: Crop = CENTRED): Promise<Result> {
  const decoded = await decodePhoto(file);
  if (!decoded.ok) return { ok: false, code: decoded.problem.code };
  const encoded = await encodePhoto(decoded.bitmap, crop);
  if (!encoded.ok) return { ok: false, code: encoded.problem.code };
  const { thumb, large } = encoded.photo;
  return {
    ok: true,
    thumb: [...thumb],
    large: [...large],
    thumbPx: await sizeOf(thumb),
    largePx: await sizeOf(large),
  };
}

/** A photo-like JPEG made by the browser, of random noise (the hardest case for a size cap) or a gradient. */
async function jpeg(width: number, height: number, noise: boolean): Promise<Uint8Array> {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  const img = ctx.createImageData(width, height);
  for (let i = 0; i < img.data.length; i += 4) {
    const p = i / 4;
    img.data[i] = noise ? Math.random() * 255 : (p % width) % 256;
    img.data[i + 1] = noise ? Math.random() * 255 : Math.floor(p / width) % 256;
    img.data[i + 2] = noise ? Math.random() * 255 : 128;
    img.data[i + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 });
  return new Uint8Array(await blob.arrayBuffer());
}

async function runBytes(bytes: number[], type: string, crop?: Crop): Promise<Result> {
  return run(new Blob([new Uint8Array(bytes)], { type }), crop);
}

async function runHuge(): Promise<Result> {
  // 20 MB and one byte, starting like a JPEG: refused by size before anything is read or decoded.
  const big = new Uint8Array(20 * 1024 * 1024 + 1);
  big.set([0xff, 0xd8, 0xff, 0xe0]);
  return run(new Blob([big], { type: 'image/jpeg' }));
}

Object.assign(window, {
  photoLab: {
    run: runBytes,
    runHuge,
    jpeg: async (w: number, h: number, noise: boolean) => [...(await jpeg(w, h, noise))],
  },
});
