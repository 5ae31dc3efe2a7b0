import { problem, type Problem } from '../problems';
import { type AuditEntry, type Award, type NominationState, type NominationStatus, type ReviewEntry } from './schemas';

// The status machine, who may review, the linked エール check, and the rule that applies one intent.

/**
 * The status machine: submitted → under review → awarded / not awarded, nothing skipped and
 * nothing reopened. Every transition is the committee's, by an eligible reviewer (reviewRefusal).
 */
export const TRANSITIONS: Readonly<Record<NominationStatus, readonly NominationStatus[]>> = {
  submitted: ['under_review'],
  under_review: ['awarded', 'not_awarded'],
  awarded: [],
  not_awarded: [],
};

export function canTransition(from: NominationStatus, to: NominationStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

// ---------------------------------------------------------------------------------------------
// Reviewer eligibility

export { sectionOf } from '../unit-tree';

export interface Reviewer {
  staffId: string;
  committee: boolean;
  /** The reviewer's 課 (sectionOf), null when unknown. */
  sectionId: string | null;
}

/**
 * Why this person may not review this nomination, or null when they may. Not a nominee, not the
 * nominator (one's own nomination is not judged by oneself either), not in the 課 of any nominee.
 * An unknown section on either side refuses: eligibility that cannot be shown is not granted.
 */
export function reviewRefusal(
  n: Pick<NominationState, 'nominees' | 'nominator'>,
  reviewer: Reviewer,
  nomineeSections: readonly (string | null)[],
): Problem | null {
  if (!reviewer.committee) return problem('nomination.notCommittee');
  if (n.nominees.includes(reviewer.staffId)) return problem('nomination.reviewAsNominee');
  if (n.nominator === reviewer.staffId) return problem('nomination.reviewOwn');
  if (reviewer.sectionId === null || nomineeSections.some((s) => s === null))
    return problem('nomination.reviewSectionUnknown');
  if (nomineeSections.includes(reviewer.sectionId)) return problem('nomination.reviewOwnSection');
  return null;
}

// ---------------------------------------------------------------------------------------------
// Linked エール

/** What a linked エール check needs of a stored エール. */
export interface LinkableYell {
  id: string;
  from: string;
  to: readonly string[];
  visibility: 'public' | 'private';
}

/** A linked エール must exist and be visible to the nominator: public, or they sent or received it. */
export function linkedYellsRefusal(
  ids: readonly string[],
  found: readonly LinkableYell[],
  nominator: string,
): Problem | null {
  const byId = new Map(found.map((y) => [y.id, y]));
  for (const id of ids) {
    const y = byId.get(id);
    if (!y) return problem('nomination.yellNotFound');
    if (y.visibility !== 'public' && y.from !== nominator && !y.to.includes(nominator))
      return problem('nomination.yellNotFound');
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The rule

export type NominationIntent =
  | {
      kind: 'nomination.create';
      nominationId: string;
      awardId: string;
      nominees: string[];
      teamName: string;
      reason: string;
      yellIds: string[];
      createdAt: string;
    }
  | { kind: 'nomination.endorse'; nominationId: string }
  | { kind: 'nomination.review'; nominationId: string; from: NominationStatus; to: NominationStatus; comment: string }
  | { kind: 'award.consent'; nominationId: string; show: boolean };

/** Facts the rule needs that the handler looks up (awards, sections, duties), and the server clock. */
export interface NominationContext {
  awards: readonly Award[];
  reviewer: Reviewer;
  /** sectionOf for each nominee of the nomination acted on, in its order. */
  nomineeSections: readonly (string | null)[];
  /** Server clock, ISO. */
  now: string;
}

export type NominationOutcome =
  | {
      ok: true;
      changed: boolean;
      nomination: NominationState;
      audit: Omit<AuditEntry, 'version' | 'nominationId'> | null;
    }
  | { ok: false; problem: Problem };

/** Calendar year in Asia/Tokyo (UTC+9, no daylight saving) of an ISO instant. */
export function tokyoYear(iso: string): number {
  return new Date(Date.parse(iso) + 9 * 3600_000).getUTCFullYear();
}

/**
 * What one intent by `actor` does to a nomination (`current` null when it does not exist yet).
 * Pure and re-runnable: a store that loses a version race re-reads and calls it again, so a stale
 * reviewer's `from` no longer matches and the review is refused instead of jumping a status.
 */
export function applyNominationIntent(
  current: NominationState | null,
  intent: NominationIntent,
  actor: string,
  ctx: NominationContext,
): NominationOutcome {
  const entry = (
    action: AuditEntry['action'],
    from: NominationStatus | null,
    to: NominationStatus | null,
    comment = '',
  ) => ({
    at: ctx.now,
    actor,
    action,
    from,
    to,
    comment,
  });
  if (intent.kind === 'nomination.create') {
    if (current) return { ok: false, problem: problem('nomination.idTaken') };
    const award = ctx.awards.find((a) => a.id === intent.awardId);
    if (!award) return { ok: false, problem: problem('nomination.awardUnknown') };
    if (intent.nominees.includes(actor)) return { ok: false, problem: problem('nomination.selfNomination') };
    if (intent.nominees.length > 1 && intent.teamName === '')
      return { ok: false, problem: problem('nomination.teamNameRequired') };
    return {
      ok: true,
      changed: true,
      audit: entry('create', null, 'submitted'),
      nomination: {
        id: intent.nominationId,
        awardId: award.id,
        awardLabel: award.label,
        nominator: actor,
        nominees: [...intent.nominees],
        teamName: intent.teamName,
        reason: intent.reason,
        yellIds: [...intent.yellIds],
        endorsers: [],
        status: 'submitted',
        reviews: [],
        consent: {},
        createdAt: intent.createdAt,
        awardYear: null,
      },
    };
  }
  if (!current) return { ok: false, problem: problem('nomination.notFound') };
  switch (intent.kind) {
    case 'nomination.endorse': {
      if (current.nominator === actor) return { ok: false, problem: problem('nomination.endorseOwn') };
      if (current.nominees.includes(actor)) return { ok: false, problem: problem('nomination.endorseAsNominee') };
      if (current.endorsers.includes(actor)) return { ok: false, problem: problem('nomination.endorseTwice') };
      if (current.status !== 'submitted' && current.status !== 'under_review')
        return { ok: false, problem: problem('nomination.endorseClosed') };
      return {
        ok: true,
        changed: true,
        audit: entry('endorse', null, null),
        nomination: { ...current, endorsers: [...current.endorsers, actor] },
      };
    }
    case 'nomination.review': {
      const refusal = reviewRefusal(current, ctx.reviewer, ctx.nomineeSections);
      if (refusal) return { ok: false, problem: refusal };
      if (current.status !== intent.from) return { ok: false, problem: problem('nomination.staleStatus') };
      if (!canTransition(current.status, intent.to)) return { ok: false, problem: problem('nomination.outOfOrder') };
      const review: ReviewEntry = {
        at: ctx.now,
        by: actor,
        from: current.status,
        to: intent.to,
        comment: intent.comment,
      };
      return {
        ok: true,
        changed: true,
        audit: entry('review', current.status, intent.to, intent.comment),
        nomination: {
          ...current,
          status: intent.to,
          reviews: [...current.reviews, review],
          awardYear: intent.to === 'awarded' ? tokyoYear(ctx.now) : current.awardYear,
        },
      };
    }
    case 'award.consent': {
      if (!current.nominees.includes(actor)) return { ok: false, problem: problem('nomination.consentNotNominee') };
      if (current.status !== 'awarded') return { ok: false, problem: problem('nomination.consentNotAwarded') };
      if (current.consent[actor] === intent.show) return { ok: true, changed: false, audit: null, nomination: current };
      return {
        ok: true,
        changed: true,
        audit: entry('consent', null, null, intent.show ? 'show' : 'hide'),
        nomination: { ...current, consent: { ...current.consent, [actor]: intent.show } },
      };
    }
  }
}
