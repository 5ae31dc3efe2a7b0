import { describe, expect, it } from 'vitest';
import { formatVerdicts, judge, TARGETS, unmeasured } from './targets';

describe('bench targets', () => {
  it('marks a figure over its at-most target as missed and one at it as met', () => {
    const verdicts = judge({ 'search.p95_ms_40k': 10, 'directory.sync_ms_40k': 1001 });
    expect(verdicts.map((v) => [v.key, v.met])).toEqual([
      ['search.p95_ms_40k', true],
      ['directory.sync_ms_40k', false],
    ]);
  });

  it('marks a figure under its at-least target as missed', () => {
    expect(judge({ 'lighthouse.mobile_performance': 94 })[0]?.met).toBe(false);
    expect(judge({ 'lighthouse.mobile_performance': 95 })[0]?.met).toBe(true);
  });

  it('reports a figure without a target as met, and lists targets the run did not measure', () => {
    const verdicts = judge({ 'search.p50_ms_40k': 99 });
    expect(verdicts[0]).toMatchObject({ target: null, met: true });
    const missing = unmeasured({ 'search.p50_ms_40k': 99 });
    expect(missing).toEqual(Object.keys(TARGETS));
    const table = formatVerdicts(verdicts, missing);
    expect(table).toContain('no target');
    expect(table).toMatch(/sync\.nochange_requests\s+-\s+≤ 1\s+not measured/);
  });

  it('prints MISSED beside each figure off its target', () => {
    const table = formatVerdicts(judge({ 'sync.nochange_requests': 2, 'sync.nochange_reads': 5 }), []);
    expect(table.split('\n').filter((line) => line.includes('MISSED'))).toEqual([
      expect.stringMatching(/^sync\.nochange_requests\s+2\s+≤ 1\s+MISSED/),
    ]);
  });
});
