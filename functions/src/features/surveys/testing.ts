/** A small organisation with an HR person, managers and staff, for the surveys' API tests. Tests only. */
import type { OrgUnit } from '../../../../src/domain/org';
import type { Claims } from '../../../../src/domain/protocol';
import type { AnswerGroups } from '../../../../src/domain/campaigns/campaign';
import {
  SURVEY_PATHS,
  type Answers,
  type AssignedSurvey,
  type SurveySpec,
} from '../../../../src/domain/surveys/survey';
import { b64u, clientToken } from '../../campaigns/tokens';
import type { TokenVerifier } from '../../api/auth';
import type { ApiResponse } from '../../api/http';
import { createApi, type Api } from '../../api/router';
import { setServerClock } from '../../kit/clock';
import type { MemoryMutations } from '../../kit/memory';
import { apiRequest, bodyJson } from '../../testing/http';
import { freshOrgId, makeProfile, staffId } from '../../testing/fixtures';
import { seedOrganisation } from '../directory/seed';
import { createMemoryStores } from '..';
import type { ServerStores } from '../stores';
import type { MemorySurveys } from './memory';

export const UNITS: OrgUnit[] = [
  { id: 'bu-1', kind: 'bu', name: '総務部', kana: 'そうむぶ', parentId: null, order: 1 },
  { id: 'ka-1', kind: 'ka', name: '人事課', kana: 'じんじか', parentId: 'bu-1', order: 1 },
  { id: 'kk-1a', kind: 'kakari', name: '人事係', kana: 'じんじがかり', parentId: 'ka-1', order: 1 },
  { id: 'kk-1b', kind: 'kakari', name: '給与係', kana: 'きゅうよがかり', parentId: 'ka-1', order: 2 },
  { id: 'ka-2', kind: 'ka', name: '財政課', kana: 'ざいせいか', parentId: 'bu-1', order: 2 },
  { id: 'bu-2', kind: 'bu', name: '区民生活部', kana: 'くみんせいかつぶ', parentId: null, order: 2 },
  { id: 'ka-3', kind: 'ka', name: '戸籍住民課', kana: 'こせきじゅうみんか', parentId: 'bu-2', order: 1 },
  { id: 'bu-9', kind: 'bu', name: '議会事務局', kana: 'ぎかいじむきょく', parentId: null, order: 9 },
];

/**
 * Staff by number: 1-8 人事係 (kk-1a), 9-10 給与係 (kk-1b, a small 係), 11-16 財政課 (ka-2),
 * 17-23 戸籍住民課 (ka-3), 30 outside the audience (bu-9). 40 HR, 41 総務部長, 42 人事課長,
 * 43 戸籍住民課長.
 */
export const PEOPLE: { n: number; unitId: string; role?: Claims['role']; jobLevel?: string; employment?: string }[] = [
  ...Array.from({ length: 8 }, (_, i) => ({ n: 1 + i, unitId: 'kk-1a' })),
  { n: 9, unitId: 'kk-1b' },
  { n: 10, unitId: 'kk-1b', employment: '会計年度任用' },
  ...Array.from({ length: 6 }, (_, i) => ({ n: 11 + i, unitId: 'ka-2' })),
  ...Array.from({ length: 7 }, (_, i) => ({ n: 17 + i, unitId: 'ka-3', employment: i < 2 ? '再任用' : '正規' })),
  { n: 30, unitId: 'bu-9' },
  { n: 40, unitId: 'bu-9', role: 'hr' },
  { n: 41, unitId: 'bu-1', role: 'manager', jobLevel: '部長級' },
  { n: 42, unitId: 'ka-1', role: 'manager', jobLevel: '課長級' },
  { n: 43, unitId: 'ka-3', role: 'manager', jobLevel: '課長級' },
];

/** A JSON answer as the tests read it: any shape, checked by the assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read many answer shapes
type Json = any;

export interface SurveyOrg {
  api: Api;
  stores: ServerStores;
  surveys: MemorySurveys;
  records: Map<string, MemoryMutations>;
  orgId: string;
  logs: string[];
  /** Sets the server clock. */
  at(iso: string): void;
  call(method: string, path: string, who: number | null, body?: unknown): Promise<{ status: number; body: Json }>;
}

