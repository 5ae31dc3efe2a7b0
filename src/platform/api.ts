import * as v from 'valibot';
import { chunkText, ChunkFormatError, type ChunkText } from '../domain/directory-codec';
import { problem, type Problem } from '../domain/problems';
import type { Mutation } from '../domain/mutations';
import { StaffDetailSchema, type StaffDetail } from '../domain/profile';
import { API_PATHS, ApiErrorSchema, PushResponseSchema, type PushResponse } from '../domain/protocol';
import { SYNC_PATH, SyncResponseSchema, type SyncRequest } from '../domain/sync-protocol';
import { TransportError, type SyncEnvelope, type Transport } from '../sync/ports';
import {
  ACCESS_PATHS,
  PendingGrantsSchema,
  SIGNED_OUT,
  SignOutAnswerSchema,
  TOKEN_STALE,
  type PendingGrants,
  type SignOutAnswer,
} from '../domain/access';
import { AUDIT_PATH, AuditPageSchema, auditSearch, type AuditPage, type AuditQuery } from '../domain/audit';
import { RecognitionSummarySchema, type RecognitionSummary } from '../domain/yell-aggregate';
import { RecognitionSettingsSchema, type RecognitionSettings } from '../domain/yells';
import {
  AwardsConfigSchema,
  NominationAuditSchema,
  type AwardsConfig,
  type NominationAudit,
} from '../domain/nominations';

export interface HttpTransportOptions {
  apiBase: string;
  /** The ID token; `forceRefresh` asks Auth for a new one (after `auth.tokenStale`). */
  getToken: (forceRefresh?: boolean) => Promise<string | null>;
  fetch?: typeof fetch;
  /**
   * Called when the server says this person was signed out of every device, or retired
   * (`auth.signedOut`): the app deletes what the device holds and signs out (src/app/session.ts).
   * The request still fails with that refusal.
   */
  onSignedOut?: () => Promise<void> | void;
}

/** Per-person reads that are not part of directory sync (D4). Throws TransportError. */
export interface ProfileApi {
  fetchStaffDetail(staffId: string): Promise<StaffDetail>;
}

/** Reads of the recognition summary (R3), for managers and HR, online only. Throws TransportError. */
export interface RecognitionApi {
  /** `unitId` null: the caller's default scope (a manager's own 部, HR's whole organisation). */
  fetchRecognitionSummary(unitId: string | null): Promise<RecognitionSummary>;
}

/** The award committee's read of one nomination's audit log (C2), online only. Throws TransportError. */
export interface NominationApi {
  fetchNominationAudit(nominationId: string): Promise<NominationAudit>;
}

/** HR's reads of the audit log and its grants of 人事, and signing a person out everywhere (A2, A3, A6), online only. */
export interface AccessApi {
  fetchAuditLog(query: AuditQuery): Promise<AuditPage>;
  fetchPendingGrants(): Promise<PendingGrants>;
  confirmGrant(staffId: string): Promise<void>;
  signOutEverywhere(staffId: string): Promise<SignOutAnswer>;
}

/** HR's settings of the organisation (R1 values, R4 daily cap, C1 awards), online only. Throws TransportError. */
export interface AdminApi {
  saveRecognitionSettings(settings: RecognitionSettings): Promise<RecognitionSettings>;
  saveAwards(config: AwardsConfig): Promise<AwardsConfig>;
}

/**
 * The roster import's calls (issue 21, A1), HR only, online only: each answer is the server's JSON,
 * checked by the roster screen with its own types. Throws TransportError.
 */
export interface RosterApi {
  rosterPost(path: string, body: unknown): Promise<unknown>;
}

/**
 * The surveys' online calls (S1-S4). `answerAnonymously` is sent without the ID token and without
 * cookies (the photo cookie holds the ID token too): nothing in it names the sender.
 */
