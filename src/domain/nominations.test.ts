import { problemOfIssues } from './issues';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { decodeChunk, encodeChunk } from './directory-codec';
import { parseMutation } from './mutations';
import {
  applyNominationIntent,
  AwardsConfigSchema,
  canSeeNomination,
  canTransition,
  DEFAULT_AWARDS,
  linkedYellsRefusal,
  NOMINATION_LIMITS,
  NOMINATION_STATUSES,
  projectNomination,
  reviewRefusal,
  sectionOf,
  showNominations,
  tokyoYear,
  withAwardChoice,
  type Nomination,
  type NominationContext,
  type NominationIntent,
  type NominationState,
  type NominationStatus,
} from './nominations';
import type { OrgUnit } from './org';
import { parseDirectoryRecord, type DirectoryRecord } from './staff';

const base: NominationState = {
  id: 'nom-00000001',
  awardId: 'shokuin',
  awardLabel: '職員表彰',
  nominator: 'a',
  nominees: ['n1'],
  teamName: '',
  reason: '窓口の改善',
  yellIds: [],
  endorsers: [],
  status: 'submitted',
  reviews: [],
  consent: {},
  createdAt: '2026-04-01T00:00:00.000Z',
  awardYear: null,
};
const ctx: NominationContext = {
  awards: DEFAULT_AWARDS,
  reviewer: { staffId: 'c', committee: true, sectionId: 'ka-2' },
  nomineeSections: ['ka-1'],
  now: '2026-12-31T16:00:00.000Z',
};

describe('status machine', () => {
  const allowed: [NominationStatus, NominationStatus][] = [
    ['submitted', 'under_review'],
    ['under_review', 'awarded'],
    ['under_review', 'not_awarded'],
  ];
  for (const from of NOMINATION_STATUSES) {
    for (const to of NOMINATION_STATUSES) {
      const ok = allowed.some(([f, t]) => f === from && t === to);
      it(`${from} → ${to}: ${ok ? 'allowed' : 'refused'}`, () => {
        expect(canTransition(from, to)).toBe(ok);
        const outcome = applyNominationIntent(
          { ...base, status: from },
          { kind: 'nomination.review', nominationId: base.id, from, to, comment: '' },
          'c',
          ctx,
        );
        expect(outcome.ok).toBe(ok);
        if (!outcome.ok) expect(outcome.problem.code).toBe('nomination.outOfOrder');
        else expect(outcome.nomination.status).toBe(to);
      });
    }
  }

  it('a stale reviewer (expects submitted, finds under review) is refused instead of jumping to awarded', () => {
    const outcome = applyNominationIntent(
      { ...base, status: 'under_review' },
      { kind: 'nomination.review', nominationId: base.id, from: 'submitted', to: 'under_review', comment: '' },
      'c',
      ctx,
    );
    expect(outcome).toEqual({ ok: false, problem: expect.objectContaining({ code: 'nomination.staleStatus' }) });
  });

  it('a review appends to the history with its comment and sets the award year in Tokyo time', () => {
    const outcome = applyNominationIntent(
      { ...base, status: 'under_review' },
      { kind: 'nomination.review', nominationId: base.id, from: 'under_review', to: 'awarded', comment: '全会一致' },
      'c',
      ctx,
    );
    if (!outcome.ok) throw new Error(outcome.problem.code);
    expect(outcome.nomination.reviews).toEqual([
      { at: ctx.now, by: 'c', from: 'under_review', to: 'awarded', comment: '全会一致' },
    ]);
    // 2026-12-31T16:00Z is 2027-01-01 01:00 in Tokyo.
    expect(outcome.nomination.awardYear).toBe(2027);
    expect(outcome.audit).toMatchObject({ action: 'review', from: 'under_review', to: 'awarded', actor: 'c' });
  });
});

