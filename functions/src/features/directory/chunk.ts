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
