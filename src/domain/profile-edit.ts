import * as v from 'valibot';
import { CreatedAtSchema, defineKind, MutationIdSchema } from './mutation-kit';
import { says } from './issues';
import { decodeBase64, isWebp, PHOTO_LIMITS } from './photo';
import { problem, type Problem, type TagList } from './problems';
import { AUDIENCE_FIELDS, AUDIENCES, LIMITS, type AudienceField } from './staff';
import { charCount, cleanText } from './text';

/**
 * The fields of one's own profile that a `profile.update` or `profile.photo` mutation may carry,
 * checked the same way on the device (to say so at once) and on the server (to refuse).
 *
 * Markup: the self-introduction keeps what was typed and is always shown as text (a person may
 * well write "<お願い>"), while short fields — tags and the phone number — refuse `<` and `>`,
 * which have no use there, with a refusal saying so.
 */
const NO_MARKUP = /[<>]/;

/** A list of short tags (skills, hobbies): cleaned, empties dropped, duplicates removed in order. */
export function tagsSchema(tags: TagList) {
  return v.pipe(
    v.array(v.string()),
    v.transform((tags) => [...new Set(tags.map(cleanText).filter((t) => t !== ''))]),
    v.check((tags) => tags.every((t) => !NO_MARKUP.test(t)), says('edit.markup', { tags })),
    v.check((tags) => tags.every((t) => !t.includes('\n')), says('edit.tagLine', { tags })),
    v.check((tags) => tags.every((t) => charCount(t) <= LIMITS.tag), says('edit.tagLength', { tags, max: LIMITS.tag })),
    v.check((tags) => tags.length <= LIMITS.tags, says('edit.tagCount', { tags, max: LIMITS.tags })),
  );
}

/**
 * The first tag of a list that the schema above would refuse, named (issue 22): the form points at
 * it before saving, where the schema's refusal says only which list. The rest of what was typed stays.
 */
export function firstBadTag(
  tags: TagList,
  list: readonly string[],
): Problem<'edit.markup'> | Problem<'edit.tagLength'> | null {
  for (const raw of list) {
    const tag = cleanText(raw);
    if (NO_MARKUP.test(tag)) return problem('edit.markup', { tags, tag });
    if (charCount(tag) > LIMITS.tag) return problem('edit.tagLength', { tags, max: LIMITS.tag, tag });
  }
  return null;
}

/** Full-width digits and hyphens as phones type them become ASCII (NFKC); the rest is refused. */
export const PrivatePhoneSchema = v.pipe(
  v.string(),
  v.transform((s) =>
    s
      .normalize('NFKC')
      .replace(/[ー−‐]/g, '-')
      .trim(),
  ),
  v.regex(/^[0-9+\-() ]{0,20}$/, says('edit.phone', { max: 20 })),
);

const AudienceChoiceSchema = v.picklist(AUDIENCES, says('edit.audience'));

export const AudiencesPatchSchema = v.partial(
  v.object(
    Object.fromEntries(AUDIENCE_FIELDS.map((f) => [f, AudienceChoiceSchema])) as Record<
      AudienceField,
      typeof AudienceChoiceSchema
    >, // fromEntries loses the key type; the keys are exactly AUDIENCE_FIELDS
  ),
);

/** A WebP image as base64, at most `maxBytes` once decoded. */
export function webpBase64Schema(maxBytes: number, tooLarge: string) {
  return v.pipe(
    v.string(),
    // Cheap refusal before decoding: base64 is 4 characters per 3 bytes.
    v.maxLength(Math.ceil(maxBytes / 3) * 4, tooLarge),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const bytes = decodeBase64(dataset.value);
      if (bytes === null || !isWebp(bytes)) addIssue({ message: says('photo.notWebp') });
      else if (bytes.length > maxBytes) addIssue({ message: tooLarge });
    }),
  );
}

const IntroSchema = v.pipe(
  v.string(),
  v.transform(cleanText),
  v.check((s) => charCount(s) <= LIMITS.intro, says('edit.introTooLong', { max: LIMITS.intro })),
);

export const ProfileUpdateSchema = v.object({
  kind: v.literal('profile.update'),
  id: MutationIdSchema,
  createdAt: CreatedAtSchema,
  patch: v.object({
    intro: v.optional(IntroSchema),
    hobbies: v.optional(tagsSchema('hobbies')),
    skills: v.optional(tagsSchema('skills')),
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
  createdAt: CreatedAtSchema,
  photo: v.nullable(
    v.object({
      thumb: webpBase64Schema(
        PHOTO_LIMITS.thumbBytes,
        says('photo.thumbTooLarge', { maxKb: PHOTO_LIMITS.thumbBytes / 1024 }),
      ),
      large: webpBase64Schema(
        PHOTO_LIMITS.largeBytes,
        says('photo.largeTooLarge', { maxKb: PHOTO_LIMITS.largeBytes / 1024 }),
      ),
    }),
  ),
});

/** An edit of one's own profile, as the directory applies it (the author is the token's person). */
export type ProfileIntent =
  | { kind: 'profile.update'; patch: v.InferOutput<typeof ProfileUpdateSchema>['patch'] }
  | { kind: 'profile.photo'; photo: v.InferOutput<typeof ProfilePhotoSchema>['photo'] };

/** The directory's kinds: edits of the author's own profile. */
export const PROFILE_KINDS = [
  defineKind({
    feature: 'directory',
    schema: ProfileUpdateSchema,
    touchesDirectory: true,
    intent: (m): ProfileIntent => ({ kind: m.kind, patch: m.patch }),
  }),
  defineKind({
    feature: 'directory',
    schema: ProfilePhotoSchema,
    touchesDirectory: true,
    intent: (m): ProfileIntent => ({ kind: m.kind, photo: m.photo }),
  }),
] as const;
