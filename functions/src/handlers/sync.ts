import * as v from 'valibot';
import type { Claims } from '../../../src/domain/protocol';
import { SyncRequestSchema } from '../../../src/domain/sync-protocol';
import { problem } from '../../../src/domain/problems';
import { badRequest } from '../api/errors';
import { SERVER_FEATURES } from '../features';
import type { FeedPlan } from '../features/feature';
import type { TokenCheck } from '../features/access/token';
import type { ServerStores } from '../features/stores';

/**
 * POST /sync: every feed the device names, answered in one round trip (src/domain/sync-protocol.ts).
 * Each feature plans its feeds; the heads of all of them are read in ONE batched get, and a feed
 * whose head is the cursor's answers "up to date" without another read. So a sync when nothing
 * changed costs one HTTPS call and at most one document read per feed (fewer when feeds share a
 * head document), plus the caller's access state (features/access/token.ts). A feed this server
 * does not know is ignored (a newer device).
 */
export async function syncFeeds(
  store: ServerStores,
  claims: Claims,
  body: unknown,
  /** The caller's token check, read in the same batched get as the heads (absent in tests of the feeds alone). */
  token?: TokenCheck,
): Promise<{ feeds: Record<string, unknown> }> {
  const request = v.safeParse(SyncRequestSchema, body);
  if (!request.success) throw badRequest(problem('api.syncRequest'));
  const plans: { name: string; plan: FeedPlan }[] = [];
  for (const [name, cursor] of Object.entries(request.output.feeds)) {
    for (const feature of SERVER_FEATURES) {
      const plan = feature.planFeed(store, claims, name, cursor);
      if (plan) plans.push({ name, plan });
    }
  }
  await store.reader.readAll([...(token?.reads ?? []), ...plans.flatMap(({ plan }) => plan.reads)]);
  token?.check();
  const answers = await Promise.all(plans.map(async ({ name, plan }) => [name, await plan.answer()] as const));
  return { feeds: Object.fromEntries(answers) };
}
