import * as v from 'valibot';
import { CommunityDescriptionSchema, CommunityIdSchema, CommunityNameSchema } from './communities';
import {
  AwardIdSchema,
  CommentSchema,
  LinkedYellsSchema,
  NominationIdSchema,
  NominationStatusSchema,
  NomineesSchema,
  ReasonSchema,
  TeamNameSchema,
} from './nominations';
import { PHOTO_LIMITS, PHOTO_MESSAGES } from './photo';
import { AudiencesPatchSchema, PrivatePhoneSchema, tagsSchema, webpBase64Schema } from './profile-edit';
import { LIMITS } from './staff';
import { charCount, cleanText } from './text';
import {
  YellIdSchema,
  YellMessageSchema,
  YellRecipientsSchema,
  YellValueIdSchema,
  YellVisibilitySchema,
} from './yells';

/**
 * A mutation is what the outbox carries: one user intent with a client-made ID. The server applies
 * each ID at most once, so a replay (lost acknowledgement, second tab, reload) is harmless.
 */
export const MutationIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,64}$/, '不正な変更IDです'));

const IntroSchema = v.pipe(
  v.string(),
  v.transform(cleanText),
  v.check((s) => charCount(s) <= LIMITS.intro, `自己紹介は${LIMITS.intro}文字以内で入力してください`),
);

export const ProfileUpdateSchema = v.object({
  kind: v.literal('profile.update'),
  id: MutationIdSchema,
  /** Client clock, for display only: ordering on the server never trusts it. */
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
  patch: v.object({
    intro: v.optional(IntroSchema),
    hobbies: v.optional(tagsSchema('趣味・特技')),
    skills: v.optional(tagsSchema('スキル')),
    privatePhone: v.optional(PrivatePhoneSchema),
    /** Only the fields named change their audience; the others keep theirs. */
    audiences: v.optional(AudiencesPatchSchema),
    photoConsent: v.optional(v.boolean()),
    /** Keep エール about me out of the public feed (R4). */
    yellFeedOptOut: v.optional(v.boolean()),
  }),
});

/** A new photo of oneself (two WebP images made on the device), or null to remove it. */
export const ProfilePhotoSchema = v.object({
  kind: v.literal('profile.photo'),
  id: MutationIdSchema,
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
  photo: v.nullable(
    v.object({
      thumb: webpBase64Schema(PHOTO_LIMITS.thumbBytes, PHOTO_MESSAGES.thumbTooLarge),
      large: webpBase64Schema(PHOTO_LIMITS.largeBytes, PHOTO_MESSAGES.largeTooLarge),
    }),
  ),
});

/** Starts a community (D6); the creator is its first member. The id is made on the device. */
export const CommunityCreateSchema = v.object({
  kind: v.literal('community.create'),
  id: MutationIdSchema,
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
  communityId: CommunityIdSchema,
  name: CommunityNameSchema,
  description: CommunityDescriptionSchema,
});

/** Joins a community as oneself; joining twice is the same as once. */
export const CommunityJoinSchema = v.object({
  kind: v.literal('community.join'),
  id: MutationIdSchema,
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
  communityId: CommunityIdSchema,
});

/** Leaves a community; leaving one is not a member of changes nothing. */
export const CommunityLeaveSchema = v.object({ ...CommunityJoinSchema.entries, kind: v.literal('community.leave') });

/** Nominates a person or a team for an award (C1); the id is made on the device. */
export const NominationCreateSchema = v.object({
  kind: v.literal('nomination.create'),
  id: MutationIdSchema,
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
  nominationId: NominationIdSchema,
  awardId: AwardIdSchema,
  nominees: NomineesSchema,
  teamName: TeamNameSchema,
  reason: ReasonSchema,
  yellIds: LinkedYellsSchema,
});

/** Endorses a nomination as oneself, once (C1). */
export const NominationEndorseSchema = v.object({
  kind: v.literal('nomination.endorse'),
  id: MutationIdSchema,
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
  nominationId: NominationIdSchema,
});

/**
 * A committee member moves a nomination from the status they saw (`from`) to `to` (C2). `from` is
 * the compare-and-set: a reviewer who saw an old status is refused rather than jumping one.
 */
export const NominationReviewSchema = v.object({
  kind: v.literal('nomination.review'),
  id: MutationIdSchema,
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
  nominationId: NominationIdSchema,
  from: NominationStatusSchema,
  to: NominationStatusSchema,
  comment: CommentSchema,
});

/** The winner's answer: show the award on my profile, or not (C3). */
export const AwardConsentSchema = v.object({
  kind: v.literal('award.consent'),
  id: MutationIdSchema,
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
  nominationId: NominationIdSchema,
  show: v.boolean(),
});

/**
 * Sends an エール (R1) as oneself; the id is made on the device. Not to oneself and within the
 * daily cap: those need the sender and the day, so the server checks them (checkYellSend).
 */
export const YellSendSchema = v.object({
  kind: v.literal('yell.send'),
  id: MutationIdSchema,
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
  yellId: YellIdSchema,
  to: YellRecipientsSchema,
  message: YellMessageSchema,
  value: YellValueIdSchema,
  visibility: YellVisibilitySchema,
});

/** Claps for an エール (R2): twice is the same as once; one's own is refused. */
export const YellClapSchema = v.object({
  kind: v.literal('yell.clap'),
  id: MutationIdSchema,
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
  yellId: YellIdSchema,
});

export const MutationSchema = v.variant('kind', [
  ProfileUpdateSchema,
  ProfilePhotoSchema,
  CommunityCreateSchema,
  CommunityJoinSchema,
  CommunityLeaveSchema,
  YellSendSchema,
  YellClapSchema,
  NominationCreateSchema,
  NominationEndorseSchema,
  NominationReviewSchema,
  AwardConsentSchema,
]);
export type Mutation = v.InferOutput<typeof MutationSchema>;
export type MutationInput = v.InferInput<typeof MutationSchema>;
export type MutationKind = Mutation['kind'];

export const MAX_MUTATIONS_PER_PUSH = 50;
/**
 * A push carries mutations up to about this many bytes of JSON (the server refuses bodies over
 * 256 KB). A single larger one (a photo is up to ~225 KB) still goes, alone.
 */
export const PUSH_SOFT_BYTES = 192 * 1024;

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** Validates a mutation as the server and the client both do; the first issue becomes the message. */
export function parseMutation(input: unknown): ValidationResult<Mutation> {
  const r = v.safeParse(MutationSchema, input);
  if (r.success) return { ok: true, value: r.output };
  return { ok: false, message: r.issues[0]?.message ?? '入力が正しくありません' };
}
