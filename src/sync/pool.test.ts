import { describe, expect, it } from 'vitest';
import { mapLimit } from './pool';
import { deferred, settle } from './testing';

describe('mapLimit', () => {
  it('keeps input order in the result whatever order calls finish in', async () => {
    const gates = [deferred(), deferred(), deferred()];
    const run = mapLimit([0, 1, 2], 3, async (n) => {
      await gates[n]?.promise;
      return n * 10;
    });
    gates[2]?.resolve();
    gates[0]?.resolve();
    gates[1]?.resolve();
    expect(await run).toEqual([0, 10, 20]);
  });

  it('starts nothing new after a failure and rejects with it', async () => {
    const started: number[] = [];
    const failure = new Error('chunk 1 failed');
    const run = mapLimit([0, 1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n);
      await settle();
      if (n === 1) throw failure;
      return n;
    });
    await expect(run).rejects.toBe(failure);
    await settle();
    // 0 and 1 ran together; 0's worker took 2 before 1 failed, and nothing after that was started.
    expect(started).toEqual([0, 1, 2]);
  });

  it('handles no items', async () => {
    expect(await mapLimit([], 4, async () => 1)).toEqual([]);
  });
});
