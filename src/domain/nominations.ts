import * as v from 'valibot';
import { unitAncestry, type OrgUnit } from './org';
import type { Mutation } from './mutations';
import type { ProfileAward } from './staff';
import { charCount, cleanText } from './text';

/**
 * Commendations (C1-C3): HR's awards, nominations of a person or a team, endorsements, the award
 * committee's review, and the winner's consent to show the award on their profile. Pure: shared by
 * the functions (which enforce every rule here) and the app (which says so before sending).
 */
export const NOMINATION_LIMITS = {
  reason: 800,
  teamName: 40,
  nominees: 20,
  linkedYells: 10,
  comment: 400,
  awards: 20,
  awardLabel: 30,
} as const;

export const NOMINATION_STATUSES = ['submitted', 'under_review', 'awarded', 'not_awarded'] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];
export const NominationStatusSchema = v.picklist(NOMINATION_STATUSES);

export const STATUS_LABELS: Readonly<Record<NominationStatus, string>> = {
  submitted: '推薦受付',
  under_review: '審査中',
  awarded: '表彰決定',
  not_awarded: '見送り',
};

/**
 * The status machine: submitted → under review → awarded / not awarded, nothing skipped and
 * nothing reopened. Every transition is the committee's, by an eligible reviewer (reviewRefusal).
 */
export const TRANSITIONS: Readonly<Record<NominationStatus, readonly NominationStatus[]>> = {
  submitted: ['under_review'],
  under_review: ['awarded', 'not_awarded'],
  awarded: [],
  not_awarded: [],
};

export function canTransition(from: NominationStatus, to: NominationStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

// ---------------------------------------------------------------------------------------------
// Awards (HR's configuration)

export const AwardIdSchema = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9-]{1,32}$/, '賞のIDは英小文字・数字・-で32文字以内です'),
);

export const AwardSchema = v.object({
  id: AwardIdSchema,
  label: v.pipe(
    v.string(),
    v.transform((s) => cleanText(s).replace(/\s+/g, ' ')),
    v.check((s) => s !== '', '賞の名前を入力してください'),
    v.check(
      (s) => charCount(s) <= NOMINATION_LIMITS.awardLabel,
      `賞の名前は${NOMINATION_LIMITS.awardLabel}文字以内で入力してください`,
    ),
  ),
});
export type Award = v.InferOutput<typeof AwardSchema>;

/** Body of POST /awards (HR) and answer of GET /awards. */
export const AwardsConfigSchema = v.object({
  awards: v.pipe(
    v.array(AwardSchema),
    v.minLength(1, '賞を1つ以上設定してください'),
    v.maxLength(NOMINATION_LIMITS.awards, `賞は${NOMINATION_LIMITS.awards}件までです`),
    v.check((list) => new Set(list.map((a) => a.id)).size === list.length, '賞のIDが重複しています'),
  ),
});
export type AwardsConfig = v.InferOutput<typeof AwardsConfigSchema>;

/** The awards of the issue, until HR sets the organisation's own. */
export const DEFAULT_AWARDS: readonly Award[] = [
  { id: 'shokuin', label: '職員表彰' },
  { id: 'career-design', label: 'キャリアデザイン顕彰' },
  { id: 'bucho', label: '部長賞' },
  { id: 'dx', label: 'DX優良事例表彰' },
];

// ---------------------------------------------------------------------------------------------
// Nominations

