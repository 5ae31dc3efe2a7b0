import type { Mutation } from '../../../src/domain/mutations';
import type { Claims, PushResult } from '../../../src/domain/protocol';
import { unitPath } from '../../../src/domain/yell-aggregate';
import { YELLS_PAGE_SIZE, type YellsPage } from '../../../src/domain/yells';
import type { Store } from '../store/port';
import type { YellContext, YellIntent } from '../store/yell-port';

export type YellMutation = Extract<Mutation, { kind: `yell.${string}` }>;

export function isYellMutation(m: Mutation): m is YellMutation {
  return m.kind === 'yell.send' || m.kind === 'yell.clap';
}

/**
 * Applies an エール mutation (R1, R2) as the caller, once per mutation id. The actor is the
 * token's staffId: nobody sends or claps as someone else (the mutation has no sender field).
 * The roster facts (who the recipients are, which units they sit in) are read here; the store
 * checks what races (replay, the daily cap, one clap per person) in its own write.
 */
export async function applyYellMutation(
  store: Store,
  claims: Claims,
  mutation: YellMutation,
  now: Date = new Date(),
): Promise<PushResult> {
  const intent = toIntent(mutation);
  const context =
    intent.kind === 'yell.send'
      ? await sendContext(store, claims.orgId, claims.staffId, intent.to, now)
      : { settings: await store.getRecognitionSettings(claims.orgId), paths: new Map(), now };
  const outcome = await store.applyYellMutation(claims.orgId, mutation.id, claims.staffId, intent, context);
  return outcome.status === 'rejected'
    ? { id: mutation.id, status: 'rejected', message: outcome.message }
    : { id: mutation.id, status: outcome.status };
}

/**
 * Settings and the unit paths of the sender and each recipient (≤ 11 profile reads and the unit
 * list). A recipient who is not on the roster gets no path, which the store's check refuses.
 */
export async function sendContext(
  store: Store,
  orgId: string,
  senderId: string,
  to: readonly string[],
  now: Date,
): Promise<YellContext> {
  const ids = [senderId, ...to.filter((id) => id !== senderId)];
  const [settings, units, profiles] = await Promise.all([
    store.getRecognitionSettings(orgId),
    store.listUnits(orgId),
    Promise.all(ids.map((id) => store.getStaff(orgId, id))),
  ]);
  const byId = new Map(units.map((u) => [u.id, u]));
  const paths = new Map<string, readonly string[]>();
  for (const p of profiles) if (p) paths.set(p.id, unitPath(byId, p.unitId));
  return { settings, paths, now };
}

function toIntent(m: YellMutation): YellIntent {
  switch (m.kind) {
    case 'yell.send':
      return { kind: m.kind, yellId: m.yellId, to: m.to, message: m.message, value: m.value, visibility: m.visibility };
    case 'yell.clap':
      return { kind: m.kind, yellId: m.yellId };
  }
}

/**
 * "Which エール changed since version V", for the caller: only those they may see (canSeeYell),
 * with public ones hidden by an opt-out as removed ids. A device ahead of the server (the
 * organisation was re-seeded) is told to start over.
 */
export async function yellsSince(
  store: Store,
  claims: Claims,
  since: number,
  limit = YELLS_PAGE_SIZE,
): Promise<YellsPage> {
  const page = await store.yellsSince(claims.orgId, claims.staffId, since, limit);
  if (since > page.head) {
    const fresh = await store.yellsSince(claims.orgId, claims.staffId, 0, limit);
    return {
      yells: fresh.yells,
      removed: fresh.removed,
      version: fresh.version,
      more: fresh.more,
      reset: true,
      feedOptOut: fresh.feedOptOut,
    };
  }
  return {
    yells: page.yells,
    removed: page.removed,
    version: page.version,
    more: page.more,
    reset: false,
    feedOptOut: page.feedOptOut,
  };
}

/**
 * After a profile.update that names yellFeedOptOut (applied, or a replay of one), the store's
 * opt-out set is brought to what the profile now says. Taking the profile's current value, not
 * the mutation's, makes it convergent: a replay of an old mutation cannot flip it back, and a
 * push that failed between the profile write and this step is completed by its retry.
 */
export async function syncYellFeedOptOut(store: Store, orgId: string, staffId: string): Promise<void> {
  const profile = await store.getStaff(orgId, staffId);
  if (!profile) return;
  await store.setYellFeedOptOut(orgId, staffId, profile.yellFeedOptOut === true);
}