export interface SurveyApi {
  surveyJson(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown>;
  answerAnonymously(path: string, body: unknown): Promise<unknown>;
}

/** The sync engine's Transport over HTTPS to the functions API. */
export function httpTransport({
  apiBase,
  getToken,
  fetch: doFetch = fetch,
  onSignedOut,
}: HttpTransportOptions): Transport &
  ProfileApi &
  RecognitionApi &
  NominationApi &
  AdminApi &
  AccessApi &
  RosterApi &
  SurveyApi {
  async function send(path: string, init: RequestInit, forceRefresh: boolean): Promise<Response> {
    const token = await getToken(forceRefresh);
    if (!token) throw failure(problem('api.unauthenticated'), 401, 'unauthenticated');
    try {
      return await doFetch(apiBase + path, {
        ...init,
        headers: { ...init.headers, Authorization: `Bearer ${token}` },
      });
    } catch {
      throw failure(problem('sync.offline'), 0, 'offline');
    }
  }

  /** The refusal code of a 401, read from a copy so the answer can still be read by the caller. */
  async function codeOf401(res: Response): Promise<string | null> {
    if (res.status !== 401) return null;
    const body: unknown = await res
      .clone()
      .json()
      .catch(() => null);
    const parsed = v.safeParse(ApiErrorSchema, body);
    return parsed.success ? parsed.output.code : null;
  }

  async function request(path: string, init: RequestInit = {}): Promise<Response> {
    let res = await send(path, init, false);
    // The person's rights changed since this token was issued: a fresh token carries the new
    // claims. Once only: a second refusal is the answer.
    if ((await codeOf401(res)) === TOKEN_STALE) res = await send(path, init, true);
    if ((await codeOf401(res)) === SIGNED_OUT) await onSignedOut?.();
    if (!res.ok) {
      const body: unknown = await res.json().catch(() => null);
      const parsed = v.safeParse(ApiErrorSchema, body);
      if (!parsed.success) throw failure(problem('api.httpError', { status: res.status }), res.status, 'http');
      const { code, params, message } = parsed.output;
      throw new TransportError(message ?? code, res.status, code, {
        code,
        ...(params !== undefined && { params }),
        ...(message !== undefined && { message }),
      });
    }
    return res;
  }

  function postJson(path: string, body: unknown): Promise<Response> {
    return request(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  async function json<T>(schema: v.GenericSchema<unknown, T>, res: Response): Promise<T> {
    const parsed = v.safeParse(schema, await res.json());
    if (!parsed.success) throw failure(problem('api.badResponse'), 502, 'bad-response');
    return parsed.output;
  }

  return {
    async sync(body: SyncRequest): Promise<SyncEnvelope> {
      // Every feed's cursor in one request; each feed's answer is checked by the engine with its own schema.
      return json(SyncResponseSchema, await postJson(SYNC_PATH, body));
    },
    async directoryChunk(snapshotId, n): Promise<ChunkText> {
      const res = await request(API_PATHS.directoryChunk(snapshotId, n));
      // Chunks are stored gzipped and sent as bytes, so no proxy re-encodes them on the way.
      const body = res.body;
      if (!body) throw failure(problem('directory.chunkInvalid'), 502, 'bad-response');
      const text = await new Response(body.pipeThrough(new DecompressionStream('gzip'))).text();
      try {
        return chunkText(text);
      } catch (e) {
        if (e instanceof ChunkFormatError) throw failure(e.problem, 502, 'bad-response');
        throw e;
      }
    },
    async push(mutations: readonly Mutation[]): Promise<PushResponse> {
      return json(PushResponseSchema, await postJson(API_PATHS.mutations, { mutations }));
    },
    async fetchStaffDetail(staffId: string): Promise<StaffDetail> {
      return json(StaffDetailSchema, await request(API_PATHS.staffDetail(staffId)));
    },
    async fetchNominationAudit(nominationId: string): Promise<NominationAudit> {
      return json(NominationAuditSchema, await request(API_PATHS.nominationAudit(nominationId)));
    },
    async saveRecognitionSettings(settings: RecognitionSettings): Promise<RecognitionSettings> {
      return json(RecognitionSettingsSchema, await postJson(API_PATHS.recognitionSettings, settings));
    },
    async saveAwards(config: AwardsConfig): Promise<AwardsConfig> {
      return json(AwardsConfigSchema, await postJson(API_PATHS.awards, config));
    },
    async fetchAuditLog(query: AuditQuery): Promise<AuditPage> {
      return json(AuditPageSchema, await request(`${AUDIT_PATH}${auditSearch(query)}`));
    },
    async fetchPendingGrants(): Promise<PendingGrants> {
      return json(PendingGrantsSchema, await request(ACCESS_PATHS.pendingGrants));
    },
    async confirmGrant(staffId: string): Promise<void> {
      await postJson(ACCESS_PATHS.confirmGrant(staffId), {});
    },
    async signOutEverywhere(staffId: string): Promise<SignOutAnswer> {
      return json(SignOutAnswerSchema, await postJson(ACCESS_PATHS.signOutEverywhere(staffId), {}));
    },
    async rosterPost(path: string, body: unknown): Promise<unknown> {
      return (await postJson(path, body)).json();
    },
    async surveyJson(method, path, body) {
      const res = method === 'GET' ? await request(path) : await postJson(path, body ?? {});
      return res.json();
    },
    async answerAnonymously(path, body) {
      let res: Response;
      try {
        res = await doFetch(apiBase + path, {
          method: 'POST',
          credentials: 'omit',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        });
      } catch {
        throw failure(problem('sync.offline'), 0, 'offline');
      }
      const answer: unknown = await res.json().catch(() => null);
      if (res.ok) return answer;
      const parsed = v.safeParse(ApiErrorSchema, answer);
      if (!parsed.success) throw failure(problem('api.httpError', { status: res.status }), res.status, 'http');
      const { code, params } = parsed.output;
      throw new TransportError(code, res.status, code, { code, ...(params !== undefined && { params }) });
    },
    async fetchRecognitionSummary(unitId: string | null): Promise<RecognitionSummary> {
      const q = unitId === null ? '' : `?${new URLSearchParams({ unit: unitId })}`;
      return json(RecognitionSummarySchema, await request(`${API_PATHS.recognitionSummary}${q}`));
    },
  };
}

/** A TransportError for a problem the device itself names. */
function failure(refusal: Problem, status: number, code: string): TransportError {
  return new TransportError(refusal.code, status, code, refusal);
}