export const NOMINATION_MESSAGES = {
  reasonEmpty: '推薦理由を入力してください',
  reasonTooLong: `推薦理由は${NOMINATION_LIMITS.reason}文字以内で入力してください`,
  teamNameTooLong: `チーム名は${NOMINATION_LIMITS.teamName}文字以内で入力してください`,
  teamNameRequired: '2人以上を推薦するときはチーム名を入力してください',
  nomineesEmpty: '推薦する職員を選んでください',
  nomineesTooMany: `チームの推薦は${NOMINATION_LIMITS.nominees}人までです`,
  nomineesDuplicate: '同じ職員が2回選ばれています',
  selfNomination: '自分自身は推薦できません',
  yellsTooMany: `添えられるエールは${NOMINATION_LIMITS.linkedYells}件までです`,
  yellsDuplicate: '同じエールが2回選ばれています',
  yellNotFound: '添えたエールが見つからないか、見ることができません',
  awardUnknown: 'この賞はありません',
  nomineeUnknown: '推薦された職員が見つかりません',
  notFound: '推薦が見つかりません',
  idTaken: 'この推薦IDは使用済みです',
  endorseOwn: '自分の推薦には賛同できません',
  endorseAsNominee: '自分が推薦された案件には賛同できません',
  endorseTwice: 'すでに賛同しています',
  endorseClosed: '審査が終わった推薦には賛同できません',
  notCommittee: '表彰審査委員のみ審査できます',
  reviewAsNominee: '自分が推薦された案件は審査できません',
  reviewOwn: '自分が推薦した案件は審査できません',
  reviewOwnSection: '自分と同じ課の職員が推薦された案件は審査できません',
  reviewSectionUnknown: '所属が確認できないため審査できません',
  staleStatus: 'ほかの委員が先に審査状況を変更しました。最新の状態を確認してください',
  outOfOrder: 'この順序では審査状況を変更できません',
  commentTooLong: `コメントは${NOMINATION_LIMITS.comment}文字以内で入力してください`,
  consentNotAwarded: '表彰が決定した推薦にのみ回答できます',
  consentNotNominee: '自分が受賞した表彰にのみ回答できます',
} as const;

/** Made by the device, like community ids; no underscore, because endorsement ids are `{nominationId}_{staffId}`. */
export const NominationIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{8,64}$/, '推薦IDの形式が正しくありません'));

const StaffRefSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,40}$/, '職員IDの形式が正しくありません'));
/** Same shape as yell ids (client-made, community id pattern). */
const YellRefSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{8,64}$/, 'エールIDの形式が正しくありません'));

export const ReasonSchema = v.pipe(
  v.string(),
  v.transform(cleanText),
  v.check((s) => s !== '', NOMINATION_MESSAGES.reasonEmpty),
  v.check((s) => charCount(s) <= NOMINATION_LIMITS.reason, NOMINATION_MESSAGES.reasonTooLong),
);

export const TeamNameSchema = v.pipe(
  v.string(),
  v.transform((s) => cleanText(s).replace(/\s+/g, ' ')),
  v.check((s) => charCount(s) <= NOMINATION_LIMITS.teamName, NOMINATION_MESSAGES.teamNameTooLong),
);

export const NomineesSchema = v.pipe(
  v.array(StaffRefSchema),
  v.minLength(1, NOMINATION_MESSAGES.nomineesEmpty),
  v.maxLength(NOMINATION_LIMITS.nominees, NOMINATION_MESSAGES.nomineesTooMany),
  v.check((ids) => new Set(ids).size === ids.length, NOMINATION_MESSAGES.nomineesDuplicate),
);

export const LinkedYellsSchema = v.pipe(
  v.array(YellRefSchema),
  v.maxLength(NOMINATION_LIMITS.linkedYells, NOMINATION_MESSAGES.yellsTooMany),
  v.check((ids) => new Set(ids).size === ids.length, NOMINATION_MESSAGES.yellsDuplicate),
);

export const CommentSchema = v.pipe(
  v.string(),
  v.transform(cleanText),
  v.check((s) => charCount(s) <= NOMINATION_LIMITS.comment, NOMINATION_MESSAGES.commentTooLong),
);

export const ReviewEntrySchema = v.object({
  /** Server clock, display only. */
  at: v.string(),
  by: v.string(),
  from: NominationStatusSchema,
  to: NominationStatusSchema,
  comment: v.string(),
});
export type ReviewEntry = v.InferOutput<typeof ReviewEntrySchema>;