describe('reviewRefusal (who may review)', () => {
  const n = { nominees: ['n1', 'n2'], nominator: 'a' };
  const table: {
    name: string;
    reviewer: Parameters<typeof reviewRefusal>[1];
    sections: (string | null)[];
    expected: string | null;
  }[] = [
    {
      name: 'a committee member of another 課',
      reviewer: { staffId: 'c', committee: true, sectionId: 'ka-9' },
      sections: ['ka-1', 'ka-2'],
      expected: null,
    },
    {
      name: 'not on the committee',
      reviewer: { staffId: 'c', committee: false, sectionId: 'ka-9' },
      sections: ['ka-1', 'ka-2'],
      expected: 'nomination.notCommittee',
    },
    {
      name: 'a nominee',
      reviewer: { staffId: 'n2', committee: true, sectionId: 'ka-9' },
      sections: ['ka-1', 'ka-2'],
      expected: 'nomination.reviewAsNominee',
    },
    {
      name: 'the nominator',
      reviewer: { staffId: 'a', committee: true, sectionId: 'ka-9' },
      sections: ['ka-1', 'ka-2'],
      expected: 'nomination.reviewOwn',
    },
    {
      name: 'in the 課 of the second nominee',
      reviewer: { staffId: 'c', committee: true, sectionId: 'ka-2' },
      sections: ['ka-1', 'ka-2'],
      expected: 'nomination.reviewOwnSection',
    },
    {
      name: 'section unknown',
      reviewer: { staffId: 'c', committee: true, sectionId: null },
      sections: ['ka-1', 'ka-2'],
      expected: 'nomination.reviewSectionUnknown',
    },
    {
      name: "a nominee's section unknown",
      reviewer: { staffId: 'c', committee: true, sectionId: 'ka-9' },
      sections: ['ka-1', null],
      expected: 'nomination.reviewSectionUnknown',
    },
  ];
  for (const row of table) {
    it(`${row.name}: ${row.expected ?? 'may review'}`, () => {
      expect(reviewRefusal(n, row.reviewer, row.sections)?.code ?? null).toBe(row.expected);
    });
  }
});

describe('sectionOf: the 課 above a unit', () => {
  const units = new Map<string, OrgUnit>(
    [
      { id: 'bu', kind: 'bu', name: '総務部', kana: '', parentId: null, order: 1 },
      { id: 'ka', kind: 'ka', name: '人事課', kana: '', parentId: 'bu', order: 1 },
      { id: 'kakari', kind: 'kakari', name: '人事係', kana: '', parentId: 'ka', order: 1 },
    ].map((u) => [u.id, u as OrgUnit] as const), // the literal kinds widen to string in map()
  );
  it.each([
    ['kakari', 'ka'],
    ['ka', 'ka'],
    ['bu', 'bu'],
    ['nowhere', null],
  ])('%s → %s', (unit, section) => expect(sectionOf(units, unit)).toBe(section));
});

