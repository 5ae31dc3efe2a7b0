import type { Problem } from '../../../src/domain/problems';
import type { ApiError } from '../../../src/domain/protocol';

/** An HTTP request, free of any framework, so the API can be tested without one. */
export interface ApiRequest {
  method: string;
  /** Path without the query string, possibly still under the hosting rewrite's `/api`. */
  path: string;
  query: URLSearchParams;
  /** Lower-case names. */
  headers: Readonly<Record<string, string | undefined>>;
  body: Uint8Array | undefined;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array;
}

/** Requests larger than this are refused: the biggest legitimate one (50 mutations) is far smaller. */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * Chunks never change (a new snapshot gets a new id), so the browser may keep them for good.
 * `private`, not `public`: Firebase Hosting's CDN caches `public` function responses keyed by
 * URL (not by the Authorization header), and would then hand the directory to requests without
 * a token, past the function's sign-in check and any read logging.
 */
export const CHUNK_CACHE_CONTROL = 'private, max-age=31536000, immutable';

const COMMON_HEADERS = { 'X-Content-Type-Options': 'nosniff' } as const;

export function json(status: number, body: unknown): ApiResponse {
  return {
    status,
    // Sync answers change from one second to the next; no cache may keep them.
    headers: { ...COMMON_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
    body: JSON.stringify(body),
  };
}

/** An error answer: JSON with the problem's code, and its params when it has any (no words, no stack). */
export function error(status: number, refusal: Problem): ApiResponse {
  const { code, params } = refusal;
  return json(status, (Object.keys(params).length > 0 ? { code, params } : { code }) satisfies ApiError);
}

export function gzipChunk(bytes: Uint8Array): ApiResponse {
  return {
    status: 200,
    headers: { ...COMMON_HEADERS, 'Content-Type': 'application/gzip', 'Cache-Control': CHUNK_CACHE_CONTROL },
    body: bytes,
  };
}

/** A profile photo: content-addressed (a new photo gets a new id), so kept for good, as chunks are. */
export function webpImage(bytes: Uint8Array): ApiResponse {
  return {
    status: 200,
    headers: { ...COMMON_HEADERS, 'Content-Type': 'image/webp', 'Cache-Control': CHUNK_CACHE_CONTROL },
    body: bytes,
  };
}
