import type { Claims, PushResult } from '../../../../src/domain/protocol';
import { AUDIENCE_FIELDS, type Audience, type AudienceField, type StaffProfile } from '../../../../src/domain/staff';
import type { MutationOf } from '../feature';
import { resultOf } from '../results';
import type { ServerStores } from '../stores';
import { syncYellFeedOptOut } from '../yells/handlers';
import { storeUploadedPhoto } from './photos';
import type { ApplyToProfile } from './port';

/** A profile edit (profile.update) as the caller, once per mutation id. */
export async function applyProfileUpdate(
  store: ServerStores,
  claims: Claims,
  mutation: MutationOf<'profile.update'>,
): Promise<PushResult> {
  const outcome = await store.directory.applyMutation(claims.orgId, mutation.id, claims.staffId, toUpdate(mutation));
  // The feed opt-out (R4) also lives in the エール store, which filters each viewer's feed by it.
  if (mutation.patch.yellFeedOptOut !== undefined && outcome.status !== 'rejected')
    await syncYellFeedOptOut(store, claims.orgId, claims.staffId);
  return resultOf(mutation.id, outcome);
}

/**
 * A photo change (profile.photo). The photo's bytes are stored first, under an id derived from
 * them: a replay stores the same thing again, and a profile never points at a photo that is not there.
 */
export async function applyProfilePhoto(
  store: ServerStores,
  claims: Claims,
  mutation: MutationOf<'profile.photo'>,
): Promise<PushResult> {
  const photoId = mutation.photo ? await storeUploadedPhoto(store, claims, mutation.photo) : null;
  const outcome = await store.directory.applyMutation(claims.orgId, mutation.id, claims.staffId, (p: StaffProfile) => ({
    ...p,
    photo: photoId,
  }));
  return resultOf(mutation.id, outcome);
}

function toUpdate(mutation: MutationOf<'profile.update'>): ApplyToProfile {
  const { intro, hobbies, skills, privatePhone, audiences, photoConsent, yellFeedOptOut } = mutation.patch;
  // Text is stored as typed (after the schema's cleanText): markup stays text, and the client
  // renders it as text. Stripping it here would silently change what people wrote. The directory
  // change logged with the profile is toDirectoryRecord's projection, so a narrowed audience takes
  // the field out of what everyone receives in the same write.
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
