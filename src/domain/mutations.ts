import * as v from 'valibot';
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
  }),
});

export const MutationSchema = v.variant('kind', [ProfileUpdateSchema]);
export type Mutation = v.InferOutput<typeof MutationSchema>;
export type MutationInput = v.InferInput<typeof MutationSchema>;
export type MutationKind = Mutation['kind'];

export const MAX_MUTATIONS_PER_PUSH = 50;

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** Validates a mutation as the server and the client both do; the first issue becomes the message. */
export function parseMutation(input: unknown): ValidationResult<Mutation> {
  const r = v.safeParse(MutationSchema, input);
  if (r.success) return { ok: true, value: r.output };
  return { ok: false, message: r.issues[0]?.message ?? '入力が正しくありません' };
}
