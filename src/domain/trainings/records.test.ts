import { describe, expect, it } from 'vitest';
import { runCompleted } from './records';

const run = { dates: ['2027-06-10', '2027-06-17'] };

describe('runCompleted (a run is completed when attended on all its dates or marked so by HR)', () => {
  it('every date present is completed; one date missing or absent is not', () => {
    const present = { '2027-06-10': 'present', '2027-06-17': 'present' } as const;
    expect(runCompleted({ status: 'applied', attendance: present }, run)).toBe(true);
    expect(runCompleted({ status: 'applied', attendance: { '2027-06-10': 'present' } }, run)).toBe(false);
    expect(runCompleted({ status: 'applied', attendance: { ...present, '2027-06-17': 'absent' } }, run)).toBe(false);
    expect(runCompleted({ status: 'applied' }, run)).toBe(false);
  });

  it('HR’s mark decides either way; a waiting or declined application is never completed', () => {
    expect(runCompleted({ status: 'applied', attendance: { '2027-06-10': 'absent' }, completed: true }, run)).toBe(
      true,
    );
    const present = { '2027-06-10': 'present', '2027-06-17': 'present' } as const;
    expect(runCompleted({ status: 'applied', attendance: present, completed: false }, run)).toBe(false);
    expect(runCompleted({ status: 'waitlisted', attendance: present }, run)).toBe(false);
    expect(runCompleted({ status: 'declined', completed: true }, run)).toBe(false);
  });
});
