import { describe, expect, it } from 'vitest';
import type { Mutation } from '../domain/mutations';
import type { StaffDetail } from '../domain/profile';
import { applyPending, pendingFields } from './reconcile';
import { applyPendingToDetail, pendingPhoto } from './reconcile-detail';
import { makeRecord } from './testing';

const SELF = 'u-self';
const OTHER = 'u-other';
let seq = 0;
const id = () => `mut-${String(++seq).padStart(6, '0')}`;
const update = (patch: Extract<Mutation, { kind: 'profile.update' }>['patch']): Mutation => ({
  kind: 'profile.update',
  id: id(),
  createdAt: '2026-04-01T09:00:00.000Z',
  patch,
});
const photo = (images: { thumb: string; large: string } | null): Mutation => ({
  kind: 'profile.photo',
  id: id(),
  createdAt: '2026-04-01T09:00:00.000Z',
  photo: images,
});

const serverDetail = (who: string): StaffDetail => ({
  id: who,
  intro: 'S',
  hobbies: ['囲碁'],
  privatePhone: '090-0000-0000',
  settings: {
    audiences: { intro: 'everyone', hobbies: 'everyone', photo: 'everyone', privatePhone: 'managers' },
    photoConsent: false,
    photo: null,
  },
});

describe('applyPending on the shared record: hobbies, skills, photo', () => {
  it.each<[string, string, Mutation[], Partial<ReturnType<typeof makeRecord>>]>([
    ['pending hobbies show', SELF, [update({ hobbies: ['将棋'] })], { hobbies: ['将棋'] }],
    [
      'pending skills show; the later of two wins',
      SELF,
      [update({ skills: ['A'] }), update({ skills: ['B'] })],
      { skills: ['B'] },
    ],
    ['emptying a list is a change', SELF, [update({ hobbies: [] })], { hobbies: [] }],
    [
      'audiences and consent leave the shared record alone',
      SELF,
      [update({ audiences: { intro: 'self' }, photoConsent: true })],
      {},
    ],
    ['a pending photo leaves the record photo (the server id) alone', SELF, [photo({ thumb: 'x', large: 'y' })], {}],
    ['someone else is never changed', OTHER, [update({ hobbies: ['将棋'] })], {}],
  ])('%s', (_name, who, pending, changed) => {
    const server = makeRecord(who, { hobbies: ['囲碁'], skills: ['Excel'], photo: 'abcdef0123456789' });
    expect(applyPending(server, pending, SELF)).toEqual({ ...server, ...changed });
  });

  it('marks pending fields, photo included', () => {
    expect([...pendingFields([update({ hobbies: [] }), photo(null)])].sort()).toEqual(['hobbies', 'photo']);
  });
});

describe('applyPendingToDetail', () => {
  it.each<[string, string, Mutation[], (d: StaffDetail) => StaffDetail]>([
    ['nothing pending: the server detail', SELF, [], (d) => d],
    [
      'a pending phone shows',
      SELF,
      [update({ privatePhone: '080-1111-2222' })],
      (d) => ({ ...d, privatePhone: '080-1111-2222' }),
    ],
    [
      'a pending audience changes only the field named',
      SELF,
      [update({ audiences: { privatePhone: 'self' } })],
      (d) => ({ ...d, settings: { ...d.settings!, audiences: { ...d.settings!.audiences, privatePhone: 'self' } } }),
    ],
    [
      'consent, then audience: both show',
      SELF,
      [update({ photoConsent: true }), update({ audiences: { photo: 'department' } })],
      (d) => ({
        ...d,
        settings: { ...d.settings!, photoConsent: true, audiences: { ...d.settings!.audiences, photo: 'department' } },
      }),
    ],
    ['someone else: untouched', OTHER, [update({ intro: 'L', privatePhone: '1' })], (d) => d],
  ])('%s', (_name, who, pending, expected) => {
    const server = serverDetail(who);
    expect(applyPendingToDetail(server, pending, SELF)).toEqual(expected(server));
  });

  it('pendingPhoto: the newest photo change, null for a removal, undefined for none', () => {
    expect(pendingPhoto([update({ intro: 'x' })])).toBeUndefined();
    expect(pendingPhoto([photo({ thumb: 'a', large: 'b' }), photo({ thumb: 'c', large: 'd' })])).toEqual({
      thumb: 'c',
      large: 'd',
    });
    expect(pendingPhoto([photo({ thumb: 'a', large: 'b' }), photo(null)])).toBeNull();
  });
});
