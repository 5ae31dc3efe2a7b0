import type { Mutation } from '../domain/mutations';
import type { Problem } from '../domain/problems';
import {
  canTransition,
  isNominationMutation,
  nominationIntentOf,
  reviewRefusal,
  showNominations,
  type NominationView,
  type ShownNomination,
} from '../domain/nominations';

/** The server's nominations with my unsent nomination mutations laid over them. */
export function shownNominations(
  stored: readonly NominationView[],
  pending: readonly Mutation[],
  selfId: string,
): ShownNomination[] {
  return showNominations(stored, pending.filter(isNominationMutation).map(nominationIntentOf), selfId);
}

export interface Me {
  staffId: string;
  committee: boolean;
  /** My 課 (sectionOf), null when unknown. */
  sectionId: string | null;
}

export interface NominationLists {
  /** I nominated them. */
  mine: ShownNomination[];
  /** Open, not mine, not of me, not yet endorsed by me. */
  toEndorse: ShownNomination[];
  /** For a committee member: ones I may move to its next status. */
  toReview: ShownNomination[];
  /** Awarded to me (shown once awarded), for the consent prompt and my history. */
  awardedToMe: ShownNomination[];
}

/**
 * The 表彰 screen's three lists. `toReview` uses the same eligibility rule as the server, so a
 * committee member is not offered what the server would refuse; `sectionOf` gives each nominee's 課
 * from the device's directory.
 */
export function nominationLists(
  shown: readonly ShownNomination[],
  me: Me,
  sectionOfStaff: (staffId: string) => string | null,
): NominationLists {
  const lists: NominationLists = { mine: [], toEndorse: [], toReview: [], awardedToMe: [] };
  for (const n of shown) {
    if (n.nominees.includes(me.staffId)) {
      if (n.status === 'awarded') lists.awardedToMe.push(n);
      continue;
    }
    if (n.nominator === me.staffId) lists.mine.push(n);
    const open = n.status === 'submitted' || n.status === 'under_review';
    if (open && n.nominator !== me.staffId && !n.endorsers.includes(me.staffId)) lists.toEndorse.push(n);
    if (me.committee && open && canReview(n, me, sectionOfStaff) === null) lists.toReview.push(n);
  }
  return lists;
}

/** Why I may not review this one (the server's words), or null. */
export function canReview(
  n: Pick<ShownNomination, 'nominees' | 'nominator'>,
  me: Me,
  sectionOfStaff: (staffId: string) => string | null,
): Problem | null {
  return reviewRefusal(
    n,
    { staffId: me.staffId, committee: me.committee, sectionId: me.sectionId },
    n.nominees.map(sectionOfStaff),
  );
}

/** The next statuses the committee may choose from here. */
export function nextStatuses(n: Pick<ShownNomination, 'status'>): ('under_review' | 'awarded' | 'not_awarded')[] {
  return (['under_review', 'awarded', 'not_awarded'] as const).filter((to) => canTransition(n.status, to));
}

/** Awards to me waiting for my answer (shown on the profile or not). */
export function awaitingConsent(shown: readonly ShownNomination[], selfId: string): ShownNomination[] {
  return shown.filter(
    (n) => n.status === 'awarded' && n.nominees.includes(selfId) && n.consent[selfId] === undefined && !n.pending,
  );
}
