import * as v from 'valibot';
import { MAX_MUTATIONS_PER_PUSH, parseMutation, type Mutation } from '../../../src/domain/mutations';
import { PushRequestSchema, type Claims, type PushResponse, type PushResult } from '../../../src/domain/protocol';
import { AUDIENCE_FIELDS, type Audience, type AudienceField, type StaffProfile } from '../../../src/domain/staff';
import type { ApplyToProfile, Store } from '../store/port';
import { applyCommunityMutation, isCommunityMutation } from './communities';
import { isNominationMutation } from '../../../src/domain/nominations';
import { applyNominationMutation } from './nominations';
import { applyYellMutation, isYellMutation, syncYellFeedOptOut } from './yells';
import { badRequest } from './errors';
import { storeUploadedPhoto } from './photos';

/**
 * Applies a batch from a device's outbox. Each mutation is validated and applied on its own, in
 * the order sent (two edits of one field in one push must land in that order), and gets its own
 * result: a bad one is rejected without holding up the rest.
 *
 * A mutation acts on the caller only: the actor is the token's staffId, and no mutation kind has
 * a field that names a target person (unknown fields are dropped by the schema).
 *
 * A store failure (not a rejection) fails the whole request instead of rejecting the mutation:
 * a rejected mutation is dropped by the client for good, while a failed request is retried, and
 * the mutations already applied then come back as duplicates.
 */
export async function pushMutations(store: Store, claims: Claims, body: unknown): Promise<PushResponse> {
  const request = v.safeParse(PushRequestSchema, body);
  if (!request.success) {
    const tooMany = isRecord(body) && Array.isArray(body.mutations) && body.mutations.length > MAX_MUTATIONS_PER_PUSH;
    throw badRequest(tooMany ? `一度に送れる変更は${MAX_MUTATIONS_PER_PUSH}件までです` : '送信内容が正しくありません');
  }
  const results: PushResult[] = [];
  for (const raw of request.output.mutations) {
    const parsed = parseMutation(raw);
    results.push(parsed.ok ? await applyOne(store, claims, parsed.value) : rejected(idOf(raw), parsed.message));
  }
  return { results };
}

async function applyOne(store: Store, claims: Claims, mutation: Mutation): Promise<PushResult> {
  if (isCommunityMutation(mutation)) return applyCommunityMutation(store, claims, mutation);
  if (isNominationMutation(mutation)) return applyNominationMutation(store, claims, mutation);
  if (isYellMutation(mutation)) return applyYellMutation(store, claims, mutation);
  // A photo's bytes are stored first, under an id derived from them: a replay stores the same
  // thing again, and a profile never points at a photo that is not there.
  const photoId =
    mutation.kind === 'profile.photo' && mutation.photo
      ? await storeUploadedPhoto(store, claims, mutation.photo)
      : null;
  const outcome = await store.applyMutation(claims.orgId, mutation.id, claims.staffId, toApply(mutation, photoId));
  // The feed opt-out (R4) also lives in the エール store, which filters each viewer's feed by it.
  if (
    mutation.kind === 'profile.update' &&
    mutation.patch.yellFeedOptOut !== undefined &&
    outcome.status !== 'rejected'
  )
    await syncYellFeedOptOut(store, claims.orgId, claims.staffId);
  switch (outcome.status) {
    case 'applied':
    case 'duplicate':
      return { id: mutation.id, status: outcome.status };
    case 'rejected':
      return rejected(mutation.id, outcome.message);
  }
}

function toApply(mutation: Mutation, photoId: string | null): ApplyToProfile {
  switch (mutation.kind) {
    case 'profile.update': {
      const { intro, hobbies, skills, privatePhone, audiences, photoConsent, yellFeedOptOut } = mutation.patch;
      // Text is stored as typed (after the schema's cleanText): markup stays text, and the
      // client renders it as text. Stripping it here would silently change what people wrote.
      // The directory change logged with the profile is toDirectoryRecord's projection, so a
      // narrowed audience takes the field out of what everyone receives in the same write.
      return (p: StaffProfile) => ({
        ...p,
        ...(intro !== undefined && { intro }),
        ...(hobbies !== undefined && { hobbies }),
        ...(skills !== undefined && { skills }),
        ...(privatePhone !== undefined && { privatePhone }),
        ...(audiences !== undefined && { audiences: mergeAudiences(p.audiences, audiences) }),
        ...(photoConsent !== undefined && { photoConsent }),
        ...(yellFeedOptOut !== undefined && { yellFeedOptOut }),
      });
    }
    case 'profile.photo':
      return (p: StaffProfile) => ({ ...p, photo: photoId });
    case 'community.create':
    case 'community.join':
    case 'community.leave':
    case 'nomination.create':
    case 'nomination.endorse':
    case 'nomination.review':
    case 'award.consent':
    case 'yell.send':
    case 'yell.clap':
      // Sent to their own handlers by applyOne; they never change a profile directly.
      throw new Error(`not a profile mutation: ${mutation.kind}`);
  }
}

function mergeAudiences(
  current: StaffProfile['audiences'],
  patch: Partial<Record<AudienceField, Audience | undefined>>,
): StaffProfile['audiences'] {
  const next = { ...current };
  for (const field of AUDIENCE_FIELDS) {
    const audience = patch[field];
    if (audience !== undefined) next[field] = audience;
  }
  return next;
}

function rejected(id: string, message: string): PushResult {
  return { id, status: 'rejected', message };
}

/** The id of a mutation that failed validation, so the client can match the result to its outbox entry. */
function idOf(raw: unknown): string {
  return isRecord(raw) && typeof raw.id === 'string' ? raw.id.slice(0, 64) : '';
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}
