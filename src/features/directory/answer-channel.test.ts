import { describe, expect, it } from 'vitest';
import { createAnswerBuffer, markBusy, readAnswer, writeAnswer } from './answer-channel';

/** A clock that moves on by `step` ms each time it is read, and can act at a given read. */
function clock(step: number, at?: { read: number; then: () => void }) {
  let t = 0;
  let reads = 0;
  return () => {
    if (at && ++reads === at.read) at.then();
    return (t += step);
  };
}

describe('answers shared between the search worker and the page', () => {
  it('gives the page the positions written for its seq', () => {
    const buffer = createAnswerBuffer(5);
    expect(writeAnswer(buffer, 3, Int32Array.of(4, 0, 2))).toBe(true);
    expect(Array.from(readAnswer(buffer, 3, 0, clock(1)) ?? [])).toEqual([4, 0, 2]);
    // A copy: the next answer does not change what the page took.
    const taken = readAnswer(buffer, 3, 0, clock(1));
    writeAnswer(buffer, 4, Int32Array.of(1));
    expect(Array.from(taken ?? [])).toEqual([4, 0, 2]);
  });

  it('waits for an answer written while it waits, and no longer than it was told', () => {
    const buffer = createAnswerBuffer(5);
    writeAnswer(buffer, 1, Int32Array.of(1));
    const written = clock(1, { read: 4, then: () => writeAnswer(buffer, 2, Int32Array.of(2, 3)) });
    expect(Array.from(readAnswer(buffer, 2, 10, written) ?? [])).toEqual([2, 3]);
    // Never written: given up once the clock (1 ms a read, from 1) reaches the deadline at 6.
    let reads = 0;
    expect(readAnswer(buffer, 3, 5, () => ++reads)).toBeNull();
    expect(reads).toBe(6);
  });

  it('gives nothing for a seq a later answer overtook, without waiting', () => {
    const buffer = createAnswerBuffer(5);
    writeAnswer(buffer, 7, Int32Array.of(1));
    let reads = 0;
    expect(readAnswer(buffer, 6, 1000, () => ++reads)).toBeNull();
    expect(reads).toBe(1);
  });

  it('does not wait while the worker builds a new index', () => {
    const buffer = createAnswerBuffer(5);
    markBusy(buffer);
    let reads = 0;
    expect(readAnswer(buffer, 1, 1000, () => ++reads)).toBeNull();
    expect(reads).toBe(0);
  });

  it('stops waiting as soon as the worker begins a new index', () => {
    const buffer = createAnswerBuffer(5);
    let reads = 0;
    const marking = () => {
      if (++reads === 3) markBusy(buffer);
      return reads;
    };
    expect(readAnswer(buffer, 1, 1000, marking)).toBeNull();
    expect(reads).toBe(3);
  });

  it('refuses an answer larger than the directory it was made for (the message still carries it)', () => {
    const buffer = createAnswerBuffer(2);
    expect(writeAnswer(buffer, 1, Int32Array.of(1, 2, 3))).toBe(false);
    expect(readAnswer(buffer, 1, 3, clock(1))).toBeNull();
    expect(writeAnswer(buffer, 2, Int32Array.of())).toBe(true);
    expect(Array.from(readAnswer(buffer, 2, 0, clock(1)) ?? [NaN])).toEqual([]);
  });
});
