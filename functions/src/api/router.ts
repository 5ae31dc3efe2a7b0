import { problem } from '../../../src/domain/problems';
import { API_PATHS } from '../../../src/domain/protocol';
import { SYNC_PATH } from '../../../src/domain/sync-protocol';
import { SERVER_FEATURES } from '../features';
import type { AnyRoute } from '../features/feature';
import type { ServerStores } from '../features/stores';
import { me } from '../handlers/me';
import { pushMutations } from '../handlers/push-mutations';
import { syncFeeds } from '../handlers/sync';
import { VersionContentionError } from '../kit/versioned';
import { tokenCheck } from '../features/access/token';
import { authenticate, type TokenVerifier } from './auth';
import { forbidden, HandlerError } from './errors';
import { error, json, MAX_BODY_BYTES, type ApiRequest, type ApiResponse } from './http';
import { exact, parseJsonBody } from './params';

export { ADMIN_PATHS } from '../features/directory';

/**
 * The header that carries a request's document reads (kit/reads.ts), set only when `exposeReads`
 * is: index.ts sets it only inside the Functions emulator, so production never sends it.
 */
export const READS_HEADER = 'X-Document-Reads';

export interface ApiDeps {
  stores: ServerStores;
  verifier: TokenVerifier;
  /** Where server faults are reported; their details never reach the client. */
  logError?: (message: string, error: unknown) => void;
  /** Adds READS_HEADER to every answer (the local stack's bench reads it). */
  exposeReads?: boolean;
}

export type Api = (request: ApiRequest) => Promise<ApiResponse>;

export function createApi(deps: ApiDeps): Api {
  const { stores } = deps;
  const routes: AnyRoute[] = [
    { method: 'GET', pattern: exact(API_PATHS.me), handle: async ({ claims }) => json(200, me(claims)) },
    {
      method: 'POST',
      pattern: exact(API_PATHS.mutations),
      handle: async ({ claims, request }) =>
        json(200, await pushMutations(stores, claims, parseJsonBody(request.body))),
    },
    {
      method: 'POST',
      pattern: exact(SYNC_PATH),
      // The caller's token is checked in the sync's one batched get (one read more, no round trip).
      checksToken: true,
      handle: async ({ claims, request, token }) =>
        json(200, await syncFeeds(stores, claims, parseJsonBody(request.body), token)),
    },
    ...SERVER_FEATURES.flatMap((f) => f.routes ?? []),
  ];

  return async (request) => {
    try {
      const path = stripApiPrefix(request.path);
      const matching = routes.flatMap((route) => {
        const m = route.pattern.exec(path);
        return m ? [{ route, params: m.slice(1) }] : [];
      });
      if (matching.length === 0) return error(404, problem('api.notFound'));
      const found = matching.find(({ route }) => route.method === request.method);
      if (!found) {
        const res = error(405, problem('api.methodNotAllowed'));
        res.headers['Allow'] = matching.map(({ route }) => route.method).join(', ');
        return res;
      }
      const anyRoute = found.route;
      if (anyRoute.anonymous === true) {
        if (bodyTooLarge(request)) return error(413, problem('api.tooLarge', { maxKb: MAX_BODY_BYTES / 1024 }));
        try {
          return await anyRoute.handle({ request, params: found.params, stores });
        } catch (e) {
          if (e instanceof HandlerError) return error(e.status, e.problem);
          if (e instanceof VersionContentionError) return error(503, problem('api.busy'));
          // Nothing of the request, and no stack that could hold part of it: the error's name alone.
          (deps.logError ?? ((message, err) => console.error(message, err)))(
            'api: anonymous route fault',
            e instanceof Error ? e.name : 'unknown',
          );
          return error(500, problem('api.internal'));
        }
      }
      const route = anyRoute;
      const authorization =
        request.headers['authorization'] ??
        (route.cookieAuth ? sessionCookieBearer(request.headers['cookie']) : undefined);
      const { claims, token: times } = await authenticate(authorization, deps.verifier);
      if (bodyTooLarge(request)) return error(413, problem('api.tooLarge', { maxKb: MAX_BODY_BYTES / 1024 }));
      const { result, reads } = await stores.reads.measure(async () => {
        // Before the role: a token issued before a promotion is told to refresh, not refused.
        const token = tokenCheck(stores, claims, times);
        if (!route.checksToken) {
          await stores.reader.readAll(token.reads);
          token.check();
        }
        if (route.roles && !route.roles.includes(claims.role)) throw forbidden();
        return route.handle({ request, claims, params: found.params, stores, token });
      });
      if (deps.exposeReads) result.headers[READS_HEADER] = String(reads);
      return result;
    } catch (e) {
      return toErrorResponse(e, deps.logError ?? ((message, err) => console.error(message, err)));
    }
  };
}

/** The hosting rewrite passes `/api/...` through unchanged; a direct call to the function has no prefix. */
function stripApiPrefix(path: string): string {
  const stripped = path.replace(/^\/api(?=\/|$)/, '');
  return stripped === '' ? '/' : stripped;
}

function bodyTooLarge(request: ApiRequest): boolean {
  const declared = Number(request.headers['content-length'] ?? 0);
  return declared > MAX_BODY_BYTES || (request.body?.byteLength ?? 0) > MAX_BODY_BYTES;
}

/** `__session=<ID token>` from a Cookie header, as an Authorization value. */
function sessionCookieBearer(cookie: string | undefined): string | undefined {
  const token = /(?:^|;\s*)__session=([^;\s]+)/.exec(cookie ?? '')?.[1];
  return token ? `Bearer ${token}` : undefined;
}

function toErrorResponse(e: unknown, logError: (message: string, error: unknown) => void): ApiResponse {
  if (e instanceof HandlerError) return error(e.status, e.problem);
  if (e instanceof VersionContentionError) {
    // Many writers at once; the client retries with backoff, and its mutations are idempotent.
    return error(503, problem('api.busy'));
  }
  logError('api: unhandled error', e);
  return error(500, problem('api.internal'));
}