describe('nomination.create', () => {
  const create = (over: Partial<Extract<NominationIntent, { kind: 'nomination.create' }>> = {}): NominationIntent => ({
    kind: 'nomination.create',
    nominationId: 'nom-00000009',
    awardId: 'dx',
    nominees: ['n1'],
    teamName: '',
    reason: '理由',
    yellIds: [],
    createdAt: '2026-04-01T00:00:00.000Z',
    ...over,
  });

  it('makes a submitted nomination with the award label of the day', () => {
    const outcome = applyNominationIntent(null, create(), 'a', ctx);
    expect(outcome).toMatchObject({
      ok: true,
      nomination: { status: 'submitted', awardLabel: 'DX優良事例表彰', nominator: 'a' },
    });
  });

  it.each([
    ['an unknown award', create({ awardId: 'nope' }), 'nomination.awardUnknown'],
    ['oneself', create({ nominees: ['a'] }), 'nomination.selfNomination'],
    ['oneself within a team', create({ nominees: ['n1', 'a'], teamName: '窓口班' }), 'nomination.selfNomination'],
    ['a team with no name', create({ nominees: ['n1', 'n2'] }), 'nomination.teamNameRequired'],
  ])('refuses %s', (_name, intent, message) => {
    expect(applyNominationIntent(null, intent, 'a', ctx)).toEqual({
      ok: false,
      problem: expect.objectContaining({ code: message }),
    });
  });

  it('refuses an id already used', () => {
    expect(applyNominationIntent(base, create(), 'a', ctx)).toEqual({
      ok: false,
      problem: expect.objectContaining({ code: 'nomination.idTaken' }),
    });
  });

  const mutation = (over: Record<string, unknown>) =>
    parseMutation({
      kind: 'nomination.create',
      id: 'm-00000001',
      createdAt: '2026-04-01T00:00:00.000Z',
      nominationId: 'nom-00000009',
      awardId: 'dx',
      nominees: ['n1'],
      teamName: '',
      reason: '理由',
      yellIds: [],
      ...over,
    });

  it('the reason may be 800 characters (𠮷 counts once), not 801, and says so in Japanese', () => {
    expect(mutation({ reason: '𠮷'.repeat(NOMINATION_LIMITS.reason) }).ok).toBe(true);
    expect(mutation({ reason: 'あ'.repeat(801) })).toEqual({
      ok: false,
      problem: { code: 'nomination.reasonTooLong', params: { max: 800, field: 'reason' } },
    });
    expect(mutation({ reason: '  \n ' })).toEqual({
      ok: false,
      problem: expect.objectContaining({ code: 'nomination.reasonEmpty' }),
    });
  });

  it('a team has 1 to 20 distinct people', () => {
    const people = (n: number) => Array.from({ length: n }, (_, i) => `p${i}`);
    expect(mutation({ nominees: people(20), teamName: '窓口班' }).ok).toBe(true);
    expect(mutation({ nominees: people(21), teamName: '窓口班' })).toEqual({
      ok: false,
      problem: expect.objectContaining({ code: 'nomination.nomineesTooMany' }),
    });
    expect(mutation({ nominees: [] })).toEqual({
      ok: false,
      problem: expect.objectContaining({ code: 'nomination.nomineesEmpty' }),
    });
    expect(mutation({ nominees: ['p1', 'p1'] })).toEqual({
      ok: false,
      problem: expect.objectContaining({ code: 'nomination.nomineesDuplicate' }),
    });
  });

  it('links up to 10 distinct エール', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `yell-000${i}x`);
    expect(mutation({ yellIds: ids(10) }).ok).toBe(true);
    expect(mutation({ yellIds: ids(11) })).toEqual({
      ok: false,
      problem: expect.objectContaining({ code: 'nomination.yellsTooMany' }),
    });
  });

  it('markup in the reason is kept as typed text', () => {
    const r = mutation({ reason: '<script>alert(1)</script>' });
    expect(r.ok && r.value.kind === 'nomination.create' && r.value.reason).toBe('<script>alert(1)</script>');
  });
});

describe('linkedYellsRefusal', () => {
  const yells = [
    { id: 'pub', from: 'x', to: ['y'], visibility: 'public' as const },
    { id: 'mine', from: 'a', to: ['y'], visibility: 'private' as const },
    { id: 'tome', from: 'x', to: ['a'], visibility: 'private' as const },
    { id: 'others', from: 'x', to: ['y'], visibility: 'private' as const },
  ];
  it.each([
    [['pub', 'mine', 'tome'], null],
    [['others'], 'nomination.yellNotFound'],
    [['missing'], 'nomination.yellNotFound'],
    [[], null],
  ])('%j → %s', (ids, expected) => expect(linkedYellsRefusal(ids, yells, 'a')?.code ?? null).toBe(expected));
});

