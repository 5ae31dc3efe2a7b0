/// <reference lib="webworker" />
/**
 * Search runs here, off the main thread: building the index for 40,000 people takes over a second
 * on a slow phone, and a keystroke must never wait for it. The worker reads the directory from
 * IndexedDB itself, so 40,000 records are never copied between threads.
 */
import { decodeChunkRow, mergeDirectory } from '../../db/directory-read';
import { readDirectoryMeta } from '../../db/directory-store';
import { AppDb } from '../../db/schema';
import { buildSearchIndex, searchPositions, type SearchEntry } from '../../domain/search';
import { explainById, type MatchReason } from '../../domain/search/explain';
import type { DirectoryRecord } from '../../domain/staff';
import { createAnswerBuffer, markBusy, writeAnswer } from './answer-channel';
import {
  directoryFingerprint,
  type ChannelMessage,
  type ExplainResponse,
  type SearchRequest,
  type SearchResponse,
} from './search-protocol';

const db = new AppDb();
let index: readonly SearchEntry[] = [];
let records: DirectoryRecord[] = [];
/** Why the people on screen match: the screen asks after each answer's frame. */
let explain: (query: string, ids: readonly string[]) => (MatchReason | null)[] = (_, ids) => ids.map(() => null);
let loaded: Promise<void> | null = null;
/** Where answers are also written for the page to read at once (answer-channel.ts); null unless isolated. */
let channel: SharedArrayBuffer | null = null;
/** Which directory (snapshot and version) the index is of, or is being built of. */
let loadedKey: Promise<string> | null = null;

const keyOfDevice = async () => {
  const { snapshotId, version, staffCount } = await readDirectoryMeta(db);
  // The count too: while a first snapshot arrives (issue 22) the cursor stays and the people grow.
  return `${snapshotId ?? ''}@${version}#${staffCount}`;
};

/**
 * A reload that finds the same snapshot and version on the device builds nothing: the screen asks
 * after the first faces and again once it has decoded everyone, and 40,000 people take a second
 * or more to index on a slow phone.
 */
async function reload(): Promise<void> {
  const [now, before] = await Promise.all([keyOfDevice(), loadedKey]);
  if (before === now && loaded) return;
  loadedKey = Promise.resolve(now);
  loaded = load();
  // Waited for, so reloads never overlap: the next one then marks this one's buffer busy (see load).
  await loaded.catch(() => undefined);
}

async function load(): Promise<void> {
  if (channel) markBusy(channel);
  const [chunks, overlay, unitRows] = await Promise.all([
    db.directoryChunks.toArray(),
    db.directoryOverlay.toArray(),
    db.units.toArray(),
  ]);
  records = mergeDirectory(chunks.map(decodeChunkRow), overlay);
  const units = new Map(unitRows.map((u) => [u.id, u]));
  // Built from the records in their order: a position in the index is one in the directory.
  index = buildSearchIndex(records, units);
  explain = explainById(records, units);
  // A new buffer for each index: one the page still holds from the last is busy from now on.
  if (self.crossOriginIsolated) {
    channel = createAnswerBuffer(records.length);
    const message: ChannelMessage = { type: 'channel', buffer: channel, fingerprint: directoryFingerprint(records) };
    self.postMessage(message);
  }
}

let pendingReload: Promise<void> = Promise.resolve();
let latestSeq = 0;

self.onmessage = async (event: MessageEvent<SearchRequest>) => {
  const request = event.data;
  if (request.type === 'query') latestSeq = Math.max(latestSeq, request.seq);
  if (request.type === 'reload') {
    // One after the other, so a second reload sees what the first one started.
    pendingReload = pendingReload.then(reload);
    return;
  }
  await pendingReload;
  if (!loaded) {
    loadedKey = keyOfDevice();
    loaded = load();
  }
  await loaded;
  if (request.type === 'explain') {
    const response: ExplainResponse = { seq: request.seq, reasons: explain(request.query, request.ids) };
    self.postMessage(response);
    return;
  }
  // Keystrokes that came while the index was built: only the latest is worth an answer.
  if (request.seq < latestSeq) {
    const stale: SearchResponse = { seq: request.seq, positions: new Int32Array(0), fingerprint: '', stale: true };
    self.postMessage(stale);
    return;
  }
  const response: SearchResponse = {
    seq: request.seq,
    positions: searchPositions(index, request.query),
    fingerprint: directoryFingerprint(records),
  };
  // Written before the positions are moved away with the message.
  if (channel) writeAnswer(channel, request.seq, response.positions);
  self.postMessage(response, [response.positions.buffer]);
};
