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

export interface HttpTransportOptions {
  apiBase: string;
  getToken: () => Promise<string | null>;
  fetch?: typeof fetch;
}

/** Per-person reads that are not part of directory sync (D4). Throws TransportError. */
export interface ProfileApi {
  fetchStaffDetail(staffId: string): Promise<StaffDetail>;
}

/** The sync engine's Transport over HTTPS to the functions API. */
export function httpTransport({
  apiBase,
  getToken,
  fetch: doFetch = fetch,
}: HttpTransportOptions): Transport & CommunityTransport & ProfileApi {
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
  };
}
