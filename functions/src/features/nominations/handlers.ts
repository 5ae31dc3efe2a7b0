import * as v from 'valibot';
import {
  AwardsConfigSchema,
  DEFAULT_AWARDS,
  nominationIntentOf,
  linkedYellsRefusal,
  NOMINATIONS_PAGE_SIZE,
  profileAwardOf,
  projectNomination,
  sectionOf,
  withAwardChoice,
  type AuditEntry,
  type Award,
  type AwardsConfig,
  type NominationContext,
  type NominationMutation,
  type NominationView,
  type Reviewer,
} from '../../../../src/domain/nominations';
import { nominationStatusNotificationId } from '../../../../src/domain/notifications';
import type { OrgUnit } from '../../../../src/domain/org';
import type { Claims, PushResult } from '../../../../src/domain/protocol';
import type { StaffProfile } from '../../../../src/domain/staff';
import type { FeedAnswer } from '../../../../src/domain/sync-protocol';
import { pageSince } from '../../kit/page';
import type { ServerStores } from '../stores';
import { recordAudit } from '../audit/record';
import { badRequest, forbidden } from '../../api/errors';
import { problem, type Problem } from '../../../../src/domain/problems';
import { problemOfIssues } from '../../../../src/domain/issues';
import { rejectedResult } from '../results';

export const isCommittee = (claims: Claims): boolean => claims.duties.includes('committee');

/** The profile part of a consent uses its own id, derived from the mutation's, in the shared id space. */
export const consentProfileMutationId = (mutationId: string): string => `${mutationId}-award`;

/**
 * Applies a commendation mutation as the caller (the token's staffId), once per mutation id. The
 * facts the pure rule needs (awards, the sections of reviewer and nominees, the committee duty
 * from the claims) are looked up here; the rule itself runs in the store, against the nomination
 * as read in the same attempt as the write.
 */
export async function applyNominationMutation(
  store: ServerStores,
  claims: Claims,
  mutation: NominationMutation,
): Promise<PushResult> {
  const { orgId, staffId } = claims;
  const now = new Date().toISOString();
  const intent = nominationIntentOf(mutation);
  const ctx: NominationContext = {
    awards: (await store.nominations.getAwards(orgId)) ?? DEFAULT_AWARDS,
    reviewer: { staffId, committee: isCommittee(claims), sectionId: null },
    nomineeSections: [],
    now,
  };
  if (mutation.kind === 'nomination.create') {
    const refusal = await createRefusal(store, claims, mutation.nominees, mutation.yellIds);
    if (refusal) return rejectedResult(mutation.id, refusal);
  }
  if (mutation.kind === 'nomination.review') {
    const current = await store.nominations.getNomination(orgId, mutation.nominationId);
    if (current) {
      const units = unitMap(await store.directory.listUnits(orgId));
      const section = async (id: string) => {
        const p = await store.directory.getStaff(orgId, id);
        return p ? sectionOf(units, p.unitId) : null;
      };
      const reviewer: Reviewer = { ...ctx.reviewer, sectionId: await section(staffId) };
      ctx.reviewer = reviewer;
      ctx.nomineeSections = await Promise.all(current.nominees.map(section));
    }
  }
  const outcome = await store.nominations.applyNominationMutation(orgId, mutation.id, staffId, intent, ctx);
  if (outcome.status === 'rejected') return rejectedResult(mutation.id, outcome.problem);
  // Both after an applied and after a duplicate: if an earlier attempt stopped between its writes,
  // the replay finishes the job. Each follow-up is idempotent.
  if (mutation.kind === 'nomination.review') await notifyStatus(store, claims, mutation.nominationId, mutation.to, now);
  if (mutation.kind === 'award.consent') {
    const profile = await updateProfileAwards(store, claims, mutation.id, mutation.nominationId);
    if (profile) return profile;
  }
  return { id: mutation.id, status: outcome.status };
}

async function createRefusal(
  store: ServerStores,
  claims: Claims,
  nominees: readonly string[],
  yellIds: readonly string[],
): Promise<Problem | null> {
  const people = await Promise.all(nominees.map((id) => store.directory.getStaff(claims.orgId, id)));
  if (people.some((p) => p === null)) return problem('nomination.nomineeUnknown');
  if (yellIds.length === 0) return null;
  return linkedYellsRefusal(yellIds, await store.yells.getYells(claims.orgId, yellIds), claims.staffId);
}

/**
 * A status change notifies the nominator, and the nominees once awarded (never before: that would
 * spoil the surprise). Sent only when this reviewer's change is really in the nomination's history,
 * so a refused or superseded review notifies nobody; the ids are deterministic, so a replay adds
 * nothing.
 */
