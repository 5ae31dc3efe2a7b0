import { problem, type Problem } from '../../../src/domain/problems';

/**
 * A failure a handler reports to the caller: an HTTP status and a problem (a code and its params,
 * put into words by the device in its language). Anything else thrown is a server fault (500).
 */
export class HandlerError extends Error {
  override name = 'HandlerError';
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.code);
  }
}

export const notFound = (refusal: Problem = problem('api.notFound')) => new HandlerError(404, refusal);
export const badRequest = (refusal: Problem) => new HandlerError(400, refusal);
export const forbidden = (refusal: Problem = problem('api.forbidden')) => new HandlerError(403, refusal);
