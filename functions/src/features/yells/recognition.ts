import * as v from 'valibot';
import type { Claims } from '../../../../src/domain/protocol';
import { ORG_SCOPE, summarize, summaryScopeFor, type RecognitionSummary } from '../../../../src/domain/yell-aggregate';
import {
  RecognitionSettingsSchema,
  tokyoDay,
  type RecognitionMe,
  type RecognitionSettings,
} from '../../../../src/domain/yells';
import type { ServerStores } from '../stores';
import { badRequest, forbidden, HandlerError } from '../../api/errors';
import { problem } from '../../../../src/domain/problems';
import { problemOfIssues } from '../../../../src/domain/issues';

/**
 * HR replaces the settings whole (the route allows HR only). At least one value, ids unique, a
 * daily cap of 1-100. A value that is dropped keeps its past counts under its id in the summary.
 */
export async function putRecognitionSettings(
  store: ServerStores,
  orgId: string,
  body: unknown,
): Promise<RecognitionSettings> {
  const parsed = v.safeParse(RecognitionSettingsSchema, body);
  if (!parsed.success) throw badRequest(problemOfIssues(parsed.issues));
  await store.yells.putRecognitionSettings(orgId, parsed.output);
  return parsed.output;
}

const UNIT_PARAM = /^[^/]{1,40}$/;

/**
 * The summary of one scope: HR any unit or the whole organisation, a manager their own 部 or a
 * unit in it, staff none (403). Three reads: the caller's profile, the units, the scope's shards.
 */
export async function getRecognitionSummary(
  store: ServerStores,
  claims: Claims,
  unitParam: string | null,
): Promise<RecognitionSummary> {
  if (unitParam !== null && !UNIT_PARAM.test(unitParam)) throw badRequest(problem('api.unitParam'));
  if (claims.role !== 'hr' && claims.role !== 'manager') throw forbidden(problem('summary.forbidden'));
  const [viewer, units, settings] = await Promise.all([
    store.directory.getStaff(claims.orgId, claims.staffId),
    store.directory.listUnits(claims.orgId),
    store.yells.getRecognitionSettings(claims.orgId),
  ]);
  const byId = new Map(units.map((u) => [u.id, u]));
  const scope = summaryScopeFor({ role: claims.role, unitId: viewer?.unitId ?? '' }, unitParam, byId);
  if (!scope.ok) throw new HandlerError(scope.status, scope.problem);
  const agg = await store.yells.getYellScope(claims.orgId, scope.unitId ?? ORG_SCOPE);
  return summarize(agg, scope.unitId, units, settings);
}

/** The caller's own counts (carried by the yells feed): never anyone else's (there is no parameter to name another person). */
export async function getRecognitionMe(
  store: ServerStores,
  claims: Claims,
  now: Date = new Date(),
): Promise<RecognitionMe> {
  const [counts, settings] = await Promise.all([
    store.yells.getYellPerson(claims.orgId, claims.staffId, tokyoDay(now)),
    store.yells.getRecognitionSettings(claims.orgId),
  ]);
  return { received: counts.received, sent: counts.sent, sentToday: counts.sentOnDay, dailyCap: settings.dailyCap };
}
