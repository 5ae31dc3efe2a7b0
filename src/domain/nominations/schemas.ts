import * as v from 'valibot';
import { says } from '../issues';
import { charCount, cleanText } from '../text';

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

// ---------------------------------------------------------------------------------------------
// Awards (HR's configuration)

export const AwardIdSchema = v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,32}$/, says('award.idInvalid', { max: 32 })));

export const AwardSchema = v.object({
  id: AwardIdSchema,
  label: v.pipe(
    v.string(),
    v.transform((s) => cleanText(s).replace(/\s+/g, ' ')),
    v.check((s) => s !== '', says('award.labelEmpty')),
    v.check(
      (s) => charCount(s) <= NOMINATION_LIMITS.awardLabel,
      says('award.labelTooLong', { max: NOMINATION_LIMITS.awardLabel }),
    ),
  ),
});
export type Award = v.InferOutput<typeof AwardSchema>;

/** Body of POST /awards (HR) and answer of GET /awards. */
export const AwardsConfigSchema = v.object({
  awards: v.pipe(
    v.array(AwardSchema),
    v.minLength(1, says('award.listEmpty')),
    v.maxLength(NOMINATION_LIMITS.awards, says('award.listTooLong', { max: NOMINATION_LIMITS.awards })),
    v.check((list) => new Set(list.map((a) => a.id)).size === list.length, says('award.idDuplicate')),
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

/** Made by the device, like community ids; no underscore, because endorsement ids are `{nominationId}_{staffId}`. */
export const NominationIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{8,64}$/, says('nomination.idInvalid')));

const StaffRefSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,40}$/, says('staff.idInvalid')));
/** Same shape as yell ids (client-made, community id pattern). */
const YellRefSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{8,64}$/, says('yell.idInvalid')));

export const ReasonSchema = v.pipe(
  v.string(),
  v.transform(cleanText),
  v.check((s) => s !== '', says('nomination.reasonEmpty')),
  v.check(
    (s) => charCount(s) <= NOMINATION_LIMITS.reason,
    says('nomination.reasonTooLong', { max: NOMINATION_LIMITS.reason }),
  ),
);

export const TeamNameSchema = v.pipe(
  v.string(),
  v.transform((s) => cleanText(s).replace(/\s+/g, ' ')),
  v.check(
    (s) => charCount(s) <= NOMINATION_LIMITS.teamName,
    says('nomination.teamNameTooLong', { max: NOMINATION_LIMITS.teamName }),
  ),
);

export const NomineesSchema = v.pipe(
  v.array(StaffRefSchema),
  v.minLength(1, says('nomination.nomineesEmpty')),
  v.maxLength(NOMINATION_LIMITS.nominees, says('nomination.nomineesTooMany', { max: NOMINATION_LIMITS.nominees })),
  v.check((ids) => new Set(ids).size === ids.length, says('nomination.nomineesDuplicate')),
);

export const LinkedYellsSchema = v.pipe(
  v.array(YellRefSchema),
  v.maxLength(NOMINATION_LIMITS.linkedYells, says('nomination.yellsTooMany', { max: NOMINATION_LIMITS.linkedYells })),
  v.check((ids) => new Set(ids).size === ids.length, says('nomination.yellsDuplicate')),
);

export const CommentSchema = v.pipe(
  v.string(),
  v.transform(cleanText),
  v.check(
    (s) => charCount(s) <= NOMINATION_LIMITS.comment,
    says('nomination.commentTooLong', { max: NOMINATION_LIMITS.comment }),
  ),
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

/** Answer of GET /nominations/{id}/audit (award committee only). */
export const NominationAuditSchema = v.object({ entries: v.array(AuditEntrySchema) });
export type NominationAudit = v.InferOutput<typeof NominationAuditSchema>;
