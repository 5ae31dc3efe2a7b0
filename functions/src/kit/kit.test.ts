import { describe, expect, it } from 'vitest';
import { runKitContract } from './kit.contract';
import { MemoryProbe } from './probe';
import { ReadCounter } from './reads';
import { BURST_RETRY, CONFLICT, retryVersioned, STANDARD_RETRY, VersionContentionError } from './versioned';

runKitContract('in-memory twin', () => new MemoryProbe(STANDARD_RETRY));

describe('kit: retry policy and read counter', () => {
  it('re-runs an attempt that lost the race, up to the policy’s attempts, then gives up', async () => {
    let calls = 0;
    const policy = { name: 'test', attempts: 3, maxBackoffMs: () => 0 };
    await expect(retryVersioned(policy, async () => (calls++, CONFLICT))).rejects.toThrow(VersionContentionError);
    expect(calls).toBe(3);
    calls = 0;
    expect(await retryVersioned(policy, async () => (++calls < 3 ? CONFLICT : 'won'))).toBe('won');
  });

  it('the burst policy is the patient one (a burst of 200 senders needs up to 200 rounds)', () => {
    expect(BURST_RETRY.attempts).toBeGreaterThanOrEqual(200);
    expect(STANDARD_RETRY.attempts).toBeLessThan(BURST_RETRY.attempts);
  });

  it('measures one request’s reads while another runs', async () => {
    const reads = new ReadCounter();
    const slow = reads.measure(async () => {
      reads.add(1);
      await new Promise((r) => setTimeout(r, 5));
      reads.add(1);
    });
    const fast = reads.measure(async () => {
      reads.addQuery(0);
      reads.addQuery(3);
    });
    expect((await fast).reads).toBe(4);
    expect((await slow).reads).toBe(2);
    expect(reads.total).toBe(6);
  });
});
