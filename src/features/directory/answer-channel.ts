/**
 * The search worker's answers, also written into memory the page shares with it (a
 * SharedArrayBuffer, so only where the page is cross-origin isolated: see firebase.json).
 *
 * Why: a message from the worker is a task of its own, and the browser paints the typed character
 * first, in a frame of its own, before it runs it. The answer then waited for that frame, and its
 * results took a second one: about half of a keystroke's time to its results at 4x CPU throttle.
 * Read from here, the answer is taken in the keystroke's own task, and the character and its
 * results are painted in one frame.
 *
 * Layout (32-bit slots): the answer's seq (0 while one is written), its count, whether the worker
 * is building its index (nothing to wait for), then the positions.
 */
const SEQ = 0;
const COUNT = 1;
const BUSY = 2;
const HEADER = 3;

/** Shared memory for answers of up to `capacity` positions (everyone in the directory). */
export function createAnswerBuffer(capacity: number): SharedArrayBuffer {
  return new SharedArrayBuffer((HEADER + capacity) * Int32Array.BYTES_PER_ELEMENT);
}

/** The worker's side: the answer to `seq`. False when it does not fit (the message still carries it). */
export function writeAnswer(buffer: SharedArrayBuffer, seq: number, positions: Int32Array): boolean {
  const view = new Int32Array(buffer);
  if (positions.length > view.length - HEADER) return false;
  // Seq 0 first: a reader that finds it, or finds another seq after copying, knows the copy is no answer.
  Atomics.store(view, SEQ, 0);
  view.set(positions, HEADER);
  Atomics.store(view, COUNT, positions.length);
  Atomics.store(view, SEQ, seq);
  return true;
}

/** The worker's side: it is building a new index, so nobody should wait for an answer here. */
export function markBusy(buffer: SharedArrayBuffer): void {
  Atomics.store(new Int32Array(buffer), BUSY, 1);
}

/**
 * The page's side: the answer to `seq` once the worker has written it, waiting up to `ms` for it.
 * Null if it does not come by then, if a later answer is already there, or while the worker is
 * building its index. The wait spins: a page may not block on Atomics.wait.
 */
export function readAnswer(
  buffer: SharedArrayBuffer,
  seq: number,
  ms: number,
  now: () => number = () => performance.now(),
): Int32Array | null {
  const view = new Int32Array(buffer);
  let deadline = -Infinity;
  for (;;) {
    // Checked on every turn: the worker may begin a new index while the page waits.
    if (Atomics.load(view, BUSY) !== 0) return null;
    if (deadline === -Infinity) deadline = now() + ms;
    const held = Atomics.load(view, SEQ);
    if (held === seq) {
      const positions = view.slice(HEADER, HEADER + Atomics.load(view, COUNT));
      // Rewritten while copied (another answer began): not this answer after all.
      return Atomics.load(view, SEQ) === seq ? positions : null;
    }
    if (held > seq || now() >= deadline) return null;
  }
}
