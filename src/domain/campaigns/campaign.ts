/**
 * The campaign machinery shared by surveys (S1-S6) and the upward 360 (R5, R6): who is asked
 * (the audience, fixed with each person's groups at opening), when it closes (deadline + grace,
 * at the first request after it: no scheduler), and K. Pure; the server keeps the state
 * (functions/src/campaigns) and the device shows the same facts.
 */
import * as v from 'valibot';
import {
  EMPLOYMENT_TYPES,
  EmploymentTypeSchema,
  JOB_LEVELS,
  JobLevelSchema,
  type EmploymentType,
  type JobLevel,
} from '../org';
import { unitAncestry, type TreeUnit } from '../unit-tree';
import { says } from '../issues';
import { DEFAULT_K, MIN_K } from '../surveys/disclosure';

export { DEFAULT_K, MIN_K };
export const MAX_K = 50;
export const DEFAULT_GRACE_DAYS = 3;
export const MAX_GRACE_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Who is asked: units (each with everything below it), job levels and employment types (empty = all). */
export const AudienceSpecSchema = v.object({
  unitIds: v.pipe(
    v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(40))),
    v.minLength(1, says('campaign.audienceEmpty')),
    v.maxLength(200),
  ),
  jobLevels: v.optional(v.array(JobLevelSchema), []),
  employments: v.optional(v.array(EmploymentTypeSchema), []),
});
export type AudienceSpec = v.InferOutput<typeof AudienceSpecSchema>;

export const KSchema = v.pipe(
  v.number(),
  v.integer(says('campaign.kInvalid', { min: MIN_K, max: MAX_K })),
  v.minValue(MIN_K, says('campaign.kInvalid', { min: MIN_K, max: MAX_K })),
  v.maxValue(MAX_K, says('campaign.kInvalid', { min: MIN_K, max: MAX_K })),
);

export const ScheduleSchema = v.object({
  /** ISO instant: answers made after it are refused; answers made offline before it are taken until the grace ends. */
  deadline: v.pipe(v.string(), v.isoTimestamp(says('campaign.deadlineInvalid'))),
  graceDays: v.optional(
    v.pipe(
      v.number(),
      v.integer(),
      v.minValue(0),
      v.maxValue(MAX_GRACE_DAYS, says('campaign.graceInvalid', { max: MAX_GRACE_DAYS })),
    ),
    DEFAULT_GRACE_DAYS,
  ),
});
export type Schedule = v.InferOutput<typeof ScheduleSchema>;

export type CampaignStatus = 'draft' | 'open' | 'closed';

/** When answers stop being taken: the deadline plus the grace. */
export function closesAt(s: Schedule): Date {
  return new Date(Date.parse(s.deadline) + s.graceDays * DAY_MS);
}

/** A campaign open in storage is closed in fact at the first moment after its deadline and grace. */
export function effectiveStatus(status: CampaignStatus, s: Schedule, now: Date): CampaignStatus {
  return status === 'open' && now.getTime() >= closesAt(s).getTime() ? 'closed' : status;
}

/** A person of the audience with the groups they count in, fixed at opening. */
export interface Member {
  staffId: string;
  buId: string | null;
  kaId: string | null;
  kakariId: string | null;
  level: JobLevel;
  employment: EmploymentType;
}

/** What opening needs of a person (a StaffProfile is one). */
export interface PersonFacts {
  id: string;
  unitId: string;
  jobLevel: JobLevel;
  employment: EmploymentType;
  /** From the roster import (issue 21): 退職 people are never in an audience. */
  status?: 'leave' | 'retired' | undefined;
}

/**
 * The audience of `spec` among `people`, each with their 部, 課 and 係 as the tree says today
 * (units, 職層 and 雇用形態 as the roster import last wrote them). A retired person is left out.
 */
