import { createHash } from 'node:crypto';
import type { Claims } from '../../../../src/domain/protocol';
import { audienceOf, canSee } from '../../../../src/domain/profile';
import { decodeBase64 } from '../../../../src/domain/photo';
import type { ServerStores } from '../stores';
import type { StoredPhoto } from './port';
import { badRequest, notFound } from '../../api/errors';
import { recordAudit } from '../audit/record';
import { AUDITED_AUDIENCES, relation } from './staff-detail';
import { problem } from '../../../../src/domain/problems';

export type PhotoSize = 'thumb' | 'large';

export const PHOTO_ID = /^[a-f0-9]{32}$/;

/**
 * The id of a photo: a hash of its owner and its bytes. The owner is in it so that two people
 * uploading the same file get two photos, each shown by that person's own consent and audience.
 * 32 hex digits (128 bits): the id rides in every directory record, so it is kept short.
 */
export function photoId(owner: string, thumb: Uint8Array, large: Uint8Array): string {
  return createHash('sha256').update(owner).update('\0').update(thumb).update(large).digest('hex').slice(0, 32);
}

/**
 * Stores an uploaded photo before the mutation that points the profile at it is applied, so the
 * profile never names a photo that is not there. The mutation schema has already checked that
 * both images are WebP within their size caps.
 */
export async function storeUploadedPhoto(
  store: ServerStores,
  claims: Claims,
  images: { thumb: string; large: string },
): Promise<string> {
  const thumb = decodeBase64(images.thumb);
  const large = decodeBase64(images.large);
  if (!thumb || !large) throw badRequest(problem('photo.notWebp'));
  const photo: StoredPhoto = { id: photoId(claims.staffId, thumb, large), owner: claims.staffId, thumb, large };
  await store.directory.putPhoto(claims.orgId, photo);
  return photo.id;
}

/**
 * `GET /photos/{id}` and `/photos/{id}/large`. Served only while it is the owner's current photo,
 * the owner has consented, and the caller is in the photo's audience; otherwise "not found", so a
 * refusal does not even tell that the photo exists.
 */
export async function readPhoto(
  store: ServerStores,
  claims: Claims,
  id: string,
  size: PhotoSize,
  endpoint = `GET /photos/${id}`,
): Promise<Uint8Array> {
  const missing = () => notFound(problem('photo.notFound'));
  if (!PHOTO_ID.test(id)) throw missing();
  const photo = await store.directory.getPhoto(claims.orgId, id);
  if (!photo) throw missing();
  const { target, viewer, targetDeptId } = await relation(store, claims, photo.owner);
  if (!target || target.photo !== id) throw missing();
  const self = target.id === claims.staffId;
  if (!self && !target.photoConsent) throw missing();
  const audience = audienceOf(target, 'photo');
  if (!canSee(audience, viewer, { id: target.id, deptId: targetDeptId })) throw missing();
  if (!self && AUDITED_AUDIENCES.includes(audience)) {
    await recordAudit(store, claims, { kind: 'profile.restricted', subject: target.id, fields: ['photo'], endpoint });
  }
  return size === 'thumb' ? photo.thumb : photo.large;
}
