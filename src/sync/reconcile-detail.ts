import type { Mutation } from '../domain/mutations';
import type { StaffDetail } from '../domain/profile';
import { AUDIENCE_FIELDS } from '../domain/staff';

/**
 * The reconcile rule of reconcile.ts, for one's own detail (the fields the shared record does not
 * carry: private phone, audiences, photo consent, and fields one has narrowed). Pending edits show
 * over the server's answer until acknowledged or rejected; anyone else's detail is untouched.
 */
export function applyPendingToDetail(detail: StaffDetail, pending: readonly Mutation[], selfId: string): StaffDetail {
  if (detail.id !== selfId) return detail;
  let shown = detail;
  for (const mutation of pending) {
    if (mutation.kind !== 'profile.update') continue;
    const { intro, hobbies, privatePhone, audiences, photoConsent } = mutation.patch;
    shown = {
      ...shown,
      ...(intro !== undefined && { intro }),
      ...(hobbies !== undefined && { hobbies }),
      ...(privatePhone !== undefined && { privatePhone }),
    };
    if (shown.settings && (audiences !== undefined || photoConsent !== undefined)) {
      const next = { ...shown.settings.audiences };
      for (const field of AUDIENCE_FIELDS) {
        const audience = audiences?.[field];
        if (audience !== undefined) next[field] = audience;
      }
      shown = {
        ...shown,
        settings: { ...shown.settings, audiences: next, ...(photoConsent !== undefined && { photoConsent }) },
      };
    }
  }
  return shown;
}

/**
 * The newest pending photo change: its images, `null` for a pending removal, or `undefined` when
 * none is pending (then the server's photo shows).
 */
export function pendingPhoto(pending: readonly Mutation[]): { thumb: string; large: string } | null | undefined {
  let photo: { thumb: string; large: string } | null | undefined;
  for (const mutation of pending) if (mutation.kind === 'profile.photo') photo = mutation.photo;
  return photo;
}
