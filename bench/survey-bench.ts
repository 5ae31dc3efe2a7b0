/**
 * Survey figures (issue 18), on the functions' own code over the in-memory twins, in process:
 * - survey.results_reads_40k: document reads to show a closed 40,000-person survey's results to HR
 *   (the handler of GET /surveys/{id}/results), with 55% answered. Counted by the store's read
 *   counter as Firestore bills; the twin and the adapter count alike (contract drift test).
 * - survey.burst_exact: 1 when 500 concurrent anonymous submissions through the API leave exact
 *   counts (500 answers in the whole's fold, no loss, no double). This runs on the twin in process,
 *   not on the local stack's Functions emulator and stand-in: its shards and create-if-absent are
 *   the same code paths, but the emulator's concurrency is not exercised here.
 * survey.answer_submit_ms (tap to 送信待ち at 4x CPU in Chromium) is not measured yet.
 */
import type { Claims } from '../src/domain/protocol';
import { SURVEY_PATHS } from '../src/domain/surveys/survey';
import type { TokenVerifier } from '../functions/src/api/auth';
import { createApi } from '../functions/src/api/router';
import { b64u, clientToken } from '../functions/src/campaigns/tokens';
import type { ServerStores } from '../functions/src/features/stores';
import { surveyResults } from '../functions/src/features/surveys/handlers';
import type { MemorySurveys } from '../functions/src/features/surveys/memory';
import { seedDemoSurveys } from '../functions/src/features/surveys/seed';
import { apiRequest, bodyJson } from '../functions/src/testing/http';
import type { OrgUnit } from '../src/domain/org';
import type { StaffProfile } from '../src/domain/staff';

export async function runSurveyBench(
  stores: ServerStores,
  org: { orgId: string; units: readonly OrgUnit[]; staff: readonly StaffProfile[] },
  results: Record<string, number>,
  log: (s: string) => void,
): Promise<void> {
  log('survey results reads (40,000 people, 55% answered)…');
  const hr = org.staff.find((s) => s.role === 'hr') ?? org.staff[0];
  if (!hr) throw new Error('no staff');
  const hrClaims: Claims = { orgId: org.orgId, staffId: hr.id, role: 'hr', duties: [] };
  const { lastYear, thisYear } = await seedDemoSurveys(stores, { ...org, now: new Date() });
  const { reads } = await stores.reads.measure(() => surveyResults(stores, hrClaims, lastYear, null));
  results['survey.results_reads_40k'] = reads;

  log('survey burst (500 concurrent anonymous answers)…');
  const people = org.staff.slice(0, 2000);
  const tokens: Record<string, Claims> = { hr: hrClaims };
  for (const p of people) tokens[p.id] = { orgId: org.orgId, staffId: p.id, role: 'staff', duties: [] };
  const verifier: TokenVerifier = {
    async verify(token) {
      const payload = tokens[token];
      if (!payload) throw new Error('auth/argument-error');
      return { uid: token, iss: 'https://securetoken.google.com/demo', ...payload };
    },
  };
  const api = createApi({ stores, verifier });
  const call = async (path: string, token: string | null, body: unknown) => {
    const req = apiRequest('POST', path, token ?? '', body);
    const { authorization: _a, ...unsigned } = req.headers;
    return bodyJson(await api(token ? req : { ...req, headers: unsigned })) as Record<string, unknown>;
  };
  const ready: { body: unknown }[] = [];
  for (const p of people) {
    if (ready.length === 500) break;
    const groups = await stores.surveys.memberGroups(org.orgId, thisYear, p.id);
    const key = await stores.surveys.key(org.orgId, thisYear);
    if (!groups || !key) continue;
    const c = await clientToken(key.publicKey);
    const signed = await call(SURVEY_PATHS.token(thisYear), p.id, { blinded: b64u.encode(c.blinded) });
    const sig = await c.finalize(b64u.decode(String(signed['blindSignature'])));
    ready.push({
      body: {
        orgId: org.orgId,
        token: b64u.encode(c.token),
        signature: b64u.encode(sig),
        groups,
        answers: { q11: 3, q12a: 2 },
      },
    });
  }
  const answers = await Promise.all(ready.map((r) => call(SURVEY_PATHS.answer(thisYear), null, r.body)));
  const applied = answers.filter((a) => a['status'] === 'applied').length;
  const folds = await (stores.surveys as MemorySurveys).readFolds(org.orgId, thisYear);
  const exact =
    ready.length === 500 && applied === 500 && folds['all']?.['q11']?.n === 500 && folds['all']?.['q12a']?.sum === 1000;
  results['survey.burst_exact'] = exact ? 1 : 0;
}
