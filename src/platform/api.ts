import * as v from 'valibot';
import { chunkText, ChunkFormatError, type ChunkText } from '../domain/directory-codec';
import { problem, type Problem } from '../domain/problems';
import type { Mutation } from '../domain/mutations';
import { StaffDetailSchema, type StaffDetail } from '../domain/profile';
import { API_PATHS, ApiErrorSchema, PushResponseSchema, type PushResponse } from '../domain/protocol';
import { SYNC_PATH, SyncResponseSchema, type SyncRequest } from '../domain/sync-protocol';
import { TransportError, type SyncEnvelope, type Transport } from '../sync/ports';
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
  getToken: () => Promise<string | null>;
  fetch?: typeof fetch;
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

/** HR's settings of the organisation (R1 values, R4 daily cap, C1 awards), online only. Throws TransportError. */
export interface AdminApi {
  saveRecognitionSettings(settings: RecognitionSettings): Promise<RecognitionSettings>;
  saveAwards(config: AwardsConfig): Promise<AwardsConfig>;
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
}: HttpTransportOptions): Transport & ProfileApi & RecognitionApi & NominationApi & AdminApi & SurveyApi {
  async function request(path: string, init: RequestInit = {}): Promise<Response> {
    const token = await getToken();
    if (!token) throw failure(problem('api.unauthenticated'), 401, 'unauthenticated');
    let res: Response;
    try {
      res = await doFetch(apiBase + path, {
        ...init,
        headers: { ...init.headers, Authorization: `Bearer ${token}` },
      });
    } catch {
      throw failure(problem('sync.offline'), 0, 'offline');
    }
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