export function resolveAudience<U extends TreeUnit>(
  spec: AudienceSpec,
  people: readonly PersonFacts[],
  units: ReadonlyMap<string, U>,
): Member[] {
  const wanted = new Set(spec.unitIds);
  const levels = new Set<JobLevel>(spec.jobLevels.length > 0 ? spec.jobLevels : JOB_LEVELS);
  const employments = new Set<EmploymentType>(spec.employments.length > 0 ? spec.employments : EMPLOYMENT_TYPES);
  const members: Member[] = [];
  for (const p of people) {
    if (p.status === 'retired') continue;
    if (!levels.has(p.jobLevel) || !employments.has(p.employment)) continue;
    const chain = unitAncestry(units, p.unitId);
    if (!chain.some((u) => wanted.has(u.id))) continue;
    const of = (kind: string) => chain.find((u) => u.kind === kind)?.id ?? null;
    members.push({
      staffId: p.id,
      buId: of('bu'),
      kaId: of('ka'),
      kakariId: of('kakari'),
      level: p.jobLevel,
      employment: p.employment,
    });
  }
  return members;
}

/**
 * The groups an answer is counted in, as the device sends them with an anonymous answer and the
 * note before answering names them: the 係 only when it has at least K people in the audience
 * (else its 課, where it is part of 「その他の係」), the 部, the job level and the employment type.
 * Fixed at opening (computed from the members then).
 */
export interface AnswerGroups {
  buId: string | null;
  kaId: string | null;
  /** Null when the 係 is small (counted in 「その他の係」 of the 課) or there is none. */
  kakariId: string | null;
  level: JobLevel;
  employment: EmploymentType;
}

export const AnswerGroupsSchema = v.object({
  buId: v.nullable(v.pipe(v.string(), v.maxLength(40))),
  kaId: v.nullable(v.pipe(v.string(), v.maxLength(40))),
  kakariId: v.nullable(v.pipe(v.string(), v.maxLength(40))),
  level: JobLevelSchema,
  employment: EmploymentTypeSchema,
});

export function answerGroupsOf(members: readonly Member[], k: number): Map<string, AnswerGroups> {
  const kakariSize = new Map<string, number>();
  for (const m of members) if (m.kakariId) kakariSize.set(m.kakariId, (kakariSize.get(m.kakariId) ?? 0) + 1);
  return new Map(
    members.map((m) => [
      m.staffId,
      {
        buId: m.buId,
        kaId: m.kaId,
        kakariId: m.kakariId && (kakariSize.get(m.kakariId) ?? 0) >= k ? m.kakariId : null,
        level: m.level,
        employment: m.employment,
      },
    ]),
  );
}

/** The key of an exact combination of answer groups (to check a claimed one exists in the audience). */
export function answerGroupsKey(g: AnswerGroups): string {
  return [g.buId ?? '-', g.kaId ?? '-', g.kakariId ?? '-', g.level, g.employment].join('|');
}

/** The group keys (results.ts) an answer of these groups adds to. */
export function groupKeysOf(g: AnswerGroups): string[] {
  const keys = ['all'];
  if (g.buId) keys.push(`bu:${g.buId}`);
  if (g.kaId) keys.push(`ka:${g.kaId}`);
  if (g.kakariId) keys.push(`kakari:${g.kakariId}`);
  keys.push(`level:${g.level}`, `employment:${g.employment}`);
  return keys;
}

/** Counts of people per group key (results.ts keys), e.g. the audience or the respondents. */
export function countByGroup(groups: Iterable<AnswerGroups>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const g of groups) for (const key of groupKeysOf(g)) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

/**
 * What a manager may see of a campaign's groups: HR everything; a 部長 (a manager whose unit is a
 * 部) their 部 and what is inside it; a 課長 their 課 and its 係. Null: nothing.
 */
export type Scope = { kind: 'all' } | { kind: 'bu'; unitId: string } | { kind: 'ka'; unitId: string };

export function inScope(scope: Scope, key: string, parentOf: (key: string) => string | null): boolean {
  if (scope.kind === 'all') return true;
  const root = `${scope.kind}:${scope.unitId}`;
  for (let k: string | null = key; k !== null; k = parentOf(k)) if (k === root) return true;
  return false;
}
