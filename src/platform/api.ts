import * as v from 'valibot';
import { chunkText, ChunkFormatError, type ChunkText } from '../domain/directory-codec';
import type { Mutation } from '../domain/mutations';
import { StaffDetailSchema, type StaffDetail } from '../domain/profile';
import {
  API_PATHS,
  ApiErrorSchema,
  DirectorySyncResponseSchema,
  PushResponseSchema,
  type DirectorySyncResponse,
  type PushResponse,
} from '../domain/protocol';
import { TransportError, type Transport } from '../sync/ports';
import { CommunitiesPageSchema, type CommunitiesPage } from '../domain/communities';
import type { CommunityTransport } from '../sync/communities';
import { NotificationsPageSchema, type NotificationsPage } from '../domain/notifications';
import { RecognitionSummarySchema, type RecognitionSummary } from '../domain/yell-aggregate';
import {
  RecognitionMeSchema,
  RecognitionSettingsSchema,
  YellsPageSchema,
  type RecognitionMe,
  type RecognitionSettings,
  type YellsPage,
} from '../domain/yells';
import type { NotificationTransport } from '../sync/notifications';
import type { RecognitionTransport, YellTransport } from '../sync/yells';
import {
  AwardsConfigSchema,
  NominationAuditSchema,
  NominationsPageSchema,
  type AwardsConfig,
  type NominationAudit,
  type NominationsPage,
} from '../domain/nominations';
import type { NominationTransport } from '../sync/nominations';

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

/** The sync engine's Transport over HTTPS to the functions API. */
export function httpTransport({
  apiBase,
  getToken,
  fetch: doFetch = fetch,
}: HttpTransportOptions): Transport &
  CommunityTransport &
  ProfileApi &
  YellTransport &
  RecognitionTransport &
  NotificationTransport &
  RecognitionApi &
  NominationTransport &
  NominationApi &
  AdminApi {
  async function request(path: string, init: RequestInit = {}): Promise<Response> {
    const token = await getToken();
    if (!token) throw new TransportError('サインインしてください', 401, 'unauthenticated');
    let res: Response;
    try {
      res = await doFetch(apiBase + path, {
        ...init,
        headers: { ...init.headers, Authorization: `Bearer ${token}` },
      });
    } catch {
      throw new TransportError('オフラインです', 0, 'offline');
    }
    if (!res.ok) {
      const body: unknown = await res.json().catch(() => null);
      const parsed = v.safeParse(ApiErrorSchema, body);
      throw new TransportError(
        parsed.success ? parsed.output.message : `サーバーエラー (${res.status})`,
        res.status,
        parsed.success ? parsed.output.code : 'http',
      );
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
    if (!parsed.success) throw new TransportError('サーバーの応答が正しくありません', 502, 'bad-response');
    return parsed.output;
  }

  return {
    async directorySync({ snapshotId, version }): Promise<DirectorySyncResponse> {
      const q = new URLSearchParams({ version: String(version) });
      if (snapshotId) q.set('snapshot', snapshotId);
      return json(DirectorySyncResponseSchema, await request(`${API_PATHS.directorySync}?${q}`));
    },
    async directoryChunk(snapshotId, n): Promise<ChunkText> {
      const res = await request(API_PATHS.directoryChunk(snapshotId, n));
      // Chunks are stored gzipped and sent as bytes, so no proxy re-encodes them on the way.
      const body = res.body;
      if (!body) throw new TransportError('名簿データが空です', 502, 'bad-response');
      const text = await new Response(body.pipeThrough(new DecompressionStream('gzip'))).text();
      try {
        return chunkText(text);
      } catch (e) {
        if (e instanceof ChunkFormatError) throw new TransportError(e.message, 502, 'bad-response');
        throw e;
      }
    },
    async push(mutations: readonly Mutation[]): Promise<PushResponse> {
      const res = await request(API_PATHS.mutations, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ mutations }),
      });
      return json(PushResponseSchema, res);
    },
    async communitiesSince(version: number): Promise<CommunitiesPage> {
      const q = new URLSearchParams({ since: String(version) });
      return json(CommunitiesPageSchema, await request(`${API_PATHS.communities}?${q}`));
    },
    async fetchStaffDetail(staffId: string): Promise<StaffDetail> {
      return json(StaffDetailSchema, await request(API_PATHS.staffDetail(staffId)));
    },
    async yellsSince(version: number): Promise<YellsPage> {
      const q = new URLSearchParams({ since: String(version) });
      return json(YellsPageSchema, await request(`${API_PATHS.yells}?${q}`));
    },
    async notificationsSince(version: number): Promise<NotificationsPage> {
      const q = new URLSearchParams({ since: String(version) });
      return json(NotificationsPageSchema, await request(`${API_PATHS.notifications}?${q}`));
    },
    async recognitionSettings(): Promise<RecognitionSettings> {
      return json(RecognitionSettingsSchema, await request(API_PATHS.recognitionSettings));
    },
    async recognitionMe(): Promise<RecognitionMe> {
      return json(RecognitionMeSchema, await request(API_PATHS.recognitionMe));
    },
    async nominationsSince(version: number): Promise<NominationsPage> {
      const q = new URLSearchParams({ since: String(version) });
      return json(NominationsPageSchema, await request(`${API_PATHS.nominations}?${q}`));
    },
    async awards(): Promise<AwardsConfig> {
      return json(AwardsConfigSchema, await request(API_PATHS.awards));
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
    async fetchRecognitionSummary(unitId: string | null): Promise<RecognitionSummary> {
      const q = unitId === null ? '' : `?${new URLSearchParams({ unit: unitId })}`;
      return json(RecognitionSummarySchema, await request(`${API_PATHS.recognitionSummary}${q}`));
    },
  };
}
