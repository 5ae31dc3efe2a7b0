/**
 * The campaign machinery's state, as surveys (functions/src/features/surveys) and the upward 360
 * keep it: the audience fixed at opening, the answer-token key, tokens issued and spent,
 * participation apart from answers, reminders, the response counts. A feature's store implements
 * this for its own campaigns (its own collections, named by `prefix`); the pure rules are in
 * src/domain/campaigns, the tokens in tokens.ts.
 *
 * Invariants (contract.ts holds both forms to them):
 * - Each person gets at most one token signature per campaign: a second request with the same
 *   blinded message is answered again (a lost answer), another one is refused. What is kept is
 *   the person, and the hash of the blinded message: blinding makes it unrelated to the token.
 * - A token is spent once: the spent record is its hash alone, created if absent in the same
 *   commit as the content it admits, which names no person. A replay is a duplicate.
 * - Participation is `{campaign, person}` alone, written in its own commit, never in the commit of
 *   an anonymous answer, so no stored time pairs the two (Firestore's own update times included).
 * - Nothing lists who has not taken part, except `nonRespondents`, which only the reminder
 *   delivery calls (no route returns it).
 */
import type { AnswerGroups, Member } from '../../../src/domain/campaigns/campaign';
import type { CampaignKey } from './tokens';

export interface Opening {
  openedAt: string;
  members: readonly Member[];
  /** Each member's answer groups (the 係 rolled up where small), fixed now. */
  groups: ReadonlyMap<string, AnswerGroups>;
  /** The token key of an anonymous campaign; null for a named one. */
  key: CampaignKey | null;
}

/** The audience as fixed at opening: people per group key, and the combinations of groups that exist. */
export interface AudienceFacts {
  counts: Record<string, number>;
  combos: string[];
}

export interface Reminder {
  id: string;
  /** When it becomes due (delivered at the first sync after it). */
  dueAt: string;
  sent: boolean;
}

export type IssueOutcome = 'issued' | 'again' | 'taken';
export type SpendOutcome = 'applied' | 'duplicate';
export type ParticipateOutcome = 'applied' | 'duplicate';

export interface CampaignState {
  memberGroups(orgId: string, campaignId: string, staffId: string): Promise<AnswerGroups | null>;
  audience(orgId: string, campaignId: string): Promise<AudienceFacts>;
  key(orgId: string, campaignId: string): Promise<CampaignKey | null>;
  /** Records that `staffId` has a signature of the blinded message `blindedId`; see the invariants. */
  issueToken(orgId: string, campaignId: string, staffId: string, blindedId: string): Promise<IssueOutcome>;
  participate(orgId: string, campaignId: string, staffId: string, groups: AnswerGroups): Promise<ParticipateOutcome>;
  hasParticipated(orgId: string, campaignId: string, staffId: string): Promise<boolean>;
  /** Respondents per group key (participation and paper tallies). */
  respondentCounts(orgId: string, campaignId: string): Promise<Record<string, number>>;
  /** For the reminder delivery only. */
  nonRespondents(orgId: string, campaignId: string): Promise<string[]>;
  addReminder(orgId: string, campaignId: string, reminder: Reminder): Promise<void>;
  reminders(orgId: string, campaignId: string): Promise<Reminder[]>;
  markReminderSent(orgId: string, campaignId: string, reminderId: string): Promise<void>;
}