describe('endorse and consent', () => {
  const endorse: NominationIntent = { kind: 'nomination.endorse', nominationId: base.id };
  it.each([
    ['the nominator', base, 'a', 'nomination.endorseOwn'],
    ['a nominee', base, 'n1', 'nomination.endorseAsNominee'],
    ['twice', { ...base, endorsers: ['e'] }, 'e', 'nomination.endorseTwice'],
    ['a decided one', { ...base, status: 'awarded' as const }, 'e', 'nomination.endorseClosed'],
  ])('refuses %s', (_n, current, actor, message) => {
    expect(applyNominationIntent(current, endorse, actor, ctx)).toEqual({
      ok: false,
      problem: expect.objectContaining({ code: message }),
    });
  });
  it('adds a colleague once', () => {
    const outcome = applyNominationIntent(base, endorse, 'e', ctx);
    expect(outcome.ok && outcome.nomination.endorsers).toEqual(['e']);
  });

  const consent = (show: boolean): NominationIntent => ({ kind: 'award.consent', nominationId: base.id, show });
  it('only a nominee of an awarded nomination answers; the same answer twice changes nothing', () => {
    expect(applyNominationIntent(base, consent(true), 'n1', ctx)).toEqual({
      ok: false,
      problem: expect.objectContaining({ code: 'nomination.consentNotAwarded' }),
    });
    const awarded = { ...base, status: 'awarded' as const, awardYear: 2026 };
    expect(applyNominationIntent(awarded, consent(true), 'e', ctx)).toEqual({
      ok: false,
      problem: expect.objectContaining({ code: 'nomination.consentNotNominee' }),
    });
    const first = applyNominationIntent(awarded, consent(true), 'n1', ctx);
    expect(first.ok && first.changed && first.nomination.consent).toEqual({ n1: true });
    if (!first.ok) throw new Error('refused');
    const again = applyNominationIntent(first.nomination, consent(true), 'n1', ctx);
    expect(again.ok && again.changed).toBe(false);
  });
});

describe('visibility', () => {
  const statuses = NOMINATION_STATUSES;
  // Who sees it at each status: submitted, under_review, awarded, not_awarded.
  const table: { who: string; viewer: { staffId: string; committee: boolean }; sees: boolean[] }[] = [
    { who: 'the nominator', viewer: { staffId: 'a', committee: false }, sees: [true, true, true, true] },
    { who: 'a committee member', viewer: { staffId: 'c', committee: true }, sees: [true, true, true, true] },
    { who: 'an endorser', viewer: { staffId: 'e', committee: false }, sees: [true, true, true, true] },
    {
      who: 'the nominee (surprise kept)',
      viewer: { staffId: 'n1', committee: false },
      sees: [false, false, true, false],
    },
    {
      who: 'a nominee on the committee',
      viewer: { staffId: 'n1', committee: true },
      sees: [false, false, true, false],
    },
    {
      who: 'anyone else (to endorse while open)',
      viewer: { staffId: 'z', committee: false },
      sees: [true, true, false, false],
    },
  ];
  for (const row of table) {
    it(`${row.who}: ${row.sees.map((s, i) => `${statuses[i]}=${s}`).join(' ')}`, () => {
      expect(statuses.map((status) => canSeeNomination({ ...base, endorsers: ['e'], status }, row.viewer))).toEqual(
        row.sees,
      );
    });
  }

  it('review comments and others’ consent reach the committee only', () => {
    const n: Nomination = {
      ...base,
      status: 'awarded',
      nominees: ['n1', 'n2'],
      teamName: '班',
      consent: { n1: true, n2: false },
      reviews: [{ at: ctx.now, by: 'c', from: 'under_review', to: 'awarded', comment: '内部の議論' }],
      version: 3,
    };
    expect(projectNomination(n, { staffId: 'c', committee: true })?.reviews?.[0]?.comment).toBe('内部の議論');
    const nominee = projectNomination(n, { staffId: 'n2', committee: false });
    expect(nominee?.reviews).toBeUndefined();
    expect(nominee?.consent).toEqual({ n2: false });
    expect(projectNomination(n, { staffId: 'a', committee: false })?.consent).toEqual({});
    expect(projectNomination(n, { staffId: 'z', committee: false })).toBeNull();
  });
});

