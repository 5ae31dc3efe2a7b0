/** Byte strings that pass (or fail) the server's WebP check, for tests. Not decodable images. */

/** `RIFF`, the size of the rest, `WEBP`, then a `VP8 ` chunk of filler: `total` bytes in all. */
export function fakeWebp(total: number, fill = 7): Uint8Array {
  const bytes = new Uint8Array(total).fill(fill);
  const ascii = (at: number, s: string) => [...s].forEach((c, i) => (bytes[at + i] = c.charCodeAt(0)));
  ascii(0, 'RIFF');
  new DataView(bytes.buffer).setUint32(4, total - 8, true);
  ascii(8, 'WEBP');
  ascii(12, 'VP8 ');
  return bytes;
}

export function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

/** A PNG's first bytes: an image, but not WebP. */
export const PNG_HEAD = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Uint8Array(64)]);
