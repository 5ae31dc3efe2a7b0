import * as v from 'valibot';
import { API_PATHS, SnapshotManifestSchema, type Claims } from '../../../src/domain/protocol';
import type { Role } from '../../../src/domain/org';
import { getDirectoryChunk } from '../handlers/directory-chunk';
import { buildDirectorySnapshot } from '../handlers/directory-snapshot';
import { syncDirectory, type SyncQuery } from '../handlers/directory-sync';
import { badRequest, forbidden, HandlerError } from '../handlers/errors';
import { communitiesSince } from '../handlers/communities';
import { getAwards, nominationAudit, nominationsSince, putAwards } from '../handlers/nominations';
import { me } from '../handlers/me';
import { readPhoto } from '../handlers/photos';
import { pushMutations } from '../handlers/push-mutations';
import { getStaffDetail } from '../handlers/staff-detail';
import { notificationsSince } from '../handlers/notifications';
import {
  getRecognitionMe,
  getRecognitionSettings,
  getRecognitionSummary,
  putRecognitionSettings,
} from '../handlers/recognition';
import { yellsSince } from '../handlers/yells';
import { VersionContentionError, type Store } from '../store/port';
import { authenticate, type TokenVerifier } from './auth';
import { error, gzipChunk, json, MAX_BODY_BYTES, webpImage, type ApiRequest, type ApiResponse } from './http';

/** Paths only the functions serve (the app's paths are in src/domain/protocol.ts). */
export const ADMIN_PATHS = {
  rebuildSnapshot: '/admin/directory/snapshot',
} as const;

export interface ApiDeps {
  store: Store;
  verifier: TokenVerifier;
  /** Where server faults are reported; their details never reach the client. */
  logError?: (message: string, error: unknown) => void;
}

export type Api = (request: ApiRequest) => Promise<ApiResponse>;

interface Context {
  request: ApiRequest;
  claims: Claims;
  params: readonly string[];
}

interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  /** Roles allowed; absent means every signed-in member of the organisation. */
  roles?: readonly Role[];
  /**
   * Photos load through <img>, which sends no Authorization header: these routes also take the ID
   * token from the `__session` cookie (the one cookie Firebase Hosting passes to functions).
   */
  cookieAuth?: boolean;
  handle(ctx: Context): Promise<ApiResponse>;
}

const SNAPSHOT_ID = SnapshotManifestSchema.entries.id;
const exact = (path: string) => new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

