import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES } from '../../domain/problem-codes';
import { problem, type ProblemCode, type ProblemParams } from '../../domain/problems';
import { en } from './en';
import { ja } from './ja';
import { SYNC_EN } from './sync-en';
import { SYNC_JA } from './sync-ja';
import { problemText, type ProblemWords } from './words';

/** Params that every code's words can be made from: each param a code may have, with a value. */
const SAMPLE: Required<Record<keyof UnionToIntersection<ProblemParams[ProblemCode]>, string | number>> = {
  field: 'patch.hobbies',
  max: 20,
  min: 1,
  cap: 5,
  tags: 'hobbies',
  tag: 'chess<b>',
  maxKb: 16,
  maxMb: 20,
  status: 418,
  feed: 'yells',
  staffId: 's00001',
  date: '2026-04-01',
  taken: 12,
  chosen: 'shift_jis',
  likely: 'utf-8',
  encoding: 'shift_jis',
  line: 12,
  column: 'unit code',
  extra: 2,
  firstLine: 3,
  domains: 'demo-ku.example.jp',
  role: 'chief',
  padded: '000123',
  count: 2,
  unit: 'kakari-2',
  kind: 'ka',
  parent: 'bu-1',
  people: 's00001、s00002',
  units: 'kakari-1',
  into: 'kakari-1',
};
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

describe('problem words', () => {
  it.each([
    ['ja', ja],
    ['en', en],
  ] as const)('every code has words in %s (at run time too), none empty', (_lang, words: ProblemWords) => {
    expect(Object.keys(words).sort()).toEqual([...PROBLEM_CODES].sort());
    for (const code of PROBLEM_CODES) {
      const text = problemText({ code, params: SAMPLE }, words);
      expect(text.trim(), code).not.toBe('');
      expect(text, code).not.toContain('undefined');
    }
  });

  it('English words have no Japanese in them; Japanese ones do', () => {
    for (const code of PROBLEM_CODES) {
      expect(problemText({ code, params: SAMPLE }, en), code).not.toMatch(JAPANESE);
      expect(problemText({ code, params: SAMPLE }, ja), code).toMatch(JAPANESE);
    }
  });

  it('the sync badge words are the same as the full sets have', () => {
    for (const [code, say] of Object.entries(SYNC_EN)) expect(en[code as keyof typeof en]).toBe(say);
    for (const [code, say] of Object.entries(SYNC_JA)) expect(ja[code as keyof typeof ja]).toBe(say);
  });

  it('a refusal puts its params into its words', () => {
    expect(problemText(problem('yell.dailyCap', { cap: 5 }), ja)).toBe(
      '1日に送れるエールは5件までです。明日また送ってください',
    );
    expect(problemText(problem('yell.dailyCap', { cap: 5 }), en)).toBe(
      'You can send up to 5 yells a day. Please send more tomorrow',
    );
    expect(problemText(problem('edit.tagLength', { tags: 'hobbies', max: 20 }), ja)).toBe(
      '趣味・特技は1つ20文字以内で入力してください',
    );
    expect(problemText(problem('edit.tagLength', { tags: 'skills', max: 20 }), en)).toBe(
      'Skills: each can be at most 20 characters',
    );
  });

  it('an older server: no code, its message as it came; an unknown code with a message: the message', () => {
    expect(problemText({ message: '古いサーバーの文言' }, en)).toBe('古いサーバーの文言');
    expect(problemText({ code: 'yell.fromTheFuture', message: 'そのまま' }, en)).toBe('そのまま');
    expect(problemText({ code: 'yell.fromTheFuture' }, en)).toBe('This change was not accepted');
    expect(problemText({}, ja)).toBe('この変更は受け付けられませんでした');
  });
});
