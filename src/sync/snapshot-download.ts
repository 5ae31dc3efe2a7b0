import type { ChunkText } from '../domain/directory-codec';
import type { FeedAnswer } from '../domain/sync-protocol';
import { inflateInlineChunk } from './inline-chunk';
import { mapLimit } from './pool';
import type { DirectoryStore, Transport } from './ports';
import { ProtocolError } from './status';

type SnapshotAnswer = Extract<FeedAnswer<'directory'>, { kind: 'snapshot' }>;

/**
 * Receives a snapshot chunk by chunk (issue 22). The first chunk, which holds the directory's first
 * screen, usually came inside the answer itself; each chunk is stored as it arrives, so a device
 * without a directory paints its first faces from the first one and fills in behind it, and a pull
 * that stops (the tab closed, the network gone) resumes with the chunks it lacks. The snapshot
 * becomes the directory, with its cursor, only once every chunk is there (installSnapshot, one
 * transaction); a device that had a directory keeps using it until then.
 */
export async function receiveSnapshot(
  store: DirectoryStore,
  chunks: Pick<Transport, 'directoryChunk'>,
  answer: SnapshotAnswer,
  concurrency: number,
): Promise<void> {
  const { snapshot, units, firstChunk } = answer;
  const held = new Map<number, number>();
  for (const { n, count } of await store.receivedChunks(snapshot)) held.set(n, count);

  const keep = async (n: number, text: ChunkText) => {
    await store.receiveChunk(snapshot, units, n, text);
    held.set(n, text.count);
  };
  if (firstChunk && firstChunk.n < snapshot.chunkCount && !held.has(firstChunk.n)) {
    // A first chunk that does not decode is downloaded like the others instead.
    const text = await inflateInlineChunk(firstChunk).catch(() => null);
    if (text) await keep(firstChunk.n, text);
  }
  const missing = Array.from({ length: snapshot.chunkCount }, (_, n) => n).filter((n) => !held.has(n));
  await mapLimit(missing, concurrency, async (n) => keep(n, await chunks.directoryChunk(snapshot.id, n)));

  let received = 0;
  for (const count of held.values()) received += count;
  // A short chunk would silently drop people from the directory until the next snapshot.
  if (received !== snapshot.staffCount) {
    await store.discardReceived(snapshot);
    throw new ProtocolError(`snapshot ${snapshot.id} has ${received} records, manifest says ${snapshot.staffCount}`);
  }
  await store.installSnapshot(snapshot, units);
}
