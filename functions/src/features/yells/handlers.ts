import { intentOf, type FeatureMutation } from '../../../../src/domain/mutations';
import type { Claims, PushResult } from '../../../../src/domain/protocol';
import { unitPath } from '../../../../src/domain/yell-aggregate';
import { YELLS_PAGE_SIZE, type YellsPage } from '../../../../src/domain/yells';
import type { FeedAnswer } from '../../../../src/domain/sync-protocol';
import { resultOf } from '../results';
import type { ServerStores } from '../stores';
import type { YellContext, YellFeedHead } from './port';
import { getRecognitionMe } from './recognition';

export type YellMutation = FeatureMutation<'yells'>;

/**
 * Applies an エール mutation (R1, R2) as the caller, once per mutation id. The actor is the
 * token's staffId: nobody sends or claps as someone else (the mutation has no sender field).
 * The roster facts (who the recipients are, which units they sit in) are read here; the store
 * checks what races (replay, the daily cap, one clap per person) in its own write.
 */
export async function applyYellMutation(
  store: ServerStores,
  claims: Claims,
  mutation: YellMutation,
  now: Date = new Date(),
): Promise<PushResult> {
  const intent = intentOf(mutation);
  const context =
    intent.kind === 'yell.send'
      ? await sendContext(store, claims.orgId, claims.staffId, intent.to, now)
      : { settings: await store.yells.getRecognitionSettings(claims.orgId), paths: new Map(), now };
  const outcome = await store.yells.applyYellMutation(claims.orgId, mutation.id, claims.staffId, intent, context);
  return resultOf(mutation.id, outcome);
}

/**
 * Settings and the unit paths of the sender and each recipient (≤ 11 profile reads and the unit
 * list). A recipient who is not on the roster gets no path, which the store's check refuses.
 */
export async function sendContext(
  store: ServerStores,
  orgId: string,
  senderId: string,
  to: readonly string[],
  now: Date,
): Promise<YellContext> {
  const ids = [senderId, ...to.filter((id) => id !== senderId)];
  const [settings, units, profiles] = await Promise.all([
    store.yells.getRecognitionSettings(orgId),
    store.directory.listUnits(orgId),
    Promise.all(ids.map((id) => store.directory.getStaff(orgId, id))),
  ]);
  const byId = new Map(units.map((u) => [u.id, u]));
  const paths = new Map<string, readonly string[]>();
  for (const p of profiles) if (p) paths.set(p.id, unitPath(byId, p.unitId));
  return { settings, paths, now };
}

/**
 * "Which エール changed since version V", for the caller: only those they may see (canSeeYell),
 * with public ones hidden by an opt-out as removed ids. A device ahead of the server (the
 * organisation was re-seeded) is told to start over.
 */
export async function yellsSince(
  store: ServerStores,
  claims: Claims,
  since: number,
  limit = YELLS_PAGE_SIZE,
): Promise<YellsPage> {
  const page = await store.yells.yellsSince(claims.orgId, claims.staffId, since, limit);
  const reset = since > page.head;
  const fresh = reset ? await store.yells.yellsSince(claims.orgId, claims.staffId, 0, limit) : page;
  return {
    yells: fresh.yells,
    removed: fresh.removed,
    version: fresh.version,
    more: fresh.more,
    reset,
    feedOptOut: fresh.feedOptOut,
  };
}

/**
 * The yells feed of a /sync, from the head already read: "up to date" (nothing more read) when
 * the head is the cursor's, otherwise the page with the settings and the caller's counts (both
 * move the head when they change: a settings write and every send take a recognition version).
 */
export async function yellsAnswer(
  store: ServerStores,
  claims: Claims,
  head: YellFeedHead,
  since: number,
  now: Date = new Date(),
): Promise<FeedAnswer<'yells'>> {
  if (since === head.headVersion) {
    return { yells: [], removed: [], version: since, more: false, reset: false, feedOptOut: head.feedOptOut };
  }
  const [page, settings, me] = await Promise.all([
    yellsSince(store, claims, since),
    store.yells.getRecognitionSettings(claims.orgId),
    getRecognitionMe(store, claims, now),
  ]);
  return { ...page, settings, me };
}

/**
 * After a profile.update that names yellFeedOptOut (applied, or a replay of one), the store's
 * opt-out set is brought to what the profile now says. Taking the profile's current value, not
 * the mutation's, makes it convergent: a replay of an old mutation cannot flip it back, and a
 * push that failed between the profile write and this step is completed by its retry.
 */
export async function syncYellFeedOptOut(store: ServerStores, orgId: string, staffId: string): Promise<void> {
  const profile = await store.directory.getStaff(orgId, staffId);
  if (!profile) return;
  await store.yells.setYellFeedOptOut(orgId, staffId, profile.yellFeedOptOut === true);
}