export function createApi(deps: ApiDeps): Api {
  installJapaneseValidationMessages();
  const { store } = deps;
  const routes: Route[] = [
    { method: 'GET', pattern: exact(API_PATHS.me), handle: async ({ claims }) => json(200, me(claims)) },
    {
      method: 'GET',
      pattern: exact(API_PATHS.directorySync),
      handle: async ({ claims, request }) =>
        json(200, await syncDirectory(store, claims.orgId, parseSyncQuery(request.query))),
    },
    {
      method: 'GET',
      pattern: /^\/directory\/snapshots\/([^/]+)\/chunks\/([^/]+)$/,
      handle: async ({ claims, params }) => {
        const { snapshotId, n } = parseChunkParams(params);
        return gzipChunk(await getDirectoryChunk(store, claims.orgId, snapshotId, n));
      },
    },
    {
      method: 'GET',
      pattern: exact(API_PATHS.communities),
      handle: async ({ claims, request }) =>
        json(200, await communitiesSince(store, claims.orgId, parseSince(request.query))),
    },
    {
      method: 'GET',
      pattern: exact(API_PATHS.nominations),
      handle: async ({ claims, request }) =>
        json(200, await nominationsSince(store, claims, parseSince(request.query))),
    },
    {
      method: 'GET',
      pattern: /^\/nominations\/([A-Za-z0-9-]{8,64})\/audit$/,
      handle: async ({ claims, params }) =>
        json(200, { entries: await nominationAudit(store, claims, params[0] ?? '') }),
    },
    {
      method: 'GET',
      pattern: exact(API_PATHS.awards),
      handle: async ({ claims }) => json(200, await getAwards(store, claims.orgId)),
    },
    {
      method: 'POST',
      pattern: exact(API_PATHS.awards),
      roles: ['hr'],
      handle: async ({ claims, request }) =>
        json(200, await putAwards(store, claims.orgId, parseJsonBody(request.body))),
    },
    {
      method: 'GET',
      pattern: exact(API_PATHS.yells),
      handle: async ({ claims, request }) => json(200, await yellsSince(store, claims, parseSince(request.query))),
    },
    {
      method: 'GET',
      pattern: exact(API_PATHS.notifications),
      handle: async ({ claims, request }) =>
        json(200, await notificationsSince(store, claims, parseSince(request.query))),
    },
    {
      method: 'GET',
      pattern: exact(API_PATHS.recognitionSettings),
      handle: async ({ claims }) => json(200, await getRecognitionSettings(store, claims.orgId)),
    },
    {
      method: 'POST',
      pattern: exact(API_PATHS.recognitionSettings),
      roles: ['hr'],
      handle: async ({ claims, request }) =>
        json(200, await putRecognitionSettings(store, claims.orgId, parseJsonBody(request.body))),
    },
    {
      method: 'GET',
      pattern: exact(API_PATHS.recognitionSummary),
      handle: async ({ claims, request }) =>
        json(200, await getRecognitionSummary(store, claims, request.query.get('unit'))),
    },
    {
      method: 'GET',
      pattern: exact(API_PATHS.recognitionMe),
      handle: async ({ claims }) => json(200, await getRecognitionMe(store, claims)),
    },
    {
      method: 'POST',
      pattern: exact(API_PATHS.mutations),
      handle: async ({ claims, request }) => json(200, await pushMutations(store, claims, parseJsonBody(request.body))),
    },
    {
      method: 'GET',
      pattern: /^\/staff\/([^/]+)$/,
      handle: async ({ claims, params }) => json(200, await getStaffDetail(store, claims, parseStaffId(params[0]))),
    },
    {
      method: 'GET',
      pattern: /^\/photos\/([^/]+)$/,
      cookieAuth: true,
      handle: async ({ claims, params }) => webpImage(await readPhoto(store, claims, params[0] ?? '', 'thumb')),
    },
    {
      method: 'GET',
      pattern: /^\/photos\/([^/]+)\/large$/,
      cookieAuth: true,
      handle: async ({ claims, params }) => webpImage(await readPhoto(store, claims, params[0] ?? '', 'large')),
    },
    {
      method: 'POST',
      pattern: exact(ADMIN_PATHS.rebuildSnapshot),
      roles: ['hr'],
      handle: async ({ claims }) => {
        const { manifest, status } = await buildDirectorySnapshot(store, claims.orgId);
        return json(200, { snapshot: manifest, status });
      },
    },
  ];

  return async (request) => {
    try {
      const path = stripApiPrefix(request.path);
      const matching = routes.flatMap((route) => {
        const m = route.pattern.exec(path);
        return m ? [{ route, params: m.slice(1) }] : [];
      });
      if (matching.length === 0) return error(404, 'not_found', '見つかりません');
      const found = matching.find(({ route }) => route.method === request.method);
      if (!found) {
        const res = error(405, 'method_not_allowed', 'この操作には対応していません');
        res.headers['Allow'] = matching.map(({ route }) => route.method).join(', ');
        return res;
      }
      const authorization =
        request.headers['authorization'] ??
        (found.route.cookieAuth ? sessionCookieBearer(request.headers['cookie']) : undefined);
      const claims = await authenticate(authorization, deps.verifier);
      if (found.route.roles && !found.route.roles.includes(claims.role)) throw forbidden();
      if (bodyTooLarge(request)) return error(413, 'payload_too_large', '送信内容が大きすぎます');
      return await found.route.handle({ request, claims, params: found.params });
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

function parseSyncQuery(query: URLSearchParams): SyncQuery {
  const snapshot = query.get('snapshot') ?? '';
  const version = query.get('version') ?? '';
  if (snapshot !== '' && !v.is(SNAPSHOT_ID, snapshot)) throw badRequest('同期の指定（snapshot）が正しくありません');
  if (version !== '' && !/^\d{1,15}$/.test(version)) throw badRequest('同期の指定（version）が正しくありません');
  return { snapshotId: snapshot === '' ? null : snapshot, version: version === '' ? null : Number(version) };
}

function parseSince(query: URLSearchParams): number {
  const since = query.get('since') ?? '0';
  if (!/^\d{1,15}$/.test(since)) throw badRequest('同期の指定（since）が正しくありません');
  return Number(since);
}

function parseChunkParams(params: readonly string[]): { snapshotId: string; n: number } {
  let snapshotId: string;
  try {
    snapshotId = decodeURIComponent(params[0] ?? '');
  } catch {
    throw badRequest('名簿データの指定が正しくありません');
  }
  const n = params[1] ?? '';
  if (!v.is(SNAPSHOT_ID, snapshotId) || !/^\d{1,6}$/.test(n)) throw badRequest('名簿データの指定が正しくありません');
  return { snapshotId, n: Number(n) };
}

const STAFF_ID = /^[A-Za-z0-9_-]{1,40}$/;

function parseStaffId(param: string | undefined): string {
  if (param === undefined || !STAFF_ID.test(param)) throw badRequest('職員の指定が正しくありません');
  return param;
}

/** `__session=<ID token>` from a Cookie header, as an Authorization value. */
function sessionCookieBearer(cookie: string | undefined): string | undefined {
  const token = /(?:^|;\s*)__session=([^;\s]+)/.exec(cookie ?? '')?.[1];
  return token ? `Bearer ${token}` : undefined;
}

function parseJsonBody(body: Uint8Array | undefined): unknown {
  if (!body || body.byteLength === 0) throw badRequest('送信内容が空です');
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    throw badRequest('送信内容が正しい JSON ではありません');
  }
}

function toErrorResponse(e: unknown, logError: (message: string, error: unknown) => void): ApiResponse {
  if (e instanceof HandlerError) return error(e.status, e.code, e.message);
  if (e instanceof VersionContentionError) {
    // Many writers at once; the client retries with backoff, and its mutations are idempotent.
    return error(503, 'busy', '混み合っています。しばらくしてからもう一度お試しください');
  }
  logError('api: unhandled error', e);
  return error(500, 'internal', 'サーバーでエラーが発生しました。しばらくしてからもう一度お試しください');
}

/**
 * Valibot's built-in messages are English; a schema's own messages (the domain's, in Japanese)
 * still take precedence. This sets a process-wide default, which is what is wanted in the
 * functions, where every message may reach a Japanese user.
 */
function installJapaneseValidationMessages(): void {
  v.setGlobalMessage(() => '入力内容が正しくありません');
}
