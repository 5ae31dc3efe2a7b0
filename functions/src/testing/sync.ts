/** POST /sync for one feed, as the device sends it, its answer checked by the feed's own schema. Tests only. */
import * as v from 'valibot';
import {
  SYNC_FEEDS,
  SYNC_PATH,
  type FeedAnswer,
  type FeedCursor,
  type FeedName,
} from '../../../src/domain/sync-protocol';
import type { ApiRequest, ApiResponse } from '../api/http';
import { bodyJson } from './http';

export function syncRequest(feeds: Record<string, unknown>, token: string): ApiRequest {
  const bytes = new TextEncoder().encode(JSON.stringify({ feeds }));
  return {
    method: 'POST',
    path: `/api${SYNC_PATH}`,
    query: new URLSearchParams(),
    headers: {
      authorization: `Bearer ${token}`,
      'content-length': String(bytes.byteLength),
      'content-type': 'application/json',
    },
    body: bytes,
  };
}

export { bodyJson } from './http';

/** The answer of feed `feed` in a /sync response, validated by SYNC_FEEDS[feed].answer. */
export function feedAnswer<F extends FeedName>(res: ApiResponse, feed: F): FeedAnswer<F> {
  if (res.status !== 200) throw new Error(`sync answered ${res.status}: ${JSON.stringify(bodyJson(res))}`);
  const body = v.parse(v.object({ feeds: v.record(v.string(), v.unknown()) }), bodyJson(res));
  // The schema's output is this feed's answer type; valibot's inference over the indexed entry is
  // not narrowed by the generic F.
  return v.parse(SYNC_FEEDS[feed].answer, body.feeds[feed]) as FeedAnswer<F>;
}

/** Syncs one feed through `api`. */
export async function syncOne<F extends FeedName>(
  api: (request: ApiRequest) => Promise<ApiResponse>,
  token: string,
  feed: F,
  cursor: FeedCursor<F>,
): Promise<FeedAnswer<F>> {
  return feedAnswer(await api(syncRequest({ [feed]: cursor }, token)), feed);
}
