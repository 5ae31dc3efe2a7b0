/**
 * The server's clock, settable by tests. Nothing runs on a schedule here: what is due at a date
 * (a roster change's 発令日) happens at the first request after it, measured against this clock.
 * Unit tests set it in process; on the local stack a test sets it through the roster feature's
 * test route, which exists only when `enableTestClock()` was called (functions/src/index.ts, inside
 * the Functions emulator only, like the read-count header).
 */
// On globalThis, so that a second copy of this module (tsx loading the functions' CommonJS beside
// ESM in a bench script) keeps one clock.
const KEY = Symbol.for('shokuin.serverClock');
const state = ((globalThis as { [KEY]?: { offsetMs: number; settable: boolean } })[KEY] ??= {
  offsetMs: 0,
  settable: false,
});

export const serverClock = {
  now: (): Date => new Date(Date.now() + state.offsetMs),
};

/** Moves the clock to `at` (it keeps running from there), or back to real time with null. */
export function setServerClock(at: Date | null): void {
  state.offsetMs = at === null ? 0 : at.getTime() - Date.now();
}

export function enableTestClock(): void {
  state.settable = true;
}

export function testClockEnabled(): boolean {
  return state.settable;
}
