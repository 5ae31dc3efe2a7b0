import { describe, expect, it } from 'vitest';
import { SAMPLE_LIST, SAMPLE_MUTATIONS } from '../../tests/fixtures/mutations';
import { touchesDirectory, type Mutation } from '../domain/mutations';
import type { DirectoryRecord } from '../domain/staff';
import { applyPending, pendingFields } from './reconcile';
import { makeRecord } from './testing';

const SELF = 'u-self';
const OTHER = 'u-other';

let seq = 0;
/** A pending profile update; `undefined` is a patch that leaves intro out. */
const edit = (intro: string | undefined): Mutation => ({
  kind: 'profile.update',
  id: `mut-${String(++seq).padStart(6, '0')}`,
  createdAt: '2026-04-01T09:00:00.000Z',
  patch: intro === undefined ? {} : { intro },
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('applyPending', () => {
  // Each row: whose record, the server's intro, the signed-in user's pending intros (oldest first), what shows.
  // The server's record also carries a title the device never had, which must always show.
  it.each<[string, string, string, (string | undefined)[], string]>([
    ['no pending change: the server record as is', SELF, 'S', [], 'S'],
    ['a pending edit shows the local value', SELF, 'S', ['L1'], 'L1'],
    ['two pending edits of one field: the later shows', SELF, 'S', ['L1', 'L2'], 'L2'],
    ['clearing the field is a change, not an absence', SELF, 'S', [''], ''],
    ['a patch without the field leaves the server value', SELF, 'S', [undefined], 'S'],
    ['a later patch without the field keeps the earlier edit', SELF, 'S', ['L1', undefined], 'L1'],
    ['acknowledged (no longer pending): the server form wins over what was typed', SELF, '自己紹介', [], '自己紹介'],
    ['someone else is never overridden by my pending edits', OTHER, 'S', ['L1'], 'S'],
    ['someone else, several pending edits', OTHER, 'S', ['L1', '', 'L3'], 'S'],
  ])('%s', (_name, id, serverIntro, pendingIntros, shownIntro) => {
    const server = deepFreeze(makeRecord(id, { intro: serverIntro, title: '係長（サーバー）' }));
    const pending = deepFreeze(pendingIntros.map(edit));

    const shown = applyPending(server, pending, SELF);

    const expected: DirectoryRecord = { ...server, intro: shownIntro };
    expect(shown).toEqual(expected);
    expect(shown.title).toBe('係長（サーバー）');
  });

  it('returns the same object when nothing applies, so memoised rows do not re-render', () => {
    const mine = makeRecord(SELF, { intro: 'S' });
    const theirs = makeRecord(OTHER, { intro: 'S' });
    expect(applyPending(mine, [], SELF)).toBe(mine);
    expect(applyPending(mine, [edit('S')], SELF)).toBe(mine);
    expect(applyPending(theirs, [edit('L')], SELF)).toBe(theirs);
    expect(applyPending(mine, [edit('L')], SELF)).not.toBe(mine);
  });

  it('follows one edit through its life: pending, server changes meanwhile, then acknowledged or rejected', () => {
    const typed = edit('よろしくお願いします ');
    const before = makeRecord(SELF, { intro: '旧', title: '主事' });
    // While pending, a personnel change arrives from the server: the new title shows, the typed intro stays.
    const promoted = { ...before, title: '主任' };
    expect(applyPending(promoted, [typed], SELF)).toEqual({ ...promoted, intro: 'よろしくお願いします ' });
    // Acknowledged: the server stored its cleaned form, which now shows.
    const stored = { ...promoted, intro: 'よろしくお願いします' };
    expect(applyPending(stored, [], SELF)).toEqual(stored);
    // Rejected instead: the entry left the pending list, and the server's unchanged value shows again.
    expect(applyPending(promoted, [], SELF).intro).toBe('旧');
  });
});

describe('pendingFields', () => {
  it.each<[(string | undefined)[], string[]]>([
    [[], []],
    [[undefined], []],
    [['L1'], ['intro']],
    [['', undefined], ['intro']],
  ])('pending %j marks %j', (intros, fields) => {
    expect([...pendingFields(intros.map(edit))]).toEqual(fields);
  });
});

describe('the kinds reconcile looks at', () => {
  it('leaves the record and its pending fields alone for every kind that does not touch the directory', () => {
    const record = deepFreeze(makeRecord(SELF));
    for (const m of SAMPLE_LIST.filter((m) => !touchesDirectory(m.kind))) {
      expect(applyPending(record, [m], SELF)).toBe(record);
      expect(pendingFields([m]).size).toBe(0);
    }
  });

  it('lets a consent wait for the server: the award is not laid over the record', () => {
    const record = deepFreeze(makeRecord(SELF));
    expect(applyPending(record, [SAMPLE_MUTATIONS['award.consent']], SELF)).toBe(record);
    expect(pendingFields([SAMPLE_MUTATIONS['award.consent']]).size).toBe(0);
  });
});
