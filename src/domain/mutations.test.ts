import type { Problem } from './problems';
import * as v from 'valibot';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { SAMPLE_LIST, SAMPLE_MUTATIONS } from '../../tests/fixtures/mutations';
import type { CommunityIntent } from './communities';
import {
  featureIntents,
  featureOf,
  intentOf,
  isFeatureMutation,
  MUTATION_KINDS,
  MutationSchema,
  newMutation,
  parseMutation,
  touchesDirectory,
  type DirectoryKind,
  type FeatureIntent,
  type FeatureKind,
  type FeatureMutation,
  type MutationFeature,
  type MutationKind,
  type MutationOf,
  type MutationPayload,
} from './mutations';
import type { NominationIntent } from './nominations';
import type { ProfileIntent } from './profile-edit';
import type { YellIntent } from './yells';

const KINDS = MUTATION_KINDS.map((k) => k.kind);
const FEATURES = [...new Set(MUTATION_KINDS.map((k) => k.feature))];

describe('the mutation registry', () => {
  it('names each kind once, as its schema does', () => {
    expect(new Set(KINDS).size).toBe(KINDS.length);
    for (const spec of MUTATION_KINDS) expect(spec.schema.entries.kind.literal).toBe(spec.kind);
    expect(MutationSchema.options.map((o) => o.entries.kind.literal)).toEqual(KINDS);
  });

  it('has a sample of every kind, and the union schema accepts each as it is', () => {
    expect(Object.keys(SAMPLE_MUTATIONS).sort()).toEqual([...KINDS].sort());
    for (const m of SAMPLE_LIST) expect(parseMutation(m)).toEqual({ ok: true, value: m });
  });

  it('refuses a kind that is not registered, and one without a kind', () => {
    const { kind: _kind, ...noKind } = SAMPLE_MUTATIONS['community.join'];
    for (const input of [
      { ...SAMPLE_MUTATIONS['community.join'], kind: 'community.rename' },
      { ...SAMPLE_MUTATIONS['yell.clap'], kind: 'yell.unclap' },
      { ...SAMPLE_MUTATIONS['profile.update'], kind: 'PROFILE.UPDATE' },
      noKind,
    ]) {
      expect(parseMutation(input).ok).toBe(false);
      expect(v.is(MutationSchema, input)).toBe(false);
    }
  });

  it('checks each kind with its own schema: a sample with another kind’s name is refused or becomes that kind', () => {
    for (const m of SAMPLE_LIST) {
      for (const other of KINDS) {
        const parsed = parseMutation({ ...m, kind: other });
        if (parsed.ok) expect(parsed.value.kind).toBe(other);
      }
    }
  });

  it('answers "is this one of feature F’s kinds" as the registry says, for every kind and feature', () => {
    expect(FEATURES.sort()).toEqual(['communities', 'directory', 'nominations', 'surveys', 'trainings', 'yells']);
    for (const spec of MUTATION_KINDS) {
      const m = SAMPLE_MUTATIONS[spec.kind];
      expect(featureOf(spec.kind)).toBe(spec.feature);
      for (const feature of FEATURES) expect(isFeatureMutation(feature)(m)).toBe(spec.feature === feature);
    }
    expect(SAMPLE_LIST.filter(isFeatureMutation('yells')).map((m) => m.kind)).toEqual(['yell.send', 'yell.clap']);
    expect(SAMPLE_LIST.filter(isFeatureMutation('communities')).map((m) => m.kind)).toEqual([
      'community.create',
      'community.join',
      'community.leave',
    ]);
    expect(SAMPLE_LIST.filter(isFeatureMutation('nominations')).map((m) => m.kind)).toEqual([
      'nomination.create',
      'nomination.endorse',
      'nomination.review',
      'award.consent',
    ]);
  });

  it('says which kinds touch the directory record, as each declares', () => {
    for (const spec of MUTATION_KINDS) expect(touchesDirectory(spec.kind)).toBe(spec.touchesDirectory);
    expect(KINDS.filter(touchesDirectory)).toEqual(['profile.update', 'profile.photo', 'award.consent']);
  });

  it('gives each kind’s intent: its kind and meaning, without the outbox’s id', () => {
    for (const m of SAMPLE_LIST) {
      const intent = intentOf(m);
      expect(intent.kind).toBe(m.kind);
      expect(intent).not.toHaveProperty('id');
    }
    expect(intentOf(SAMPLE_MUTATIONS['yell.clap'])).toEqual({ kind: 'yell.clap', yellId: 'yell-0001' });
    expect(featureIntents('communities', SAMPLE_LIST)).toEqual([
      {
        kind: 'community.create',
        communityId: 'comm-0001',
        name: 'ランニング',
        description: '',
        createdAt: '2026-04-01T09:00:00.000Z',
      },
      { kind: 'community.join', communityId: 'comm-0001' },
      { kind: 'community.leave', communityId: 'comm-0001' },
    ]);
  });

  it('makes a new mutation of a kind with a fresh id and the clock, with the schema’s messages', () => {
    const now = new Date('2026-04-02T01:02:03.000Z');
    const a = newMutation('community.join', { communityId: 'comm-0001' }, now);
    const b = newMutation('community.join', { communityId: 'comm-0001' }, now);
    expect(a).toEqual({
      ok: true,
      value: { kind: 'community.join', id: expect.any(String), createdAt: now.toISOString(), communityId: 'comm-0001' },
    });
    expect(a.ok && b.ok && a.value.id !== b.value.id).toBe(true);
    const refused = { ...SAMPLE_MUTATIONS['community.create'], name: '  ' };
    expect(newMutation('community.create', { communityId: 'comm-0001', name: '  ', description: '' })).toEqual(
      parseMutation(refused),
    );
  });

  it('is exhaustive at the type level', () => {
    expectTypeOf<MutationKind>().toEqualTypeOf<
      | 'profile.update'
      | 'profile.photo'
      | 'community.create'
      | 'community.join'
      | 'community.leave'
      | 'yell.send'
      | 'yell.clap'
      | 'nomination.create'
      | 'nomination.endorse'
      | 'nomination.review'
      | 'award.consent'
      | 'training.apply'
      | 'training.cancel'
      | 'training.decide'
      | 'survey.participate'
      | 'survey.answerNamed'
    >();
    expectTypeOf<MutationFeature>().toEqualTypeOf<
      'directory' | 'communities' | 'yells' | 'nominations' | 'trainings' | 'surveys'
    >();
    expectTypeOf<FeatureKind<'yells'>>().toEqualTypeOf<'yell.send' | 'yell.clap'>();
    expectTypeOf<DirectoryKind>().toEqualTypeOf<'profile.update' | 'profile.photo' | 'award.consent'>();
    expectTypeOf<FeatureMutation<'communities'>['kind']>().toEqualTypeOf<FeatureKind<'communities'>>();
    expectTypeOf<FeatureIntent<'nominations'>>().toEqualTypeOf<NominationIntent>();
    expectTypeOf<FeatureIntent<'communities'>>().toEqualTypeOf<CommunityIntent>();
    expectTypeOf<FeatureIntent<'yells'>>().toEqualTypeOf<YellIntent>();
    expectTypeOf<FeatureIntent<'directory'>>().toEqualTypeOf<ProfileIntent>();
    expectTypeOf(newMutation<'yell.clap'>).returns.toEqualTypeOf<
      { ok: true; value: MutationOf<'yell.clap'> } | { ok: false; problem: Problem }
    >();
    expectTypeOf<MutationPayload<'yell.clap'>>().toEqualTypeOf<{ yellId: string }>();
    // A kind's payload is its own: another kind's field is refused by typecheck.
    // @ts-expect-error: yell.clap has no communityId
    newMutation('yell.clap', { communityId: 'comm-0001' });
  });
});
