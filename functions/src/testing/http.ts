/** Requests to the API as the Functions' HTTP adapter hands them over, and their JSON answers. Tests only. */
import type { ApiRequest, ApiResponse } from '../api/http';

/** `method path` as `token`'s caller, with `body` sent as JSON when given. */
export function apiRequest(method: string, path: string, token: string, body?: unknown): ApiRequest {
  const url = new URL(path, 'http://x.invalid');
  const bytes = body === undefined ? undefined : new TextEncoder().encode(JSON.stringify(body));
  return {
    method,
    path: url.pathname,
    query: url.searchParams,
    headers: {
      authorization: `Bearer ${token}`,
      ...(bytes ? { 'content-length': String(bytes.byteLength), 'content-type': 'application/json' } : {}),
    },
    body: bytes,
  };
}

export function bodyJson(res: ApiResponse): unknown {
  return JSON.parse(typeof res.body === 'string' ? res.body : new TextDecoder().decode(res.body));
}