export async function surveyOrg(): Promise<SurveyOrg> {
  const records = new Map<string, MemoryMutations>();
  const stores = createMemoryStores({ records });
  const orgId = freshOrgId('survey');
  await seedOrganisation(stores, {
    orgId,
    units: UNITS,
    staff: PEOPLE.map((p) =>
      makeProfile(p.n, {
        unitId: p.unitId,
        role: p.role ?? 'staff',
        jobLevel: (p.jobLevel ?? (p.n % 2 === 0 ? '主任' : '主事')) as never,
        employment: (p.employment ?? '正規') as never,
      }),
    ),
  });
  const tokens: Record<string, Claims> = {};
  for (const p of PEOPLE) tokens[`t${p.n}`] = { orgId, staffId: staffId(p.n), role: p.role ?? 'staff', duties: [] };
  const verifier: TokenVerifier = {
    async verify(token) {
      const payload = tokens[token];
      if (!payload) throw new Error('auth/argument-error');
      return { uid: `uid-${token}`, iss: 'https://securetoken.google.com/demo', ...payload };
    },
  };
  const logs: string[] = [];
  const api = createApi({
    stores,
    verifier,
    logError: (message, e) => {
      logs.push(`${message} ${String(e)}`);
    },
  });
  const surveys = stores.surveys as MemorySurveys;
  // The server's clock (kit/clock.ts), held where the tests put it.
  setServerClock(new Date('2026-06-01T00:00:00.000Z'));
  const call = async (method: string, path: string, who: number | null, body?: unknown) => {
    const signed = apiRequest(method, `/api${path}`, who === null ? '' : `t${who}`, body);
    const { authorization: _drop, ...unsigned } = signed.headers;
    const res: ApiResponse = await api(who === null ? { ...signed, headers: unsigned } : signed);
    return { status: res.status, body: bodyJson(res) as Json };
  };
  return {
    api,
    stores,
    surveys,
    records,
    orgId,
    logs,
    at: (iso) => setServerClock(new Date(iso)),
    call,
  };
}

export function spec(overrides: Partial<SurveySpec> = {}): SurveySpec {
  return {
    title: '職員アンケート',
    round: '2026',
    anonymous: true,
    questions: [
      { id: 'q1', kind: 'likert', points: 4, text: '仕事にやりがいを感じている', kpi: { baseline: 2.9, target: 3 } },
      { id: 'q2', kind: 'likert', points: 4, text: '職場で相談しやすい' },
      { id: 'q3', kind: 'multiple', text: '重視すること', choices: ['給与', '働きがい', '人間関係'] },
      { id: 'q4', kind: 'text', text: 'ご意見', maxLength: 200 },
    ],
    audience: { unitIds: ['bu-1', 'bu-2'], jobLevels: [], employments: [] },
    schedule: { deadline: '2026-06-30T09:00:00.000Z', graceDays: 3 },
    k: 5,
    ...overrides,
  };
}

export const SURVEY_ID = 'survey-2026-staff';

export async function openedSurvey(o: SurveyOrg, overrides: Partial<SurveySpec> = {}, id = SURVEY_ID) {
  const saved = await o.call('POST', SURVEY_PATHS.surveys, 40, { id, spec: spec(overrides) });
  if (saved.status !== 200) throw new Error(JSON.stringify(saved.body));
  const opened = await o.call('POST', SURVEY_PATHS.open(id), 40);
  if (opened.status !== 200) throw new Error(JSON.stringify(opened.body));
  return id;
}

/** What a device does for an anonymous answer: the survey from the feed, a token signed blind, the answer unsigned. */
export async function deviceToken(o: SurveyOrg, who: number, surveyId = SURVEY_ID) {
  const feed = await o.call('POST', '/sync', who, { feeds: { surveys: { version: 0 } } });
  const assigned = (feed.body.feeds.surveys.surveys as AssignedSurvey[]).find((s) => s.id === surveyId);
  if (!assigned?.publicKey) throw new Error(`survey not assigned to ${who}: ${JSON.stringify(feed.body)}`);
  const c = await clientToken(assigned.publicKey);
  const signed = await o.call('POST', SURVEY_PATHS.token(surveyId), who, { blinded: b64u.encode(c.blinded) });
  if (signed.status !== 200) return { assigned, token: null, refused: signed } as const;
  const signature = await c.finalize(b64u.decode(signed.body.blindSignature as string));
  return {
    assigned,
    token: { token: b64u.encode(c.token), signature: b64u.encode(signature) },
    refused: null,
  } as const;
}

export async function answerAnonymously(
  o: SurveyOrg,
  token: { token: string; signature: string },
  groups: AnswerGroups,
  answers: Answers,
  surveyId = SURVEY_ID,
) {
  return o.call('POST', SURVEY_PATHS.answer(surveyId), null, { orgId: o.orgId, ...token, groups, answers });
}

let mseq = 0;
export async function push(o: SurveyOrg, who: number, mutation: Record<string, unknown>) {
  const res = await o.call('POST', '/mutations', who, {
    mutations: [{ id: `m-survey-${++mseq}-${who}`, createdAt: '2026-06-01T00:00:00.000Z', ...mutation }],
  });
  return res.body.results[0] as { id: string; status: string; code?: string };
}
