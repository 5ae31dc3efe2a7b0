import { describe, expect, it } from 'vitest';
import { addAnswer, emptyFold, foldMean, foldMoments, foldVariance, mergeFolds } from './fold';
import type { Question } from './model';

const likert: Question = { id: 'q1', kind: 'likert', points: 4, text: '…' };
const multi: Question = { id: 'q2', kind: 'multiple', text: '…', choices: ['a', 'b', 'c'] };

describe('folds', () => {
  it('adds Likert answers into n, sums and the distribution', () => {
    const f = [4, 3, 3, 1].reduce((acc, v) => addAnswer(acc, likert, v), emptyFold(likert));
    expect(f).toEqual({ n: 4, sum: 11, sumSq: 35, counts: [1, 0, 2, 1] });
    expect(foldMean(f)).toBeCloseTo(2.75);
    // sample variance of 4,3,3,1: mean 2.75, squares 1.5625+0.0625+0.0625+3.0625=4.75, /3
    expect(foldVariance(f)).toBeCloseTo(4.75 / 3);
  });

  it('merges as if all answers were folded at once', () => {
    const a = [4, 2].reduce((acc, v) => addAnswer(acc, likert, v), emptyFold(likert));
    const b = [1, 3, 3].reduce((acc, v) => addAnswer(acc, likert, v), emptyFold(likert));
    const all = [4, 2, 1, 3, 3].reduce((acc, v) => addAnswer(acc, likert, v), emptyFold(likert));
    expect(mergeFolds(a, b)).toEqual(all);
    expect(foldMoments(mergeFolds(a, b))).toEqual(foldMoments(all));
  });

  it('counts a multiple choice answer in each chosen choice, once in n', () => {
    const f = addAnswer(addAnswer(emptyFold(multi), multi, [0, 2]), multi, [2]);
    expect(f).toEqual({ n: 2, sum: 0, sumSq: 0, counts: [1, 0, 2] });
  });

  it('has no mean for no answers and a variance of 0 for one', () => {
    expect(foldMean(emptyFold(likert))).toBeNaN();
    expect(foldVariance(addAnswer(emptyFold(likert), likert, 2))).toBe(0);
  });
});
