/**
 * Commendations (C1-C3): HR's awards, nominations of a person or a team, endorsements, the award
 * committee's review, and the winner's consent to show the award on their profile. Pure: shared by
 * the functions (which enforce every rule here) and the app (which says so before sending).
 *
 * One module per seam, gathered here for those who use several:
 * - nominations/schemas.ts: limits, messages, the stored nomination, pages and the audit log;
 * - nominations/rules.ts: the status machine, reviewer eligibility, linked エール, and the rule
 *   (applyNominationIntent);
 * - nominations/visibility.ts: who sees a nomination, and what of it;
 * - nominations/profile-award.ts: the award a winner's consent puts on their profile;
 * - nominations/overlay.ts: the device's view, with unsent intents laid over;
 * - nominations/kinds.ts: the outbox mutation kinds, in the registry of mutations.ts.
 * None of them imports this file.
 */
import { intentOf, isFeatureMutation, type FeatureKind, type FeatureMutation, type Mutation } from './mutations';
import type { NominationIntent } from './nominations/rules';

export * from './nominations/schemas';
export * from './nominations/rules';
export * from './nominations/visibility';
export * from './nominations/profile-award';
export * from './nominations/overlay';
export * from './nominations/kinds';
export { ProfileAwardSchema, type ProfileAward } from './staff';

/** The outbox mutations that act on nominations (C1-C3). */
export type NominationMutation = FeatureMutation<'nominations'>;

export const isNominationMutation: (m: Mutation) => m is NominationMutation = isFeatureMutation('nominations');

/**
 * The intent a mutation stands for: what the server applies, and what a device lays over its copy
 * while the mutation is unsent.
 */
export function nominationIntentOf(m: NominationMutation): NominationIntent {
  return intentOf<FeatureKind<'nominations'>>(m);
}
