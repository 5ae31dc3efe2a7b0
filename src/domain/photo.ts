/**
 * Profile photos (D5): made small on the device, checked again by the server. Shared so that both
 * refuse the same things with the same words.
 */
export const PHOTO_LIMITS = {
  /** The file a person picks; anything larger is refused before it is decoded. */
  sourceBytes: 20 * 1024 * 1024,
  /** Grid thumbnail: 40,000 of these may be cached on a phone. */
  thumbBytes: 16 * 1024,
  /** Profile page view. With the thumbnail and base64 it must fit one push request (256 KB). */
  largeBytes: 150 * 1024,
  thumbPx: 128,
  largePx: 512,
} as const;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Strict base64 (no whitespace, correct padding) to bytes; null when it is not. */
export function decodeBase64(text: string): Uint8Array | null {
  if (!BASE64.test(text)) return null;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode with 150,000 arguments would overflow the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/**
 * A WebP file: `RIFF`, a little-endian size that matches the file, then `WEBP`. Checking the size
 * too refuses a truncated upload, not only a file of another kind.
 */
export function isWebp(bytes: Uint8Array): boolean {
  if (bytes.length < 16) return false;
  const tag = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (tag(0) !== 'RIFF' || tag(8) !== 'WEBP') return false;
  const riffSize = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  return riffSize + 8 === bytes.length;
}

/** The magic numbers of the image formats a browser decodes; anything else is not a photo. */
export function looksLikeImage(head: Uint8Array): boolean {
  const starts = (...sig: number[]) => sig.every((b, i) => head[i] === b);
  const ascii = (at: number, s: string) => [...s].every((c, i) => head[at + i] === c.charCodeAt(0));
  return (
    starts(0xff, 0xd8, 0xff) || // JPEG
    starts(0x89, 0x50, 0x4e, 0x47) || // PNG
    ascii(0, 'GIF8') ||
    (ascii(0, 'RIFF') && ascii(8, 'WEBP')) ||
    ascii(4, 'ftypavif') ||
    ascii(4, 'ftypheic') ||
    ascii(4, 'ftypheix') ||
    ascii(4, 'ftypmif1') ||
    starts(0x42, 0x4d) // BMP
  );
}
