import * as v from 'valibot';
import { COMMUNITY_KINDS } from './communities';
import { problemOfIssues } from './issues';
import { newId, type KindSpec, type ValidationResult } from './mutation-kit';
import { NOMINATION_KINDS } from './nominations/kinds';
import { PROFILE_KINDS } from './profile-edit';
import { TRAINING_MUTATION_KINDS } from './trainings/kinds';
import { YELL_KINDS } from './yells';
import { SURVEY_KINDS } from './surveys/survey';

/**
 * The registry of mutation kinds: what the outbox carries, one user intent each (see
 * mutation-kit.ts). Each feature declares its kinds beside its own domain module, with their
 * schema, their intent and whether they touch the directory record; this list gathers them, and
 * the union schema, the types below and the lookups are built from it. A new feature is one line.
 */
export const MUTATION_KINDS = [
  ...PROFILE_KINDS,
  ...COMMUNITY_KINDS,
  ...YELL_KINDS,
  ...NOMINATION_KINDS,
  ...TRAINING_MUTATION_KINDS,
  ...SURVEY_KINDS,
] as const;

export { CreatedAtSchema, MutationIdSchema, newId, type ValidationResult } from './mutation-kit';
export { ProfilePhotoSchema, ProfileUpdateSchema } from './profile-edit';
export { CommunityCreateSchema, CommunityJoinSchema, CommunityLeaveSchema } from './communities';
export { YellClapSchema, YellSendSchema } from './yells';
export {
  AwardConsentSchema,
  NominationCreateSchema,
  NominationEndorseSchema,
  NominationReviewSchema,
} from './nominations/kinds';

type AnySpec = (typeof MUTATION_KINDS)[number];

export const MutationSchema = v.variant(
  'kind',
  MUTATION_KINDS.map((k) => k.schema),
);
export type Mutation = v.InferOutput<typeof MutationSchema>;
export type MutationInput = v.InferInput<typeof MutationSchema>;
export type MutationKind = Mutation['kind'];
/** The features that own kinds ('directory', 'communities', 'yells', 'nominations'). */
export type MutationFeature = AnySpec['feature'];

export type MutationOf<K extends MutationKind> = Extract<Mutation, { kind: K }>;
export type MutationInputOf<K extends MutationKind> = Extract<MutationInput, { kind: K }>;
/** What a command gives for a kind: all but the kind, the id and the clock, which newMutation adds. */
export type MutationPayload<K extends MutationKind> = Omit<MutationInputOf<K>, 'kind' | 'id' | 'createdAt'>;
type IntentByKind = { [S in AnySpec as S['kind']]: ReturnType<S['intent']> };
export type IntentOf<K extends MutationKind> = IntentByKind[K];

/** The kinds of one feature, and its mutations. */
export type FeatureKind<F extends MutationFeature> = Extract<AnySpec, { feature: F }>['kind'];
export type FeatureMutation<F extends MutationFeature> = MutationOf<FeatureKind<F>>;
export type FeatureIntent<F extends MutationFeature> = IntentOf<FeatureKind<F>>;

/** The kinds that may change the author's directory record (touchesDirectory), and their mutations. */
export type DirectoryKind = Extract<AnySpec, { touchesDirectory: true }>['kind'];
export type DirectoryMutation = MutationOf<DirectoryKind>;

export const MAX_MUTATIONS_PER_PUSH = 50;
/**
 * A push carries mutations up to about this many bytes of JSON (the server refuses bodies over
 * 256 KB). A single larger one (a photo is up to ~225 KB) still goes, alone.
 */
export const PUSH_SOFT_BYTES = 192 * 1024;

/** Validates a mutation as the server and the client both do; the first issue becomes the problem. */
export function parseMutation(input: unknown): ValidationResult<Mutation> {
  const r = v.safeParse(MutationSchema, input);
  if (r.success) return { ok: true, value: r.output };
  return { ok: false, problem: problemOfIssues(r.issues) };
}

/**
 * A new mutation of `kind` made on the device: a fresh id, the client clock, and the payload,
 * validated as parseMutation does (the same problems as the server's).
 */
export function newMutation<K extends MutationKind>(
  kind: K,
  payload: MutationPayload<K>,
  now: Date = new Date(),
): ValidationResult<MutationOf<K>> {
  const parsed = parseMutation({ ...payload, kind, id: newId(), createdAt: now.toISOString() });
  if (!parsed.ok) return parsed;
  const mutation = parsed.value;
  // The schema keeps the kind it was given, so this holds; it is what lets the result be typed.
  if (!isKind(mutation, kind)) throw new Error(`mutation kind changed: ${kind} -> ${mutation.kind}`);
  return { ok: true, value: mutation };
}

function isKind<K extends MutationKind>(m: Mutation, kind: K): m is MutationOf<K> {
  return m.kind === kind;
}

const BY_KIND: ReadonlyMap<string, AnySpec> = new Map(MUTATION_KINDS.map((k) => [k.kind, k]));

function specOf(kind: MutationKind): AnySpec {
  const spec = BY_KIND.get(kind);
  if (!spec) throw new Error(`unknown mutation kind: ${kind}`);
  return spec;
}

/** The feature that applies a kind (the server dispatches on it; the device lays it over that feature's data). */
export function featureOf(kind: MutationKind): MutationFeature {
  return specOf(kind).feature;
}

/** Whether applying a kind may change the author's directory record (see KindSpec.touchesDirectory). */
export function touchesDirectory(kind: MutationKind): boolean {
  return specOf(kind).touchesDirectory;
}

/** "Is this mutation one of feature F's kinds", as a type guard: `mutations.filter(isFeatureMutation('yells'))`. */
export function isFeatureMutation<F extends MutationFeature>(feature: F): (m: Mutation) => m is FeatureMutation<F> {
  return (m): m is FeatureMutation<F> => BY_KIND.get(m.kind)?.feature === feature;
}

/** What the user meant by a mutation (its kind's intent): what the server applies, and the device lays over. */
export function intentOf<K extends MutationKind = MutationKind>(m: MutationOf<K>): IntentOf<K> {
  const spec: KindSpec = specOf(m.kind);
  // A cast, because TypeScript cannot tie the spec looked up by `m.kind` to that kind's intent type
  // across the union (microsoft/TypeScript#30581); the lookup by kind is what makes it so.
  return spec.intent(m) as IntentOf<K>;
}

/** The intents of the mutations among `mutations` that are feature F's, in their order. */
export function featureIntents<F extends MutationFeature>(
  feature: F,
  mutations: readonly Mutation[],
): IntentOf<FeatureKind<F>>[] {
  return mutations.filter(isFeatureMutation(feature)).map((m) => intentOf<FeatureKind<F>>(m));
}
