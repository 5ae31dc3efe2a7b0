import * as v from 'valibot';
import { says } from './issues';
import { problem, type Problem } from './problems';
import { CreatedAtSchema, defineKind, MutationIdSchema } from './mutation-kit';
import { charCount, cleanText } from './text';

/**
 * Communities (D6): interest circles such as DX推進, デザイン, ランニング that anyone can start and
 * join. Shared by the app and the functions.
 */
export const COMMUNITY_LIMITS = { name: 30, description: 200 } as const;

/**
 * Made by the device that creates the community, so the create can be replayed and the app can
 * open the new community before the server has seen it. No underscore: the server's member
 * documents are named `{communityId}_{staffId}`, and the first underscore must be the separator.
 */
export const CommunityIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{8,64}$/, says('community.idInvalid')));

export const CommunityNameSchema = v.pipe(
  v.string(),
  v.transform((s) => cleanText(s).replace(/\s+/g, ' ')),
  v.check((s) => s !== '', says('community.nameEmpty')),
  v.check((s) => charCount(s) <= COMMUNITY_LIMITS.name, says('community.nameTooLong', { max: COMMUNITY_LIMITS.name })),
);

export const CommunityDescriptionSchema = v.pipe(
  v.string(),
  v.transform(cleanText),
  v.check(
    (s) => charCount(s) <= COMMUNITY_LIMITS.description,
    says('community.descriptionTooLong', { max: COMMUNITY_LIMITS.description }),
  ),
);

/** A community as the server sends it and the device keeps it. */
export const CommunitySchema = v.object({
  id: CommunityIdSchema,
  name: v.string(),
  description: v.string(),
  /** Staff ids; unique, in the order they joined. */
  memberIds: v.array(v.string()),
  createdBy: v.string(),
  createdAt: v.string(),
  /** The server's version of this community's last change; versions are unique per organisation. */
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
});
export type Community = v.InferOutput<typeof CommunitySchema>;

/** Answer to "which communities changed since version V", in version order. */
export const CommunitiesPageSchema = v.object({
  communities: v.array(CommunitySchema),
  /** The version the device is at after this page. */
  version: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** More changes follow: ask again with `version`. */
  more: v.boolean(),
  /**
   * The device's version is unknown to the server (e.g. the organisation was re-seeded): drop what
   * the device holds and keep what this and the following pages bring.
   */
  reset: v.boolean(),
});
export type CommunitiesPage = v.InferOutput<typeof CommunitiesPageSchema>;

export function withoutVersion(c: Community): Omit<Community, 'version'> {
  const { version: _version, ...rest } = c;
  return rest;
}

/** Communities per page: a community with thousands of members is tens of KB, so pages stay small. */
export const COMMUNITIES_PAGE_SIZE = 100;

/** A community mutation as the rule below needs it (the full schemas are below, COMMUNITY_KINDS). */
export type CommunityIntent =
  | { kind: 'community.create'; communityId: string; name: string; description: string; createdAt: string }
  | { kind: 'community.join'; communityId: string }
  | { kind: 'community.leave'; communityId: string };

export type CommunityOutcome =
  { ok: true; community: Omit<Community, 'version'>; changed: boolean } | { ok: false; problem: Problem };

/**
 * The rule, shared by the server (which applies it) and the device (which shows pending changes
 * with it): what one intent by `actor` does to a community, or `current` null when it does not
 * exist yet. Joining twice or leaving when not a member changes nothing; a member set is a set.
 * The creator is its first member.
 */
export function applyCommunityIntent(
  current: Omit<Community, 'version'> | null,
  intent: CommunityIntent,
  actor: string,
): CommunityOutcome {
  switch (intent.kind) {
    case 'community.create': {
      if (current) return { ok: false, problem: problem('community.idTaken') };
      const { communityId: id, name, description, createdAt } = intent;
      return {
        ok: true,
        changed: true,
        community: { id, name, description, memberIds: [actor], createdBy: actor, createdAt },
      };
    }
    case 'community.join':
      if (!current) return { ok: false, problem: problem('community.notFound') };
      if (current.memberIds.includes(actor)) return { ok: true, changed: false, community: current };
      return { ok: true, changed: true, community: { ...current, memberIds: [...current.memberIds, actor] } };
    case 'community.leave':
      if (!current) return { ok: false, problem: problem('community.notFound') };
      if (!current.memberIds.includes(actor)) return { ok: true, changed: false, community: current };
      return {
        ok: true,
        changed: true,
        community: { ...current, memberIds: current.memberIds.filter((m) => m !== actor) },
      };
  }
}

/** What the device shows: the server's communities with the signed-in person's unsent intents laid over them. */
export interface ShownCommunity extends Omit<Community, 'version'> {
  /** A change by me to this community is waiting to be sent. */
  pending: boolean;
}

export function showCommunities(
  stored: readonly Omit<Community, 'version'>[],
  pending: readonly CommunityIntent[],
  selfId: string,
): ShownCommunity[] {
  const byId = new Map<string, ShownCommunity>(stored.map((c) => [c.id, { ...c, pending: false }]));
  for (const intent of pending) {
    const outcome = applyCommunityIntent(byId.get(intent.communityId) ?? null, intent, selfId);
    // A pending intent the server will refuse (a community that is gone) simply shows nothing.
    if (outcome.ok && outcome.changed) byId.set(intent.communityId, { ...outcome.community, pending: true });
  }
  return [...byId.values()].sort(
    (a, b) => b.memberIds.length - a.memberIds.length || a.name.localeCompare(b.name, 'ja') || cmp(a.id, b.id),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Starts a community (D6); the creator is its first member. The id is made on the device. */
export const CommunityCreateSchema = v.object({
  kind: v.literal('community.create'),
  id: MutationIdSchema,
  createdAt: CreatedAtSchema,
  communityId: CommunityIdSchema,
  name: CommunityNameSchema,
  description: CommunityDescriptionSchema,
});

/** Joins a community as oneself; joining twice is the same as once. */
export const CommunityJoinSchema = v.object({
  kind: v.literal('community.join'),
  id: MutationIdSchema,
  createdAt: CreatedAtSchema,
  communityId: CommunityIdSchema,
});

/** Leaves a community; leaving one is not a member of changes nothing. */
export const CommunityLeaveSchema = v.object({ ...CommunityJoinSchema.entries, kind: v.literal('community.leave') });

/** The community kinds (D6), each with the intent applyCommunityIntent applies. */
export const COMMUNITY_KINDS = [
  defineKind({
    feature: 'communities',
    schema: CommunityCreateSchema,
    touchesDirectory: false,
    intent: (m): CommunityIntent => ({
      kind: m.kind,
      communityId: m.communityId,
      name: m.name,
      description: m.description,
      createdAt: m.createdAt,
    }),
  }),
  defineKind({
    feature: 'communities',
    schema: CommunityJoinSchema,
    touchesDirectory: false,
    intent: (m): CommunityIntent => ({ kind: m.kind, communityId: m.communityId }),
  }),
  defineKind({
    feature: 'communities',
    schema: CommunityLeaveSchema,
    touchesDirectory: false,
    intent: (m): CommunityIntent => ({ kind: m.kind, communityId: m.communityId }),
  }),
] as const;
