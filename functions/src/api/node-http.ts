import { problem } from '../../../src/domain/problems';
import { error, type ApiRequest, type ApiResponse } from './http';

/** The parts of a firebase-functions (Express) request the API reads. */
export interface IncomingLike {
  method?: string | undefined;
  url?: string | undefined;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Set by the Functions framework: the body exactly as received. */
  rawBody?: Buffer | undefined;
}

/** The parts of an Express response the API writes. */
export interface OutgoingLike {
  status(code: number): unknown;
  setHeader(name: string, value: string): unknown;
  end(body?: string | Uint8Array): unknown;
}

export function toApiRequest(req: IncomingLike): ApiRequest {
  // Only the path and query are taken from the URL; the base is a placeholder.
  const url = new URL(req.url ?? '/', 'http://function.invalid');
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    path: url.pathname,
    query: url.searchParams,
    headers,
    body: req.rawBody,
  };
}

export function sendApiResponse(res: OutgoingLike, response: ApiResponse): void {
  res.status(response.status);
  for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
  res.end(response.body);
}

/**
 * One request end to end, for the Functions entry point: whatever throws outside the API's own
 * handling (making the API, reading the request) still answers JSON with a code, never the
 * framework's HTML page or a stack trace; the fault itself goes to `logError`.
 */
export async function serveNodeRequest(
  getApi: () => (request: ApiRequest) => Promise<ApiResponse>,
  req: IncomingLike,
  res: OutgoingLike,
  logError: (message: string, error: unknown) => void,
): Promise<void> {
  let response: ApiResponse;
  try {
    response = await getApi()(toApiRequest(req));
  } catch (e) {
    logError('api: fault outside the router', e);
    response = error(500, problem('api.internal'));
  }
  sendApiResponse(res, response);
}
