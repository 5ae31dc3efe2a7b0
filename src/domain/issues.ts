import * as v from 'valibot';
import { isProblemCode } from './problem-codes';
import { problem, type Problem, type ProblemCode, type ProblemParams } from './problems';

/**
 * The bridge between valibot and problems.ts. A schema's message carries a code (and the params it
 * knows when it is built, such as a limit) instead of words: `says('yell.messageTooLong', { max })`.
 * The first issue of a failed parse becomes a Problem with the field that failed added to its params
 * (`field: 'patch.hobbies'`), so a screen can point at it. An issue with no code of ours (valibot's
 * built-in checks, a schema without a message) is `input.invalid`.
 */

/** What a schema's message holds: the code, then its params as JSON when it has any. */
export function says<C extends ProblemCode>(code: C, params?: Omit<ProblemParams[C], 'field'>): string {
  return params && Object.keys(params).length > 0 ? `${code} ${JSON.stringify(params)}` : code;
}

/** The problem of one valibot issue. */
export function problemOfIssue(issue: v.BaseIssue<unknown>): Problem {
  const field = v.getDotPath(issue) ?? undefined;
  const at = field === undefined ? {} : { field };
  const space = issue.message.indexOf(' ');
  const code = space < 0 ? issue.message : issue.message.slice(0, space);
  if (!isProblemCode(code)) return problem('input.invalid', at);
  const params: unknown = space < 0 ? {} : JSON.parse(issue.message.slice(space + 1));
  // A cast: the params were written by `says` for this very code, typed there.
  return { code, params: { ...(params as object), ...at } } as Problem;
}

/** The problem of a failed parse: its first issue's. */
export function problemOfIssues(issues: readonly v.BaseIssue<unknown>[]): Problem {
  const first = issues[0];
  return first ? problemOfIssue(first) : problem('input.invalid');
}
