/**
 * Free text as people type it on phones: normalise to NFC (iOS and Android differ), drop control
 * characters other than line breaks (they break CSV exports and some screen readers), unify line
 * endings. Markup is kept as typed; it is shown as text, never interpreted.
 */
export function cleanText(input: string): string {
  return (
    input
      .normalize('NFC')
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0009\u000B-\u001F\u007F]/g, '')
      .trim()
  );
}

/** Length as a person counts it: one per character, so 𠮷 and emoji count once, not twice. */
export function charCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