/** A nomination as the server keeps it. Never sent as is: see projectNomination. */
export const NominationSchema = v.object({
  id: NominationIdSchema,
  awardId: AwardIdSchema,
  /** The award's name when nominated, so a later renaming by HR does not rewrite history. */
  awardLabel: v.string(),
  nominator: v.string(),
  nominees: v.array(v.string()),
  /** '' for one person; a team nomination has a name. */
  teamName: v.string(),
  reason: v.string(),
  yellIds: v.array(v.string()),
  /** Staff ids, in the order they endorsed; each at most once. */
  endorsers: v.array(v.string()),
  status: NominationStatusSchema,
  /** Every status change with its comment, oldest first (the committee's view of the audit log). */
  reviews: v.array(ReviewEntrySchema),
  /** Each nominee's answer to "show this award on my profile", once awarded. */
  consent: v.record(v.string(), v.boolean()),
  createdAt: v.string(),
  /** Year (Asia/Tokyo) of the award decision; null until awarded. */
  awardYear: v.nullable(v.number()),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
});
export type Nomination = v.InferOutput<typeof NominationSchema>;
export type NominationState = Omit<Nomination, 'version'>;

/** What one viewer receives: comments and others' consent only for the committee. */
export const NominationViewSchema = v.object({
  ...v.omit(NominationSchema, ['reviews', 'consent']).entries,
  reviews: v.optional(v.array(ReviewEntrySchema)),
  consent: v.record(v.string(), v.boolean()),
});
export type NominationView = v.InferOutput<typeof NominationViewSchema>;

/** Answer of GET /nominations?since=V, per viewer (see canSeeNomination). */
export const NominationsPageSchema = v.object({
  nominations: v.array(NominationViewSchema),
  /** Changed since V and no longer visible to this viewer: the device drops them. */
  removed: v.array(v.string()),
  version: v.pipe(v.number(), v.integer(), v.minValue(0)),
  more: v.boolean(),
  reset: v.boolean(),
});
export type NominationsPage = v.InferOutput<typeof NominationsPageSchema>;

export const NOMINATIONS_PAGE_SIZE = 100;

/** An append-only audit log entry (committee only, GET /nominations/{id}/audit). */
export const AuditEntrySchema = v.object({
  nominationId: v.string(),
  version: v.number(),
  at: v.string(),
  actor: v.string(),
  action: v.picklist(['create', 'endorse', 'review', 'consent']),
  from: v.nullable(NominationStatusSchema),
  to: v.nullable(NominationStatusSchema),
  comment: v.string(),
});
export type AuditEntry = v.InferOutput<typeof AuditEntrySchema>;

// ---------------------------------------------------------------------------------------------
// Visibility

export interface NominationViewer {
  staffId: string;
  committee: boolean;
}

/**
 * Who sees a nomination:
 * - a nominee: only once awarded. Until then it would spoil the surprise, and a "not awarded" is
 *   never shown to them: it is kinder, and nothing they could act on. This holds even for a
 *   nominee on the committee;
 * - the nominator, the committee and the endorsers: always (it is theirs, they review it, they
 *   backed it);
 * - anyone else: while it is open (submitted or under review), so colleagues can endorse it. Once
 *   decided it leaves their devices: an award is shown on the winner's profile if they agree, and
 *   a "not awarded" is nobody else's business.
 */
export function canSeeNomination(
  n: Pick<NominationState, 'nominees' | 'nominator' | 'endorsers' | 'status'>,
  viewer: NominationViewer,
): boolean {
  if (n.nominees.includes(viewer.staffId)) return n.status === 'awarded';
  if (n.nominator === viewer.staffId || viewer.committee || n.endorsers.includes(viewer.staffId)) return true;
  return n.status === 'submitted' || n.status === 'under_review';
}

/** The nomination as this viewer may see it, or null. Review comments are the committee's. */
export function projectNomination(n: Nomination, viewer: NominationViewer): NominationView | null {
  if (!canSeeNomination(n, viewer)) return null;
  const { reviews, consent, ...rest } = n;
  const own = consent[viewer.staffId];
  return {
    ...rest,
    consent: viewer.committee ? { ...consent } : own === undefined ? {} : { [viewer.staffId]: own },
    ...(viewer.committee && { reviews: reviews.map((r) => ({ ...r })) }),
  };
}

// ---------------------------------------------------------------------------------------------
// Reviewer eligibility

