import * as v from 'valibot';
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

/** Answer of GET /nominations/{id}/audit (award committee only). */
export const NominationAuditSchema = v.object({ entries: v.array(AuditEntrySchema) });
export type NominationAudit = v.InferOutput<typeof NominationAuditSchema>;
