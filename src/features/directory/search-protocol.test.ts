import { describe, expect, it } from 'vitest';
import { record } from '../../../tests/fixtures/records';
import type { DirectoryRecord } from '../../domain/staff';
import { directoryFingerprint } from './search-protocol';

const people = (...ids: string[]): DirectoryRecord[] => ids.map((id) => record({ id }));

describe('directoryFingerprint', () => {
  it('is the same for two copies of one directory (the page and the worker each decode their own)', () => {
    expect(directoryFingerprint(people('a', 'b', 'c'))).toBe(directoryFingerprint(people('a', 'b', 'c')));
  });

  it('tells apart a sync that replaced someone between the ends, with the count unchanged', () => {
    expect(directoryFingerprint(people('a', 'b', 'c', 'd'))).not.toBe(directoryFingerprint(people('a', 'x', 'c', 'd')));
    expect(directoryFingerprint(people('a', 'b', 'c', 'd'))).not.toBe(directoryFingerprint(people('a', 'c', 'b', 'd')));
  });

  it('does not run ids together', () => {
    expect(directoryFingerprint(people('ab', 'c'))).not.toBe(directoryFingerprint(people('a', 'bc')));
  });

  it('tells apart the first chunk from the whole directory', () => {
    expect(directoryFingerprint(people('a'))).not.toBe(directoryFingerprint(people('a', 'b')));
  });
});
