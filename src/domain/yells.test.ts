import { problemOfIssues } from './issues';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { parseMutation } from './mutations';
import {
  applyClap,
  canSeeYell,
  checkYellSend,
  countSentOnDay,
  DEFAULT_RECOGNITION_SETTINGS,
  RecognitionSettingsSchema,
  suggestColleagues,
  tokyoDay,
  tokyoMonth,
  yellForViewer,
  type StoredYell,
} from './yells';

const send = (over: Record<string, unknown> = {}) => ({
  kind: 'yell.send',
  id: 'm-00000001',
  createdAt: '2026-11-30T09:00:00.000Z',
  yellId: 'yell-0001',
  to: ['s00002'],
  message: '資料づくり、ありがとうございました！',
  value: 'tasukeai',
  visibility: 'public',
  ...over,
});

const yell = (over: Partial<StoredYell> = {}): StoredYell => ({
  id: 'yell-0001',
  from: 'a',
  to: ['b', 'c'],
  message: 'ありがとう',
  value: 'tasukeai',
  visibility: 'public',
  createdAt: '2026-11-30T00:00:00.000Z',
  version: 1,
  clappers: [],
  ...over,
});

describe('yell.send schema', () => {
  it('accepts a well-formed send and keeps markup as typed', () => {
    const r = parseMutation(send({ message: '<b>助かりました</b>' }));
    expect(r).toMatchObject({ ok: true, value: { kind: 'yell.send', message: '<b>助かりました</b>' } });
  });

  it('counts characters as people do: 200 emoji pass, 201 do not', () => {
    expect(parseMutation(send({ message: '👏'.repeat(200) })).ok).toBe(true);
    expect(parseMutation(send({ message: '👏'.repeat(201) }))).toEqual({
      ok: false,
      problem: expect.objectContaining({ code: 'yell.messageTooLong' }),
    });
  });

  it('refuses 10,001 characters and an empty message with Japanese messages', () => {
    expect(parseMutation(send({ message: 'あ'.repeat(10_001) }))).toEqual({
      ok: false,
      problem: expect.objectContaining({ code: 'yell.messageTooLong' }),
    });
    expect(parseMutation(send({ message: '   ' }))).toEqual({
      ok: false,
      problem: expect.objectContaining({ code: 'yell.messageEmpty' }),
    });
  });

  it('takes 1 to 10 distinct recipients', () => {
    const ten = Array.from({ length: 10 }, (_, i) => `s0000${i}`);
    expect(parseMutation(send({ to: ten })).ok).toBe(true);
    expect(parseMutation(send({ to: [...ten, 's00010'] }))).toEqual({
      ok: false,
      problem: expect.objectContaining({ code: 'yell.tooManyRecipients' }),
    });
    expect(parseMutation(send({ to: [] }))).toEqual({
      ok: false,
      problem: expect.objectContaining({ code: 'yell.noRecipient' }),
    });
    expect(parseMutation(send({ to: ['s00002', 's00002'] }))).toEqual({
      ok: false,
      problem: expect.objectContaining({ code: 'yell.duplicateRecipient' }),
    });
  });

  it('refuses a bad visibility, value id or yell id', () => {
    expect(parseMutation(send({ visibility: 'secret' })).ok).toBe(false);
    expect(parseMutation(send({ value: 'Bad Value' })).ok).toBe(false);
    expect(parseMutation(send({ yellId: 'has_underscore' })).ok).toBe(false);
  });

  it('drops a `from` field: there is no way to name the sender', () => {
    const r = parseMutation(send({ from: 's09999' }));
    expect(r.ok && 'from' in r.value).toBe(false);
  });
});

describe('checkYellSend', () => {
  const facts = { settings: DEFAULT_RECOGNITION_SETTINGS, sentToday: 0, isStaff: (id: string) => id !== 'ghost' };
  it('passes a normal send', () => {
    expect(checkYellSend({ to: ['b'], value: 'tasukeai' }, 'a', facts)).toEqual({ ok: true });
  });
  it('refuses oneself, unknown people and unknown values', () => {
    expect(checkYellSend({ to: ['b', 'a'], value: 'tasukeai' }, 'a', facts)).toEqual({
      ok: false,
      problem: expect.objectContaining({ code: 'yell.toSelf' }),
    });
    expect(checkYellSend({ to: ['ghost'], value: 'tasukeai' }, 'a', facts)).toEqual({
      ok: false,
      problem: expect.objectContaining({ code: 'yell.unknownRecipient' }),
    });
    expect(checkYellSend({ to: ['b'], value: 'kaizen' }, 'a', facts)).toEqual({
      ok: false,
      problem: expect.objectContaining({ code: 'yell.unknownValue' }),
    });
  });
  it('stops at the daily cap, not before', () => {
    const cap = DEFAULT_RECOGNITION_SETTINGS.dailyCap;
    expect(checkYellSend({ to: ['b'], value: 'tasukeai' }, 'a', { ...facts, sentToday: cap - 1 }).ok).toBe(true);
    expect(checkYellSend({ to: ['b'], value: 'tasukeai' }, 'a', { ...facts, sentToday: cap })).toEqual({
      ok: false,
      problem: expect.objectContaining({ code: 'yell.dailyCap' }),
    });
  });
});

