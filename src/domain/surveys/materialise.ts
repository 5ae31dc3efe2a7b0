/**
 * Results from folds (S4), at close: every group of the audience, every question, the disclosure
 * rule applied (disclosure.ts) on the whole tree; then cut to a viewer's scope. Pure.
 */
import { EMPLOYMENT_TYPES, JOB_LEVELS, type EmploymentType, type JobLevel } from '../org';
import { inScope, type Scope } from '../campaigns/campaign';
import { disclose, type DisclosureNode } from './disclosure';
import { emptyFold, foldMean, foldVariance, mergeFolds, subtractFolds } from './fold';
import type { Fold, Question } from './model';
import type { QuestionFigure, ResultDimension, ResultGroup, SurveyResults } from './results';

export interface MaterialiseInput {
  surveyId: string;
  title: string;
  round: string;
  anonymous: boolean;
  k: number;
  closedAt: string;
  questions: readonly Question[];
  /** People per group key, as fixed at opening. */
  audience: Readonly<Record<string, number>>;
  /** Combinations of groups that exist (campaign.ts answerGroupsKey): they give the unit tree. */
  combos: readonly string[];
  respondents: Readonly<Record<string, number>>;
  folds: Readonly<Record<string, Readonly<Record<string, Fold>>>>;
  texts: readonly { questionId: string; buId: string | null; text: string }[];
  unitNames: ReadonlyMap<string, string>;
  /** A shuffle (tests pass a fixed one); texts never keep their stored order. */
  shuffle?: <T>(items: T[]) => T[];
}

export function parentsOf(combos: readonly string[]): Map<string, string | null> {
  const parent = new Map<string, string | null>([['all', null]]);
  for (const combo of combos) {
    const [bu, ka, kakari, level, employment] = combo.split('|');
    const b = bu && bu !== '-' ? `bu:${bu}` : null;
    const c = ka && ka !== '-' ? `ka:${ka}` : null;
    if (b) parent.set(b, 'all');
    if (c) parent.set(c, b ?? 'all');
    if (kakari && kakari !== '-') parent.set(`kakari:${kakari}`, c ?? b ?? 'all');
    if (level) parent.set(`level:${level}`, 'all');
    if (employment) parent.set(`employment:${employment}`, 'all');
  }
  return parent;
}

/** The unit tree, job levels and employment types each partition the whole on their own. */
function partitionOf(key: string): string {
  if (key.startsWith('level:')) return 'level';
  if (key.startsWith('employment:')) return 'employment';
  return 'unit';
}

function dimensionOf(key: string): ResultDimension {
  return (key === 'all' ? 'all' : key.slice(0, key.indexOf(':'))) as ResultDimension;
}

function figureOf(q: Question, f: Fold): QuestionFigure {
  if (q.kind !== 'likert') return { n: f.n, counts: [...f.counts] };
  const variance = foldVariance(f);
  return {
    n: f.n,
    counts: [...f.counts],
    ...(f.n > 0 ? { mean: foldMean(f), variance, sd: Math.sqrt(variance) } : {}),
  };
}

function fisherYates<T>(items: T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}

