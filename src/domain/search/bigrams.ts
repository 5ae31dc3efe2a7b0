/**
 * A 64-bit signature per person of which character pairs occur in their segment (hashed into 64
 * buckets). A term can only occur where all its pairs do, so checking two integers per person
 * rules out most people before any string is searched. It never rules out a real match.
 *
 * The bucket of the pair (a, b), 0-63.
 */
export function pairBucket(a: number, b: number): number {
  return Math.imul((a << 16) ^ b, 0x9e3779b1) >>> 26;
}

/** The signature of s, as [low 32 buckets, high 32 buckets]; pairs with a separator are skipped. */
export function signature(s: string, from = 0, to = s.length, floor = 0): [low: number, high: number] {
  let low = 0;
  let high = 0;
  let previous = to > from ? s.charCodeAt(from) : 0;
  for (let i = from + 1; i < to; i++) {
    const c = s.charCodeAt(i);
    if (previous > floor && c > floor) {
      const bucket = pairBucket(previous, c);
      if (bucket < 32) low |= 1 << bucket;
      else high |= 1 << (bucket - 32);
    }
    previous = c;
  }
  return [low, high];
}
