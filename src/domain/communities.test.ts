import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { applyCommunityIntent, CommunityIdSchema, showCommunities, type CommunityIntent } from './communities';
import { parseMutation } from './mutations';

const base = {
  id: 'run-0001',
  name: 'ランニング',
  description: '',
  memberIds: ['a'],
  createdBy: 'a',
  createdAt: '2026-04-01T00:00:00.000Z',
};
const create: CommunityIntent = {
  kind: 'community.create',
  communityId: 'new-00001',
  name: 'デザイン',
  description: '',
  createdAt: '2026-04-02T00:00:00.000Z',
};

describe('applyCommunityIntent', () => {
  const table: {
    name: string;
    current: typeof base | null;
    intent: CommunityIntent;
    actor: string;
    expected: unknown;
  }[] = [
    {
      name: 'create makes the creator the only member',
      current: null,
      intent: create,
      actor: 'b',
      expected: { ok: true, changed: true, members: ['b'] },
    },
    {
      name: 'create of an id that exists is refused',
      current: base,
      intent: { ...create, communityId: base.id },
      actor: 'b',
      expected: { ok: false },
    },
    {
      name: 'join adds me at the end',
      current: base,
      intent: { kind: 'community.join', communityId: base.id },
      actor: 'b',
      expected: { ok: true, changed: true, members: ['a', 'b'] },
    },
    {
      name: 'join when a member changes nothing',
      current: base,
      intent: { kind: 'community.join', communityId: base.id },
      actor: 'a',
      expected: { ok: true, changed: false, members: ['a'] },
    },
    {
      name: 'leave removes me',
      current: base,
      intent: { kind: 'community.leave', communityId: base.id },
      actor: 'a',
      expected: { ok: true, changed: true, members: [] },
    },
    {
      name: 'leave when not a member changes nothing',
      current: base,
      intent: { kind: 'community.leave', communityId: base.id },
      actor: 'z',
      expected: { ok: true, changed: false, members: ['a'] },
    },
    {
      name: 'join of a missing community is refused',
      current: null,
      intent: { kind: 'community.join', communityId: 'x-000001' },
      actor: 'a',
      expected: { ok: false },
    },
  ];
  it.each(table)('$name', ({ current, intent, actor, expected }) => {
    const out = applyCommunityIntent(current, intent, actor);
    expect(out.ok ? { ok: true, changed: out.changed, members: out.community.memberIds } : { ok: false }).toEqual(
      expected,
    );
  });
});

describe('showCommunities', () => {
  it('lays my pending create, join and leave over what the device holds, marked as pending', () => {
    const other = { ...base, id: 'oth-00001', name: '写真', memberIds: ['a', 'me'] };
    const shown = showCommunities(
      [base, other],
      [create, { kind: 'community.join', communityId: base.id }, { kind: 'community.leave', communityId: other.id }],
      'me',
    );
    const byId = new Map(shown.map((c) => [c.id, c]));
    expect(byId.get('new-00001')).toMatchObject({ memberIds: ['me'], pending: true, createdBy: 'me' });
    expect(byId.get(base.id)).toMatchObject({ memberIds: ['a', 'me'], pending: true });
    expect(byId.get(other.id)).toMatchObject({ memberIds: ['a'], pending: true });
  });

  it('shows nothing pending for an intent that changes nothing, and ignores one for a missing community', () => {
    const shown = showCommunities(
      [base],
      [
        { kind: 'community.join', communityId: base.id },
        { kind: 'community.join', communityId: 'gone-0001' },
      ],
      'a',
    );
    expect(shown).toEqual([{ ...base, pending: false }]);
  });
});

describe('community mutations', () => {
  const at = '2026-04-01T00:00:00.000Z';
  it('clean the name (spaces folded, trimmed) and the description (line endings, control characters)', () => {
    const r = parseMutation({
      kind: 'community.create',
      id: 'm-00000001',
      createdAt: at,
      communityId: 'run-0001',
      name: '  ラン\u3000ニング  ',
      description: '朝\r\n走る\u0007',
    });
    expect(r.ok && r.value.kind === 'community.create' ? [r.value.name, r.value.description] : r).toEqual([
      'ラン ニング',
      '朝\n走る',
    ]);
  });

  it.each([
    ['a name of 31 characters', { name: '𠮷'.repeat(31) }, 'community.nameTooLong'],
    ['a blank name', { name: ' \n ' }, 'community.nameEmpty'],
    ['a description of 201 characters', { description: 'あ'.repeat(201) }, 'community.descriptionTooLong'],
  ])('refuse %s', (_label, patch, message) => {
    const r = parseMutation({
      kind: 'community.create',
      id: 'm-00000001',
      createdAt: at,
      communityId: 'run-0001',
      name: 'ランニング',
      description: '',
      ...patch,
    });
    expect(r).toEqual({ ok: false, problem: expect.objectContaining({ code: message }) });
  });

  it('accept 30 characters counted as a person counts them (𠮷 is one)', () => {
    const r = parseMutation({ kind: 'community.join', id: 'm-00000001', createdAt: at, communityId: 'run-0001' });
    expect(r.ok).toBe(true);
    expect(
      parseMutation({
        kind: 'community.create',
        id: 'm-00000002',
        createdAt: at,
        communityId: 'run-0001',
        name: '𠮷'.repeat(30),
        description: '',
      }).ok,
    ).toBe(true);
  });

  it('community ids have no underscore, so `{communityId}_{staffId}` names one pair only', () => {
    expect(v.is(CommunityIdSchema, 'a1b2c3d4-e5f6')).toBe(true);
    expect(v.is(CommunityIdSchema, 'run_0001')).toBe(false);
  });
});
