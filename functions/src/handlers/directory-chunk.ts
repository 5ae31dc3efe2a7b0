import type { Store } from '../store/port';
import { notFound } from './errors';

/** One gzipped chunk of a snapshot of the caller's own organisation. */
export async function getDirectoryChunk(
  store: Store,
  orgId: string,
  snapshotId: string,
  n: number,
): Promise<Uint8Array> {
  const chunk = await store.getSnapshotChunk(orgId, snapshotId, n);
  if (!chunk) throw notFound('名簿データが見つかりません。もう一度同期してください');
  return chunk;
}
