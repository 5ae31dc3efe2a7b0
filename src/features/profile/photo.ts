import { encodeBase64, isWebp, looksLikeImage, PHOTO_LIMITS } from '../../domain/photo';
import { problem, type Problem } from '../../domain/problems';

/**
 * The photo pipeline of D5, all on the device: check the file, decode it, crop a square the user
 * chose, and encode two WebP images (a thumbnail of at most 16 KB and a larger view). Drawing into
 * a canvas and encoding anew keeps only pixels: EXIF (GPS position, camera, date) is left behind.
 * createImageBitmap applies the EXIF orientation first, so the picture is still the right way up.
 */

/** What the user chose: zoom 1 is the largest centred square; x and y move it, from -1 to 1. */
export interface Crop {
  zoom: number;
  x: number;
  y: number;
}

export const CENTRED: Crop = { zoom: 1, x: 0, y: 0 };
export const MAX_ZOOM = 4;

/** The square of the source to draw, in source pixels, always inside the image. */
export function cropRect(width: number, height: number, crop: Crop): { sx: number; sy: number; side: number } {
  const zoom = Math.min(MAX_ZOOM, Math.max(1, crop.zoom));
  const side = Math.min(width, height) / zoom;
  const clamp = (t: number) => Math.min(1, Math.max(-1, t));
  const sx = ((width - side) / 2) * (1 + clamp(crop.x));
  const sy = ((height - side) / 2) * (1 + clamp(crop.y));
  return { sx, sy, side };
}

/** A problem when the file cannot be a usable photo, before anything is decoded; null when it may be. */
export async function checkPhotoFile(file: Blob): Promise<Problem | null> {
  if (file.size > PHOTO_LIMITS.sourceBytes)
    return problem('photo.tooLarge', { maxMb: PHOTO_LIMITS.sourceBytes / (1024 * 1024) });
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  // By the bytes, not the name or the type the picker reports: both can lie.
  return looksLikeImage(head) ? null : problem('photo.notImage');
}

export type Decoded = { ok: true; bitmap: ImageBitmap } | { ok: false; problem: Problem };

export async function decodePhoto(file: Blob): Promise<Decoded> {
  const refusal = await checkPhotoFile(file);
  if (refusal) return { ok: false, problem: refusal };
  try {
    return { ok: true, bitmap: await createImageBitmap(file, { imageOrientation: 'from-image' }) };
  } catch {
    return { ok: false, problem: problem('photo.undecodable') };
  }
}

export interface EncodedPhoto {
  thumb: Uint8Array;
  large: Uint8Array;
}

export type Encoded = { ok: true; photo: EncodedPhoto } | { ok: false; problem: Problem };

/** Both images of the chosen square, each within its byte cap. */
export async function encodePhoto(bitmap: ImageBitmap, crop: Crop): Promise<Encoded> {
  const thumb = await encodeWithin(bitmap, crop, PHOTO_LIMITS.thumbPx, PHOTO_LIMITS.thumbBytes);
  if (!thumb.ok) return thumb;
  const large = await encodeWithin(bitmap, crop, PHOTO_LIMITS.largePx, PHOTO_LIMITS.largeBytes);
  if (!large.ok) return large;
  return { ok: true, photo: { thumb: thumb.bytes, large: large.bytes } };
}

/** The photo as the `profile.photo` mutation carries it. */
export function toUpload(photo: EncodedPhoto): { thumb: string; large: string } {
  return { thumb: encodeBase64(photo.thumb), large: encodeBase64(photo.large) };
}

const QUALITIES = [0.82, 0.72, 0.62, 0.52, 0.42, 0.32, 0.22];

/**
 * Lowers the quality step by step until the image fits; a very busy picture that still does not
 * fit at the lowest quality is made smaller (by 20% a step), down to half size.
 */
async function encodeWithin(
  bitmap: ImageBitmap,
  crop: Crop,
  px: number,
  maxBytes: number,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; problem: Problem }> {
  for (let size = px; size >= px / 2; size = Math.round(size * 0.8)) {
    for (const quality of QUALITIES) {
      const blob = await renderSquare(bitmap, crop, size, quality);
      // Browsers that cannot encode WebP silently hand back a PNG.
      if (blob.type !== 'image/webp') return { ok: false, problem: problem('photo.noEncoder') };
      if (blob.size <= maxBytes) {
        const bytes = new Uint8Array(await blob.arrayBuffer());
        if (!isWebp(bytes)) return { ok: false, problem: problem('photo.noEncoder') };
        return { ok: true, bytes };
      }
    }
  }
  return { ok: false, problem: problem('photo.tooDetailed') };
}

async function renderSquare(bitmap: ImageBitmap, crop: Crop, size: number, quality: number): Promise<Blob> {
  const { sx, sy, side } = cropRect(bitmap.width, bitmap.height, crop);
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(size, size);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    draw(ctx, bitmap, sx, sy, side, size);
    return canvas.convertToBlob({ type: 'image/webp', quality });
  }
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  draw(ctx, bitmap, sx, sy, side, size);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/webp', quality),
  );
}

function draw(
  ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D,
  bitmap: ImageBitmap,
  sx: number,
  sy: number,
  side: number,
  size: number,
): void {
  // A white ground: transparent PNGs would otherwise turn black in a lossy encoder's eyes.
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, size, size);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, sx, sy, side, side, 0, 0, size, size);
}
