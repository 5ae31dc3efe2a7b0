/**
 * What a sync costs when nothing changed, on a running stack (for the bench's
 * `sync.nochange_requests` and `sync.nochange_reads`, and the integration test that checks them).
 * The device's cursors are brought to the head first; then one more POST /sync is sent and its
 * document reads are taken from the `X-Document-Reads` header, which the functions add only inside
 * the Functions emulator (functions/src/index.ts, api/router.ts READS_HEADER).
 */
import * as v from 'valibot';
import { FEED_NAMES, SYNC_FEEDS, SYNC_PATH, type FeedName } from '../src/domain/sync-protocol';

export const READS_HEADER = 'x-document-reads';

const FRESH: Record<FeedName, unknown> = {
  directory: { snapshotId: null, version: 0 },
  communities: { version: 0 },
  yells: { version: 0 },
  notifications: { version: 0 },
  nominations: { version: 0 },
  trainings: { version: 0 },
  surveys: { version: 0 },
};

export interface SyncCall {
  feeds: Record<string, unknown>;
  /** Document reads the server counted for this call; null when the header is absent. */
  reads: number | null;
}

/** One POST /sync; every answer is checked by its feed's schema. */
export async function postSync(
  functionsUrl: string,
  idToken: string,
  feeds: Record<string, unknown>,
): Promise<SyncCall> {
  const res = await fetch(functionsUrl + SYNC_PATH, {
    method: 'POST',
    headers: { Authorization: `Bearer ${idToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ feeds }),
  });
  if (res.status !== 200) throw new Error(`POST ${SYNC_PATH} answered ${res.status}: ${await res.text()}`);
  const body = v.parse(v.object({ feeds: v.record(v.string(), v.unknown()) }), await res.json());
  for (const name of FEED_NAMES) if (name in body.feeds) v.parse(SYNC_FEEDS[name].answer, body.feeds[name]);
  const header = res.headers.get(READS_HEADER);
  return { feeds: body.feeds, reads: header === null ? null : Number(header) };
}

/** The cursors after applying one answer, as the device keeps them. */
export function nextCursors(
  cursors: Record<FeedName, unknown>,
  feeds: Record<string, unknown>,
): Record<FeedName, unknown> {
  const next = { ...cursors };
  for (const name of FEED_NAMES) {
    const raw = feeds[name];
    if (raw === undefined) continue;
    if (name === 'directory') {
      const d = v.parse(SYNC_FEEDS.directory.answer, raw);
      const held = v.parse(SYNC_FEEDS.directory.cursor, cursors.directory);
      next.directory =
        d.kind === 'snapshot'
          ? { snapshotId: d.snapshot.id, version: d.snapshot.version }
          : { ...held, version: d.version };
    } else next[name] = { version: v.parse(v.object({ version: v.number() }), raw).version };
  }
  return next;
}

/** Brings a fresh device's cursors to the head (at most `rounds` calls). */
export async function catchUp(functionsUrl: string, idToken: string, rounds = 50): Promise<Record<FeedName, unknown>> {
  let cursors = { ...FRESH };
  for (let n = 0; n < rounds; n++) {
    const next = nextCursors(cursors, (await postSync(functionsUrl, idToken, cursors)).feeds);
    if (JSON.stringify(next) === JSON.stringify(cursors)) return cursors;
    cursors = next;
  }
  throw new Error(`the feeds did not catch up in ${rounds} syncs`);
}

/** HTTPS calls and document reads of one sync when nothing changed. */
export async function noChangeSyncCost(
  functionsUrl: string,
  idToken: string,
): Promise<{
  requests: number;
  reads: number | null;
  feeds: Record<string, unknown>;
  cursors: Record<FeedName, unknown>;
}> {
  const cursors = await catchUp(functionsUrl, idToken);
  const call = await postSync(functionsUrl, idToken, cursors);
  return { requests: 1, reads: call.reads, feeds: call.feeds, cursors };
}
