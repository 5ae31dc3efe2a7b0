/**
 * A CP932 (Windows Shift_JIS) encoder for tests, the bench and the demo roster tool: browsers and
 * Node only decode Shift_JIS, so the table is the decoder's own, inverted (every lead and trail
 * byte pair decoded once). Where two byte pairs decode to one character (NEC and IBM duplicates),
 * the first is kept, as Windows does for the NEC row 13 ones.
 */
let table: Map<string, number[]> | null = null;

function encoderTable(): Map<string, number[]> {
  if (table) return table;
  const decoder = new TextDecoder('shift_jis');
  const map = new Map<string, number[]>();
  for (let b = 0x20; b < 0x7f; b++) map.set(String.fromCharCode(b), [b]);
  for (const b of [0x09, 0x0a, 0x0d]) map.set(String.fromCharCode(b), [b]);
  for (let b = 0xa1; b <= 0xdf; b++) map.set(decoder.decode(new Uint8Array([b])), [b]);
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (lead >= 0xa0 && lead <= 0xdf) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      const c = decoder.decode(new Uint8Array([lead, trail]));
      if (c.length === 1 && c !== '\uFFFD' && !map.has(c)) map.set(c, [lead, trail]);
    }
  }
  table = map;
  return map;
}

/**
 * Encodes text as CP932; throws on a character CP932 does not have (𠮷, emoji), unless `gaiji` is
 * set: then such a character is written as the first user-defined code (0xF040, U+E000 when read),
 * as a personnel system sends a 外字.
 */
export function encodeCp932(text: string, options: { gaiji?: boolean } = {}): Uint8Array {
  const map = encoderTable();
  const out: number[] = [];
  for (const c of text) {
    const bytes = map.get(c);
    if (!bytes && options.gaiji) {
      out.push(0xf0, 0x40);
      continue;
    }
    if (!bytes) throw new RangeError(`not in CP932: ${c} (U+${c.codePointAt(0)?.toString(16)})`);
    out.push(...bytes);
  }
  return Uint8Array.from(out);
}
