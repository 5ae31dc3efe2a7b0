import type { Nomination, NominationState, NominationView } from './schemas';

export interface NominationViewer {
  staffId: string;
  committee: boolean;
}

/**
 * Who sees a nomination:
 * - a nominee: only once awarded. Until then it would spoil the surprise, and a "not awarded" is
 *   never shown to them: it is kinder, and nothing they could act on. This holds even for a
 *   nominee on the committee;
 * - the nominator, the committee and the endorsers: always (it is theirs, they review it, they
 *   backed it);
 * - anyone else: while it is open (submitted or under review), so colleagues can endorse it. Once
 *   decided it leaves their devices: an award is shown on the winner's profile if they agree, and
 *   a "not awarded" is nobody else's business.
 */
export function canSeeNomination(
  n: Pick<NominationState, 'nominees' | 'nominator' | 'endorsers' | 'status'>,
  viewer: NominationViewer,
): boolean {
  if (n.nominees.includes(viewer.staffId)) return n.status === 'awarded';
  if (n.nominator === viewer.staffId || viewer.committee || n.endorsers.includes(viewer.staffId)) return true;
  return n.status === 'submitted' || n.status === 'under_review';
}

/** The nomination as this viewer may see it, or null. Review comments are the committee's. */
export function projectNomination(n: Nomination, viewer: NominationViewer): NominationView | null {
  if (!canSeeNomination(n, viewer)) return null;
  const { reviews, consent, ...rest } = n;
  const own = consent[viewer.staffId];
  return {
    ...rest,
    consent: viewer.committee ? { ...consent } : own === undefined ? {} : { [viewer.staffId]: own },
    ...(viewer.committee && { reviews: reviews.map((r) => ({ ...r })) }),
  };
}