/**
 * "Section" is the 課: the nearest 課 above a person's unit (their 係, or the 課 itself for a
 * 課長). A 係 is too small a unit: the next 係 of the same 課 works with the nominee every day and
 * shares its 課長, who writes the evaluations. A 部 is too large: with a committee of one member
 * per 部 (as in the demo ward), excluding the whole 部 would often leave nobody to review. A person
 * sitting directly under a 部 (a 部長) has the 部 as section.
 */
export function sectionOf(units: ReadonlyMap<string, OrgUnit>, unitId: string): string | null {
  const chain = unitAncestry(units, unitId);
  return (chain.find((u) => u.kind === 'ka') ?? chain[0])?.id ?? null;
}

export interface Reviewer {
  staffId: string;
  committee: boolean;
  /** The reviewer's 課 (sectionOf), null when unknown. */
  sectionId: string | null;
}

/**
 * Why this person may not review this nomination, or null when they may. Not a nominee, not the
 * nominator (one's own nomination is not judged by oneself either), not in the 課 of any nominee.
 * An unknown section on either side refuses: eligibility that cannot be shown is not granted.
 */
export function reviewRefusal(
  n: Pick<NominationState, 'nominees' | 'nominator'>,
  reviewer: Reviewer,
  nomineeSections: readonly (string | null)[],
): string | null {
  if (!reviewer.committee) return NOMINATION_MESSAGES.notCommittee;
  if (n.nominees.includes(reviewer.staffId)) return NOMINATION_MESSAGES.reviewAsNominee;
  if (n.nominator === reviewer.staffId) return NOMINATION_MESSAGES.reviewOwn;
  if (reviewer.sectionId === null || nomineeSections.some((s) => s === null))
    return NOMINATION_MESSAGES.reviewSectionUnknown;
  if (nomineeSections.includes(reviewer.sectionId)) return NOMINATION_MESSAGES.reviewOwnSection;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Linked エール

/** What a linked エール check needs of a stored エール. */
export interface LinkableYell {
  id: string;
  from: string;
  to: readonly string[];
  visibility: 'public' | 'private';
}

/** A linked エール must exist and be visible to the nominator: public, or they sent or received it. */
export function linkedYellsRefusal(
  ids: readonly string[],
  found: readonly LinkableYell[],
  nominator: string,
): string | null {
  const byId = new Map(found.map((y) => [y.id, y]));
  for (const id of ids) {
    const y = byId.get(id);
    if (!y) return NOMINATION_MESSAGES.yellNotFound;
    if (y.visibility !== 'public' && y.from !== nominator && !y.to.includes(nominator))
      return NOMINATION_MESSAGES.yellNotFound;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The rule

export type NominationIntent =
  | {
      kind: 'nomination.create';
      nominationId: string;
      awardId: string;
      nominees: string[];
      teamName: string;
      reason: string;
      yellIds: string[];
      createdAt: string;
    }
  | { kind: 'nomination.endorse'; nominationId: string }
  | { kind: 'nomination.review'; nominationId: string; from: NominationStatus; to: NominationStatus; comment: string }
  | { kind: 'award.consent'; nominationId: string; show: boolean };

/** Facts the rule needs that the handler looks up (awards, sections, duties), and the server clock. */
export interface NominationContext {
  awards: readonly Award[];
  reviewer: Reviewer;
  /** sectionOf for each nominee of the nomination acted on, in its order. */
  nomineeSections: readonly (string | null)[];
  /** Server clock, ISO. */
  now: string;
}

export type NominationOutcome =
  | {
      ok: true;
      changed: boolean;
      nomination: NominationState;
      audit: Omit<AuditEntry, 'version' | 'nominationId'> | null;
    }
  | { ok: false; message: string };

/** Calendar year in Asia/Tokyo (UTC+9, no daylight saving) of an ISO instant. */
export function tokyoYear(iso: string): number {
  return new Date(Date.parse(iso) + 9 * 3600_000).getUTCFullYear();
}

/**
 * What one intent by `actor` does to a nomination (`current` null when it does not exist yet).
 * Pure and re-runnable: a store that loses a version race re-reads and calls it again, so a stale
 * reviewer's `from` no longer matches and the review is refused instead of jumping a status.
 */
export function applyNominationIntent(
  current: NominationState | null,
  intent: NominationIntent,
  actor: string,
  ctx: NominationContext,
): NominationOutcome {
  const entry = (
    action: AuditEntry['action'],
    from: NominationStatus | null,
    to: NominationStatus | null,
    comment = '',
  ) => ({
    at: ctx.now,
    actor,
    action,
    from,
    to,
    comment,
  });
  if (intent.kind === 'nomination.create') {
    if (current) return { ok: false, message: NOMINATION_MESSAGES.idTaken };
    const award = ctx.awards.find((a) => a.id === intent.awardId);
    if (!award) return { ok: false, message: NOMINATION_MESSAGES.awardUnknown };
    if (intent.nominees.includes(actor)) return { ok: false, message: NOMINATION_MESSAGES.selfNomination };
    if (intent.nominees.length > 1 && intent.teamName === '')
      return { ok: false, message: NOMINATION_MESSAGES.teamNameRequired };
    return {
      ok: true,
      changed: true,
      audit: entry('create', null, 'submitted'),
      nomination: {
        id: intent.nominationId,
        awardId: award.id,
        awardLabel: award.label,
        nominator: actor,
        nominees: [...intent.nominees],
        teamName: intent.teamName,
        reason: intent.reason,
        yellIds: [...intent.yellIds],
        endorsers: [],
        status: 'submitted',
        reviews: [],
        consent: {},
        createdAt: intent.createdAt,
        awardYear: null,
      },
    };
  }
  if (!current) return { ok: false, message: NOMINATION_MESSAGES.notFound };
  switch (intent.kind) {
    case 'nomination.endorse': {
      if (current.nominator === actor) return { ok: false, message: NOMINATION_MESSAGES.endorseOwn };
      if (current.nominees.includes(actor)) return { ok: false, message: NOMINATION_MESSAGES.endorseAsNominee };
      if (current.endorsers.includes(actor)) return { ok: false, message: NOMINATION_MESSAGES.endorseTwice };
      if (current.status !== 'submitted' && current.status !== 'under_review')
        return { ok: false, message: NOMINATION_MESSAGES.endorseClosed };
      return {
        ok: true,
        changed: true,
        audit: entry('endorse', null, null),
        nomination: { ...current, endorsers: [...current.endorsers, actor] },
      };
    }
    case 'nomination.review': {
      const refusal = reviewRefusal(current, ctx.reviewer, ctx.nomineeSections);
      if (refusal) return { ok: false, message: refusal };
      if (current.status !== intent.from) return { ok: false, message: NOMINATION_MESSAGES.staleStatus };
      if (!canTransition(current.status, intent.to)) return { ok: false, message: NOMINATION_MESSAGES.outOfOrder };
      const review: ReviewEntry = {
        at: ctx.now,
        by: actor,
        from: current.status,
        to: intent.to,
        comment: intent.comment,
      };
      return {
        ok: true,
        changed: true,
        audit: entry('review', current.status, intent.to, intent.comment),
        nomination: {
          ...current,
          status: intent.to,
          reviews: [...current.reviews, review],
          awardYear: intent.to === 'awarded' ? tokyoYear(ctx.now) : current.awardYear,
        },
      };
    }
    case 'award.consent': {
      if (!current.nominees.includes(actor)) return { ok: false, message: NOMINATION_MESSAGES.consentNotNominee };
      if (current.status !== 'awarded') return { ok: false, message: NOMINATION_MESSAGES.consentNotAwarded };
      if (current.consent[actor] === intent.show) return { ok: true, changed: false, audit: null, nomination: current };
      return {
        ok: true,
        changed: true,
        audit: entry('consent', null, null, intent.show ? 'show' : 'hide'),
        nomination: { ...current, consent: { ...current.consent, [actor]: intent.show } },
      };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The award on the profile (C3)

// The schema lives with the profile it is part of (staff.ts), so the directory, which is in the
// entry chunk, does not pull in the nomination rules.
export { ProfileAwardSchema, type ProfileAward } from './staff';

/** A profile's awards after the winner's answer: shown ones only, one per nomination, newest year first. */
export function withAwardChoice(
  current: readonly ProfileAward[] | undefined,
  award: ProfileAward,
  show: boolean,
): ProfileAward[] {
  const rest = (current ?? []).filter((a) => a.nominationId !== award.nominationId);
  const next = show ? [...rest, { ...award }] : rest;
  return next.sort((a, b) => b.year - a.year || (a.nominationId < b.nominationId ? -1 : 1));
}

/** The award a winner's consent puts on their profile. */
export function profileAwardOf(
  n: Pick<NominationState, 'id' | 'awardId' | 'awardLabel' | 'awardYear' | 'createdAt'>,
): ProfileAward {
  return { nominationId: n.id, awardId: n.awardId, label: n.awardLabel, year: n.awardYear ?? tokyoYear(n.createdAt) };
}

// ---------------------------------------------------------------------------------------------
// Device-side view

/** What the device shows: stored nominations with my unsent intents laid over them. */
export interface ShownNomination extends NominationView {
  pending: boolean;
}

/**
 * Lays the signed-in person's unsent intents over what the server sent. Only the optimistic parts
 * the person can be sure of: a new nomination (shown as submitted) and an endorsement. A review or
 * consent waits for the server, which alone knows whether it is still allowed.
 */
export function showNominations(
  stored: readonly NominationView[],
  pending: readonly NominationIntent[],
  selfId: string,
): ShownNomination[] {
  const byId = new Map<string, ShownNomination>(stored.map((n) => [n.id, { ...n, pending: false }]));
  for (const intent of pending) {
    if (intent.kind === 'nomination.create' && !byId.has(intent.nominationId)) {
      byId.set(intent.nominationId, {
        id: intent.nominationId,
        awardId: intent.awardId,
        awardLabel: '',
        nominator: selfId,
        nominees: [...intent.nominees],
        teamName: intent.teamName,
        reason: intent.reason,
        yellIds: [...intent.yellIds],
        endorsers: [],
        status: 'submitted',
        consent: {},
        createdAt: intent.createdAt,
        awardYear: null,
        version: 0,
        pending: true,
      });
    } else if (intent.kind === 'nomination.endorse') {
      const n = byId.get(intent.nominationId);
      if (n && !n.endorsers.includes(selfId))
        byId.set(n.id, { ...n, endorsers: [...n.endorsers, selfId], pending: true });
    } else if (intent.kind !== 'nomination.create') {
      const n = byId.get(intent.nominationId);
      if (n) byId.set(n.id, { ...n, pending: true });
    }
  }
  return [...byId.values()].sort((a, b) =>
    a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? -1 : 1,
  );
}

/** Answer of GET /nominations/{id}/audit (award committee only). */
export const NominationAuditSchema = v.object({ entries: v.array(AuditEntrySchema) });
export type NominationAudit = v.InferOutput<typeof NominationAuditSchema>;

/** The outbox mutations that act on nominations (C1-C3). */
export type NominationMutation = Extract<Mutation, { kind: `nomination.${string}` | 'award.consent' }>;

export function isNominationMutation(m: Mutation): m is NominationMutation {
  return (
    m.kind === 'nomination.create' ||
    m.kind === 'nomination.endorse' ||
    m.kind === 'nomination.review' ||
    m.kind === 'award.consent'
  );
}

/**
 * The intent a mutation stands for: what the server applies, and what a device lays over its copy
 * while the mutation is unsent.
 */
export function nominationIntentOf(m: NominationMutation): NominationIntent {
  switch (m.kind) {
    case 'nomination.create':
      return {
        kind: m.kind,
        nominationId: m.nominationId,
        awardId: m.awardId,
        nominees: m.nominees,
        teamName: m.teamName,
        reason: m.reason,
        yellIds: m.yellIds,
        createdAt: m.createdAt,
      };
    case 'nomination.endorse':
      return { kind: m.kind, nominationId: m.nominationId };
    case 'nomination.review':
      return { kind: m.kind, nominationId: m.nominationId, from: m.from, to: m.to, comment: m.comment };
    case 'award.consent':
      return { kind: m.kind, nominationId: m.nominationId, show: m.show };
  }
}
