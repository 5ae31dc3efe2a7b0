/// <reference lib="webworker" />
/**
 * Search runs here, off the main thread: building the index for 40,000 people takes over a second
 * on a slow phone, and a keystroke must never wait for it. The worker reads the directory from
 * IndexedDB itself, so 40,000 records are never copied between threads.
 */
import { decodeChunkRow, mergeDirectory } from '../../db/directory-store';
import { AppDb } from '../../db/schema';
import { buildSearchIndex, search, type SearchEntry } from '../../domain/search';
import type { DirectoryRecord } from '../../domain/staff';
import { answer, type SearchRequest, type SearchResponse } from './search-protocol';

const db = new AppDb();
let index: readonly SearchEntry[] = [];
let records: DirectoryRecord[] = [];
let positionOf = new Map<DirectoryRecord, number>();
let loaded: Promise<void> | null = null;

async function load(): Promise<void> {
  const [chunks, overlay, units] = await Promise.all([
    db.directoryChunks.toArray(),
    db.directoryOverlay.toArray(),
    db.units.toArray(),
  ]);
  records = mergeDirectory(chunks.map(decodeChunkRow), overlay);
  positionOf = new Map(records.map((r, i) => [r, i]));
  index = buildSearchIndex(records, new Map(units.map((u) => [u.id, u])));
}

self.onmessage = async (event: MessageEvent<SearchRequest>) => {
  const request = event.data;
  if (request.type === 'reload') {
    loaded = load();
    return;
  }
  loaded ??= load();
  await loaded;
  const response: SearchResponse = { seq: request.seq, ...answer(records, positionOf, search(index, request.query)) };
  self.postMessage(response, [response.positions.buffer]);
};
