/**
 * Runs in Chromium: the device side of a full directory sync with the download excluded. The
 * chunks arrive as decompressed JSON text (what DecompressionStream yields); the timer covers the
 * structure check (a parse) and the one IndexedDB transaction that stores them, as the app does it.
 */
import Dexie from 'dexie';
import { dexieDirectoryStore } from '../../src/db/directory-store';
import { AppDb } from '../../src/db/schema';
import { chunkText } from '../../src/domain/directory-codec';
import type { OrgUnit } from '../../src/domain/org';
import type { SnapshotManifest } from '../../src/domain/protocol';

interface Payload {
  manifest: SnapshotManifest;
  units: OrgUnit[];
  chunks: string[];
}

async function run(): Promise<number> {
  const payload = (await (await fetch('/payload.json')).json()) as Payload;
  const name = `bench-${Math.random().toString(36).slice(2)}`;
  const db = new AppDb(name);
  await db.open();
  const started = performance.now();
  const chunks = payload.chunks.map(chunkText);
  await dexieDirectoryStore(db).replaceSnapshot(payload.manifest, payload.units, chunks);
  const elapsed = performance.now() - started;
  const stored = (await db.directoryChunks.toArray()).reduce((n, c) => n + c.count, 0);
  db.close();
  await Dexie.delete(name);
  if (stored !== payload.manifest.staffCount) throw new Error(`stored ${stored} of ${payload.manifest.staffCount}`);
  return elapsed;
}

Object.assign(window, { runSyncBench: run });