describe('awards', () => {
  it('the defaults are the four of the issue and valid as a config', () => {
    expect(DEFAULT_AWARDS.map((a) => a.label)).toEqual([
      '職員表彰',
      'キャリアデザイン顕彰',
      '部長賞',
      'DX優良事例表彰',
    ]);
    expect(v.safeParse(AwardsConfigSchema, { awards: DEFAULT_AWARDS }).success).toBe(true);
  });
  it('refuses duplicate ids and an empty list with Japanese messages', () => {
    const dup = v.safeParse(AwardsConfigSchema, { awards: [DEFAULT_AWARDS[0], DEFAULT_AWARDS[0]] });
    expect(dup.success ? null : problemOfIssues(dup.issues).code).toBe('award.idDuplicate');
    const none = v.safeParse(AwardsConfigSchema, { awards: [] });
    expect(none.success ? null : problemOfIssues(none.issues).code).toBe('award.listEmpty');
  });
  it('withAwardChoice adds one entry per nomination and removes it on "hide"', () => {
    const award = { nominationId: 'nom-1', awardId: 'dx', label: 'DX優良事例表彰', year: 2026 };
    const older = { nominationId: 'nom-0', awardId: 'shokuin', label: '職員表彰', year: 2024 };
    const shown = withAwardChoice([older], award, true);
    expect(shown).toEqual([award, older]);
    expect(withAwardChoice(shown, award, true)).toEqual([award, older]);
    expect(withAwardChoice(shown, award, false)).toEqual([older]);
  });
  it('tokyoYear takes Asia/Tokyo', () => {
    expect(tokyoYear('2026-12-31T14:59:59.000Z')).toBe(2026);
    expect(tokyoYear('2026-12-31T15:00:00.000Z')).toBe(2027);
  });
});

describe('the snapshot codec carries shown awards (C3), and leaves the column out when nobody has one', () => {
  const record = (id: string, awards?: DirectoryRecord['awards']): DirectoryRecord => ({
    id,
    familyName: '佐藤',
    givenName: '花子',
    familyKana: 'さとう',
    givenKana: 'はなこ',
    altFamilyName: '',
    altFamilyKana: '',
    unitId: 'kakari-1',
    title: '主事',
    jobLevel: '主事',
    employment: '正規',
    extension: '1234',
    email: 'a@example.jp',
    skills: [],
    dxLevels: [0, 0, 0, 0, 0],
    hobbies: [],
    qualifications: [],
    intro: '',
    photo: null,
    ...(awards && { awards }),
  });
  it('round trip', () => {
    const records = [
      record('a', [{ nominationId: 'nom-1', awardId: 'dx', label: 'DX優良事例表彰', year: 2026 }]),
      record('b'),
    ];
    const encoded = encodeChunk(records);
    expect(encoded.awards).toHaveLength(2);
    expect(decodeChunk(JSON.parse(JSON.stringify(encoded)), { check: parseDirectoryRecord })).toEqual(records);
    expect('awards' in encodeChunk([record('b')])).toBe(false);
  });
});

describe('showNominations', () => {
  it('shows my unsent nomination as submitted and my unsent endorsement, marked pending', () => {
    const stored = [{ ...base, consent: {}, version: 2 }];
    const shown = showNominations(
      stored,
      [
        { kind: 'nomination.endorse', nominationId: base.id },
        {
          kind: 'nomination.create',
          nominationId: 'nom-00000002',
          awardId: 'dx',
          nominees: ['n1'],
          teamName: '',
          reason: 'r',
          yellIds: [],
          createdAt: '2026-05-01T00:00:00.000Z',
        },
      ],
      'me',
    );
    expect(shown.map((n) => [n.id, n.status, n.pending, n.endorsers])).toEqual([
      ['nom-00000002', 'submitted', true, []],
      [base.id, 'submitted', true, ['me']],
    ]);
  });
});