describe('visibility per viewer', () => {
  it('sender and recipients always see; others only public without an opted-out recipient', () => {
    const none = new Set<string>();
    const priv = yell({ visibility: 'private' });
    expect(['a', 'b', 'c'].map((id) => canSeeYell(priv, id, none))).toEqual([true, true, true]);
    expect(canSeeYell(priv, 'd', none)).toBe(false);
    expect(canSeeYell(yell(), 'd', none)).toBe(true);
    expect(canSeeYell(yell(), 'd', new Set(['c']))).toBe(false);
    expect(canSeeYell(yell(), 'c', new Set(['c']))).toBe(true);
  });

  it('yellForViewer: a hidden public yell is a removed id, a private one of others is nothing at all', () => {
    expect(yellForViewer(yell(), 'd', new Set(['b']))).toEqual({ removed: 'yell-0001' });
    expect(yellForViewer(yell({ visibility: 'private' }), 'd', new Set())).toBeNull();
    const shown = yellForViewer(yell({ clappers: ['d', 'e'] }), 'd', new Set());
    expect(shown).toMatchObject({ yell: { clapCount: 2, clappedByMe: true } });
    expect(shown && 'yell' in shown && 'clappers' in shown.yell).toBe(false);
  });
});

describe('applyClap', () => {
  it('adds a clapper once, refuses one’s own and an invisible yell', () => {
    const none = new Set<string>();
    expect(applyClap(yell(), 'd', none)).toEqual({ ok: true, changed: true, clappers: ['d'] });
    expect(applyClap(yell({ clappers: ['d'] }), 'd', none)).toEqual({ ok: true, changed: false, clappers: ['d'] });
    expect(applyClap(yell(), 'a', none)).toEqual({
      ok: false,
      problem: expect.objectContaining({ code: 'yell.clapOwn' }),
    });
    expect(applyClap(yell({ visibility: 'private' }), 'd', none)).toEqual({
      ok: false,
      problem: expect.objectContaining({ code: 'yell.clapNotVisible' }),
    });
    expect(applyClap(null, 'd', none)).toEqual({
      ok: false,
      problem: expect.objectContaining({ code: 'yell.notFound' }),
    });
  });
});

describe('Asia/Tokyo days', () => {
  it('the day turns at 15:00 UTC', () => {
    expect(tokyoDay('2026-11-30T14:59:59.999Z')).toBe('2026-11-30');
    expect(tokyoDay('2026-11-30T15:00:00.000Z')).toBe('2026-12-01');
    expect(tokyoMonth('2026-11-30T15:00:00.000Z')).toBe('2026-12');
  });
  it('counts one sender’s yells on the Tokyo day of now', () => {
    const ys = [
      { from: 'a', createdAt: '2026-11-30T14:00:00.000Z' }, // 23:00 JST on the 30th
      { from: 'a', createdAt: '2026-11-30T16:00:00.000Z' }, // 01:00 JST on the 1st
      { from: 'a', createdAt: '2026-12-01T10:00:00.000Z' },
      { from: 'b', createdAt: '2026-12-01T10:00:00.000Z' },
    ];
    expect(countSentOnDay(ys, 'a', '2026-12-01T12:00:00.000Z')).toBe(2);
  });
});

describe('RecognitionSettingsSchema', () => {
  it('needs at least one value, unique ids and a cap of 1-100', () => {
    expect(v.safeParse(RecognitionSettingsSchema, DEFAULT_RECOGNITION_SETTINGS).success).toBe(true);
    const bad = (x: unknown) => {
      const r = v.safeParse(RecognitionSettingsSchema, x);
      return r.success ? null : problemOfIssues(r.issues).code;
    };
    expect(bad({ values: [], dailyCap: 5 })).toBe('yell.valuesEmpty');
    expect(
      bad({
        values: [
          { id: 'a', label: 'A' },
          { id: 'a', label: 'B' },
        ],
        dailyCap: 5,
      }),
    ).toBe('yell.valuesDuplicate');
    expect(bad({ values: [{ id: 'a', label: 'A' }], dailyCap: 0 })).toBe('yell.dailyCapRange');
    expect(bad({ values: [{ id: 'a', label: '  ' }], dailyCap: 3 })).toBe('yell.valueLabelEmpty');
  });
});

describe('suggestColleagues (fairness)', () => {
  const now = '2026-12-01T00:00:00.000Z';
  const daysAgo = (n: number) => new Date(Date.parse(now) - n * 86_400_000).toISOString();

  it('suggests never-thanked first, then the longest unthanked; skips recently thanked and me', () => {
    const out = suggestColleagues({
      selfId: 'me',
      sectionMembers: ['me', 'x', 'y', 'z', 'w'],
      exchangedWith: ['p'],
      lastReceivedAt: new Map([
        ['x', daysAgo(3)],
        ['y', daysAgo(40)],
        ['z', daysAgo(90)],
        ['p', daysAgo(60)],
      ]),
      now,
    });
    expect(out.map((s) => s.staffId)).toEqual(['w', 'z', 'p', 'y']);
    expect(out[0]).toEqual({ staffId: 'w', reason: 'section', daysSinceReceived: null });
    expect(out[2]).toEqual({ staffId: 'p', reason: 'exchanged', daysSinceReceived: 60 });
  });

  it('puts people I thanked lately after the others, and honours the limit', () => {
    const out = suggestColleagues({
      selfId: 'me',
      sectionMembers: ['a', 'b', 'c'],
      exchangedWith: [],
      lastReceivedAt: new Map(),
      lastSentByMeAt: new Map([['a', daysAgo(1)]]),
      now,
      limit: 2,
    });
    expect(out.map((s) => s.staffId)).toEqual(['b', 'c']);
  });
});