export function materialise(input: MaterialiseInput): SurveyResults {
  const parent = parentsOf(input.combos);
  const keys = [...parent.keys()];
  const rollsUp = (key: string) => key.startsWith('ka:');
  const otherKey = (kaKey: string) => `otherKakari:${kaKey.slice(3)}`;
  const nodes = (n: (key: string) => number): DisclosureNode[] =>
    keys.map((key) => ({ key, parent: parent.get(key) ?? null, n: n(key), partition: partitionOf(key) }));
  const foldAt = (key: string, q: Question) => input.folds[key]?.[q.id] ?? emptyFold(q);

  const groups = new Map<string, ResultGroup>();
  const nameOf = (key: string): string => {
    if (key === 'all') return '';
    const id = key.slice(key.indexOf(':') + 1);
    return input.unitNames.get(id) ?? id;
  };
  const group = (key: string, dimension = dimensionOf(key), parentKey = parent.get(key) ?? null): ResultGroup => {
    let g = groups.get(key);
    if (!g) {
      const id = key.slice(key.indexOf(':') + 1);
      g = {
        key,
        dimension,
        parent: parentKey,
        name: nameOf(dimension === 'otherKakari' ? `ka:${id}` : key),
        audience: input.audience[key] ?? 0,
        figures: {},
      };
      if (dimension === 'bu' || dimension === 'ka' || dimension === 'kakari' || dimension === 'otherKakari')
        g.unitId = id;
      if (dimension === 'level') g.level = id as JobLevel;
      if (dimension === 'employment') g.employment = id as EmploymentType;
      groups.set(key, g);
    }
    return g;
  };
  for (const key of keys) group(key);

  // Respondents are figures too: the same rule.
  const rate = disclose(
    nodes((key) => input.respondents[key] ?? 0),
    input.k,
    rollsUp,
  );
  for (const key of keys) if (rate.shown.has(key)) group(key).responded = input.respondents[key] ?? 0;
  for (const [kaKey, n] of rate.others) {
    const g = group(otherKey(kaKey), 'otherKakari', kaKey);
    g.responded = n;
  }

  for (const q of input.questions) {
    const d = disclose(
      nodes((key) => foldAt(key, q).n),
      input.k,
      rollsUp,
    );
    for (const key of keys) group(key).figures[q.id] = d.shown.has(key) ? figureOf(q, foldAt(key, q)) : 'hidden';
    for (const [kaKey] of d.others) {
      const shownKakari = keys.filter((k) => parent.get(k) === kaKey && d.shown.has(k));
      const rest = shownKakari.reduce((acc, k) => subtractFolds(acc, foldAt(k, q)), foldAt(kaKey, q));
      group(otherKey(kaKey), 'otherKakari', kaKey).figures[q.id] = figureOf(q, rest);
    }
  }
  // 「その他の係」 groups that exist for some questions are hidden for the others.
  for (const g of groups.values())
    for (const q of input.questions) if (!(q.id in g.figures)) g.figures[q.id] = 'hidden';

  // Free texts: only the whole and the 部, under the same rule on the count of texts.
  const shuffle = input.shuffle ?? fisherYates;
  const texts: SurveyResults['texts'] = {};
  for (const q of input.questions) {
    if (q.kind !== 'text') continue;
    const mine = input.texts.filter((t) => t.questionId === q.id);
    const byBu = new Map<string, string[]>();
    for (const t of mine) if (t.buId) byBu.set(`bu:${t.buId}`, [...(byBu.get(`bu:${t.buId}`) ?? []), t.text]);
    const textNodes: DisclosureNode[] = [
      { key: 'all', parent: null, n: mine.length },
      ...keys.filter((k) => k.startsWith('bu:')).map((k) => ({ key: k, parent: 'all', n: byBu.get(k)?.length ?? 0 })),
    ];
    const d = disclose(textNodes, input.k);
    const shown: Record<string, string[]> = {};
    if (d.shown.has('all') && mine.length > 0) shown['all'] = shuffle(mine.map((t) => t.text));
    for (const [key, list] of byBu) if (d.shown.has(key) && list.length > 0) shown[key] = shuffle(list);
    texts[q.id] = shown;
  }

  const order = (g: ResultGroup) => {
    const dims: ResultDimension[] = ['all', 'bu', 'ka', 'kakari', 'otherKakari', 'level', 'employment'];
    const rank =
      g.dimension === 'level'
        ? JOB_LEVELS.indexOf(g.level as JobLevel)
        : g.dimension === 'employment'
          ? EMPLOYMENT_TYPES.indexOf(g.employment as EmploymentType)
          : 0;
    return [dims.indexOf(g.dimension), rank, g.key] as const;
  };
  const sorted = [...groups.values()].sort((a, b) => {
    const [da, ra, ka] = order(a);
    const [db, rb, kb] = order(b);
    return da - db || ra - rb || ka.localeCompare(kb);
  });
  void mergeFolds;
  return {
    surveyId: input.surveyId,
    title: input.title,
    round: input.round,
    anonymous: input.anonymous,
    k: input.k,
    closedAt: input.closedAt,
    questions: input.questions,
    groups: sorted,
    texts,
  };
}

/**
 * The results a viewer may see: HR all; a 部長 their 部 and inside it; a 課長 their 課 and its 係.
 * Job levels and employment types are organisation-wide groups: only for HR. Texts: HR all, a
 * 部長 their 部's, a 課長 none (a 課's texts are not kept apart).
 */
export function resultsFor(results: SurveyResults, scope: Scope): SurveyResults {
  if (scope.kind === 'all') return results;
  const parent = new Map(results.groups.map((g) => [g.key, g.parent]));
  const groups = results.groups.filter((g) => inScope(scope, g.key, (k) => parent.get(k) ?? null));
  const texts: SurveyResults['texts'] = {};
  for (const [q, byGroup] of Object.entries(results.texts)) {
    const mine = scope.kind === 'bu' ? byGroup[`bu:${scope.unitId}`] : undefined;
    texts[q] = mine ? { [`bu:${scope.unitId}`]: mine } : {};
  }
  return { ...results, groups, texts };
}