async function notifyStatus(
  store: ServerStores,
  claims: Claims,
  nominationId: string,
  to: string,
  now: string,
): Promise<void> {
  const n = await store.nominations.getNomination(claims.orgId, nominationId);
  if (!n || !n.reviews.some((r) => r.to === to && r.by === claims.staffId)) return;
  const recipients = new Set([n.nominator, ...(to === 'awarded' ? n.nominees : [])]);
  await store.notifications.addNotifications(
    claims.orgId,
    [...recipients].map((recipient) => ({
      recipient,
      notification: {
        id: nominationStatusNotificationId(nominationId, to),
        kind: 'nomination.status' as const,
        createdAt: now,
        actor: null,
        nominationId,
        status: to,
      },
    })),
  );
}

/**
 * The award goes on the winner's profile through the profile mutation path, so it reaches every
 * device in the directory change log (and the next snapshot). What is written is the consent the
 * nomination holds now, not the mutation's own answer: a replay of an older "show" after a later
 * "hide" must not bring the award back.
 */
async function updateProfileAwards(
  store: ServerStores,
  claims: Claims,
  mutationId: string,
  nominationId: string,
): Promise<PushResult | null> {
  const n = await store.nominations.getNomination(claims.orgId, nominationId);
  if (!n) return null;
  const show = n.consent[claims.staffId] === true;
  const award = profileAwardOf(n);
  const outcome = await store.directory.applyMutation(
    claims.orgId,
    consentProfileMutationId(mutationId),
    claims.staffId,
    (p: StaffProfile) => ({ ...p, awards: withAwardChoice(p.awards, award, show) }),
  );
  return outcome.status === 'rejected' ? rejectedResult(mutationId, outcome.problem) : null;
}

/**
 * "Which nominations changed since version V", for this viewer: those they may see, projected for
 * them, and the ids of those they may no longer see (to drop from the device). A nominee is never
 * told the id of a nomination of them that they may not see yet: they could not have held it.
 * From a head already read (the /sync handler's batched read): up to date reads nothing more;
 * otherwise the answer also carries the award list (saving it moves the head).
 */
export async function nominationsAnswer(
  store: ServerStores,
  claims: Claims,
  head: number,
  since: number,
  limit = NOMINATIONS_PAGE_SIZE,
): Promise<FeedAnswer<'nominations'>> {
  if (since === head) return { nominations: [], removed: [], version: since, more: false, reset: false };
  const [page, awards] = await Promise.all([
    pageSince(head, since, limit, (from, n) => store.nominations.nominationsSince(claims.orgId, from, n)),
    getAwards(store, claims.orgId),
  ]);
  const viewer = { staffId: claims.staffId, committee: isCommittee(claims) };
  const nominations: NominationView[] = [];
  const removed: string[] = [];
  for (const n of page.items) {
    const shown = projectNomination(n, viewer);
    if (shown) nominations.push(shown);
    else if (!page.reset && !n.nominees.includes(claims.staffId)) removed.push(n.id);
  }
  return { nominations, removed, version: page.version, more: page.more, reset: page.reset, awards };
}

/** The audit log of one nomination: the committee's, except for a committee member who is a nominee. */
export async function nominationAudit(
  store: ServerStores,
  claims: Claims,
  nominationId: string,
  endpoint = `GET /nominations/${nominationId}/audit`,
): Promise<AuditEntry[]> {
  if (!isCommittee(claims)) throw forbidden();
  const n = await store.nominations.getNomination(claims.orgId, nominationId);
  if (!n || n.nominees.includes(claims.staffId)) throw forbidden();
  const entries = await store.nominations.nominationAudit(claims.orgId, nominationId);
  // In the organisation's audit log (A3), once per nominee, so a filter by person finds it.
  await recordAudit(
    store,
    claims,
    n.nominees.map((subject) => ({ kind: 'nomination.audit' as const, subject, endpoint, detail: nominationId })),
  );
  return entries;
}

async function getAwards(store: ServerStores, orgId: string): Promise<AwardsConfig> {
  const awards: readonly Award[] = (await store.nominations.getAwards(orgId)) ?? DEFAULT_AWARDS;
  return { awards: awards.map((a) => ({ ...a })) };
}

/** HR replaces the award list (the route checks the role). Nominations keep the label they were made with. */
export async function putAwards(store: ServerStores, orgId: string, body: unknown): Promise<AwardsConfig> {
  const parsed = v.safeParse(AwardsConfigSchema, body);
  if (!parsed.success) throw badRequest(problemOfIssues(parsed.issues));
  await store.nominations.putAwards(orgId, parsed.output.awards);
  return parsed.output;
}

function unitMap(units: readonly OrgUnit[]): Map<string, OrgUnit> {
  return new Map(units.map((u) => [u.id, u]));
}
