/// <reference lib="webworker" />
/**
 * Search runs here, off the main thread: building the index for 40,000 people takes over a second
 * on a slow phone, and a keystroke must never wait for it. The worker reads the directory from
 * IndexedDB itself, so 40,000 records are never copied between threads.
 */
import { decodeChunkRow, mergeDirectory } from '../../db/directory-store';
import { AppDb } from '../../db/schema';
import { buildSearchIndex, search, type SearchEntry } from '../../domain/search';
import type { SearchRequest, SearchResponse } from './search-protocol';

const db = new AppDb();
let index: readonly SearchEntry[] = [];
let loaded: Promise<void> | null = null;

async function load(): Promise<void> {
  const [chunks, overlay, units] = await Promise.all([
    db.directoryChunks.toArray(),
    db.directoryOverlay.toArray(),
    db.units.toArray(),
  ]);
  index = buildSearchIndex(mergeDirectory(chunks.map(decodeChunkRow), overlay), new Map(units.map((u) => [u.id, u])));
}

self.onmessage = async (event: MessageEvent<SearchRequest>) => {
  const request = event.data;
  if (request.type === 'reload') {
    loaded = load();
    return;
  }
  loaded ??= load();
  await loaded;
  const ids = search(index, request.query).map((r) => r.id);
  const response: SearchResponse = { seq: request.seq, ids };
  self.postMessage(response);
};
