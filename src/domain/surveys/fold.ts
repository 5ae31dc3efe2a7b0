/**
 * Folds of one question's answers (model.ts `Fold`): what the server keeps instead of answers.
 * Two folds add up, so shards, paper tallies and groups combine by `mergeFolds`.
 */
import type { Fold, Moments, Question } from './model';

/** One answer to one question: a Likert value, a choice index, several indices, or a text. */
export type AnswerValue = number | readonly number[] | string;

/** The number of counts a question's fold keeps: the scale's points or the choices; 0 for text. */
export function countsLength(q: Question): number {
  if (q.kind === 'likert') return q.points;
  if (q.kind === 'text') return 0;
  return q.choices.length;
}

export function emptyFold(q: Question): Fold {
  return { n: 0, sum: 0, sumSq: 0, counts: new Array<number>(countsLength(q)).fill(0) };
}

/**
 * The fold with one (already validated) answer added. A Likert value v adds to counts[v - 1], sum
 * and sumSq; a choice adds to its index; a text adds to n only.
 */
export function addAnswer(fold: Fold, q: Question, answer: AnswerValue): Fold {
  const counts = [...fold.counts];
  if (q.kind === 'likert' && typeof answer === 'number') {
    counts[answer - 1] = (counts[answer - 1] ?? 0) + 1;
    return { n: fold.n + 1, sum: fold.sum + answer, sumSq: fold.sumSq + answer * answer, counts };
  }
  if (q.kind === 'single' && typeof answer === 'number') counts[answer] = (counts[answer] ?? 0) + 1;
  if (q.kind === 'multiple' && Array.isArray(answer)) for (const i of answer) counts[i] = (counts[i] ?? 0) + 1;
  return { ...fold, n: fold.n + 1, counts };
}

export function mergeFolds(a: Fold, b: Fold): Fold {
  const length = Math.max(a.counts.length, b.counts.length);
  return {
    n: a.n + b.n,
    sum: a.sum + b.sum,
    sumSq: a.sumSq + b.sumSq,
    counts: Array.from({ length }, (_, i) => (a.counts[i] ?? 0) + (b.counts[i] ?? 0)),
  };
}

/** The mean of the values; NaN for an empty fold. */
export function foldMean(f: Fold): number {
  return f.n === 0 ? Number.NaN : f.sum / f.n;
}

/** The sample variance (n − 1); 0 for one answer, NaN for none. Never below 0 (rounding). */
export function foldVariance(f: Fold): number {
  if (f.n === 0) return Number.NaN;
  if (f.n === 1) return 0;
  return Math.max(0, (f.sumSq - (f.sum * f.sum) / f.n) / (f.n - 1));
}

export function foldMoments(f: Fold): Moments {
  return { n: f.n, mean: foldMean(f), variance: foldVariance(f) };
}

/** `a` without `b` (b's answers are part of a's): the 「その他」 of a group. */
export function subtractFolds(a: Fold, b: Fold): Fold {
  return {
    n: a.n - b.n,
    sum: a.sum - b.sum,
    sumSq: a.sumSq - b.sumSq,
    counts: a.counts.map((c, i) => c - (b.counts[i] ?? 0)),
  };
}
