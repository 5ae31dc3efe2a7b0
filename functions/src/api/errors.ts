/**
 * A failure a handler reports to the caller: an HTTP status, a stable code for the client, and a
 * message fit to show a Japanese user. Anything else thrown is a server fault (500).
 */
export class HandlerError extends Error {
  override name = 'HandlerError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (message = '見つかりません') => new HandlerError(404, 'not_found', message);
export const badRequest = (message: string) => new HandlerError(400, 'invalid_request', message);
export const forbidden = () => new HandlerError(403, 'forbidden', 'この操作は許可されていません');
