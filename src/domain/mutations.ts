import * as v from 'valibot';
import { CommunityDescriptionSchema, CommunityIdSchema, CommunityNameSchema } from './communities';
import { PHOTO_LIMITS, PHOTO_MESSAGES } from './photo';
import { AudiencesPatchSchema, PrivatePhoneSchema, tagsSchema, webpBase64Schema } from './profile-edit';
import { LIMITS } from './staff';
import { charCount, cleanText } from './text';

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

export const MutationSchema = v.variant('kind', [
  ProfileUpdateSchema,
  ProfilePhotoSchema,
  CommunityCreateSchema,
  CommunityJoinSchema,
  CommunityLeaveSchema,
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
