import type { InlineChunk, SnapshotManifest } from '../../../../src/domain/protocol';
import type { ServerStores } from '../stores';
import { notFound } from '../../api/errors';
import { problem } from '../../../../src/domain/problems';

/** One gzipped chunk of a snapshot of the caller's own organisation. */
export async function getDirectoryChunk(
  store: ServerStores,
  orgId: string,
  snapshotId: string,
  n: number,
): Promise<Uint8Array> {
  const chunk = await store.directory.getSnapshotChunk(orgId, snapshotId, n);
  if (!chunk) throw notFound(problem('directory.chunkNotFound'));
  return chunk;
}

/**
 * Chunk 0 of a snapshot, gzipped and base64-coded, for the snapshot answer of POST /sync: it holds
 * the directory's first screen (chunks are in directory order), so a new device paints faces from
 * the first answer instead of after a second round trip (issue 22). One document read, only when
 * a snapshot is answered. Null for an empty snapshot, or a chunk missing from the store (the
 * device then downloads it as any other, and is told 404 there).
 */
export async function inlineFirstChunk(
  store: ServerStores,
  orgId: string,
  snapshot: SnapshotManifest,
): Promise<InlineChunk | null> {
  if (snapshot.chunkCount === 0) return null;
  const bytes = await store.directory.getSnapshotChunk(orgId, snapshot.id, 0);
  return bytes ? { n: 0, gzip: Buffer.from(bytes).toString('base64') } : null;
}
