import * as v from 'valibot';
import { CreatedAtSchema, defineKind, MutationIdSchema } from '../mutation-kit';
import type { NominationIntent } from './rules';
import {
  AwardIdSchema,
  CommentSchema,
  LinkedYellsSchema,
  NominationIdSchema,
  NominationStatusSchema,
  NomineesSchema,
  ReasonSchema,
  TeamNameSchema,
} from './schemas';

/** Nominates a person or a team for an award (C1); the id is made on the device. */
export const NominationCreateSchema = v.object({
  kind: v.literal('nomination.create'),
  id: MutationIdSchema,
  createdAt: CreatedAtSchema,
  nominationId: NominationIdSchema,
  awardId: AwardIdSchema,
  nominees: NomineesSchema,
  teamName: TeamNameSchema,
  reason: ReasonSchema,
  yellIds: LinkedYellsSchema,
});

/** Endorses a nomination as oneself, once (C1). */
export const NominationEndorseSchema = v.object({
  kind: v.literal('nomination.endorse'),
  id: MutationIdSchema,
  createdAt: CreatedAtSchema,
  nominationId: NominationIdSchema,
});

/**
 * A committee member moves a nomination from the status they saw (`from`) to `to` (C2). `from` is
 * the compare-and-set: a reviewer who saw an old status is refused rather than jumping one.
 */
export const NominationReviewSchema = v.object({
  kind: v.literal('nomination.review'),
  id: MutationIdSchema,
  createdAt: CreatedAtSchema,
  nominationId: NominationIdSchema,
  from: NominationStatusSchema,
  to: NominationStatusSchema,
  comment: CommentSchema,
});

/** The winner's answer: show the award on my profile, or not (C3). */
export const AwardConsentSchema = v.object({
  kind: v.literal('award.consent'),
  id: MutationIdSchema,
  createdAt: CreatedAtSchema,
  nominationId: NominationIdSchema,
  show: v.boolean(),
});

/** The commendation kinds (C1-C3), each with the intent the rule (applyNominationIntent) applies. */
export const NOMINATION_KINDS = [
  defineKind({
    feature: 'nominations',
    schema: NominationCreateSchema,
    touchesDirectory: false,
    intent: (m): NominationIntent => ({
      kind: m.kind,
      nominationId: m.nominationId,
      awardId: m.awardId,
      nominees: m.nominees,
      teamName: m.teamName,
      reason: m.reason,
      yellIds: m.yellIds,
      createdAt: m.createdAt,
    }),
  }),
  defineKind({
    feature: 'nominations',
    schema: NominationEndorseSchema,
    touchesDirectory: false,
    intent: (m): NominationIntent => ({ kind: m.kind, nominationId: m.nominationId }),
  }),
  defineKind({
    feature: 'nominations',
    schema: NominationReviewSchema,
    touchesDirectory: false,
    intent: (m): NominationIntent => ({
      kind: m.kind,
      nominationId: m.nominationId,
      from: m.from,
      to: m.to,
      comment: m.comment,
    }),
  }),
  defineKind({
    feature: 'nominations',
    schema: AwardConsentSchema,
    // Once the server accepted it, the answer is written to the winner's profile (its awards).
    touchesDirectory: true,
    intent: (m): NominationIntent => ({ kind: m.kind, nominationId: m.nominationId, show: m.show }),
  }),
] as const;
