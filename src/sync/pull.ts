import type { ChunkText } from '../domain/directory-codec';
import { mapLimit } from './pool';
import type { DirectoryState, DirectoryStore, Transport } from './ports';
import { ProtocolError } from './status';

/** Chunk downloads in flight at once: enough to hide latency on a phone, few enough not to starve the UI's own requests. */
export const MAX_CHUNK_DOWNLOADS = 4;

export interface PullResult {
  /** The snapshot installed during this pull, if the server asked for one. */
  snapshotId: string | null;
  /** Change records applied (a snapshot's records not included). */
  changes: number;
  /** Where the device's directory stands afterwards. */
  state: DirectoryState;
}

/**
 * Brings the device's directory up to the server's, in the server's version order only: no clock, the client's
 * or a function instance's, ever decides what is newer. The caller holds the directory lock, so the state read
 * here stays the device's state until this returns.
 *
 * Throws on any failure, leaving the store as the last completed step left it: a snapshot is installed only
 * after every chunk arrived, and each page of changes is applied with the version it leads to, so a later
 * pull resumes exactly where this one stopped.
 */
export async function pullDirectory(
  transport: Transport,
  store: DirectoryStore,
  concurrency: number = MAX_CHUNK_DOWNLOADS,
): Promise<PullResult> {
  let since = await store.state();
  let snapshotId: string | null = null;
  let changes = 0;
  for (;;) {
    const answer = await transport.directorySync(since);
    if (answer.kind === 'upToDate') return { snapshotId, changes, state: since };

    if (answer.kind === 'changes') {
      // Paging by version is exact only because versions never repeat and never go back; a page that does not
      // move forward while promising more would make this loop forever.
      if (answer.version < since.version || (answer.more && answer.version === since.version)) {
        throw new ProtocolError(`changes page does not advance: ${since.version} -> ${answer.version}`);
      }
      if (answer.changes.length > 0 || answer.version !== since.version) {
        await store.applyChanges(answer.changes, answer.version);
        changes += answer.changes.length;
        since = { snapshotId: since.snapshotId, version: answer.version };
      }
      if (!answer.more) return { snapshotId, changes, state: since };
      continue;
    }

    // A second snapshot request in one pull means the server does not accept the one just installed.
    if (snapshotId !== null) throw new ProtocolError(`snapshot requested again after ${snapshotId}`);
    const { snapshot, units } = answer;
    const chunkNumbers = Array.from({ length: snapshot.chunkCount }, (_, n) => n);
    const chunks: ChunkText[] = await mapLimit(chunkNumbers, concurrency, (n) =>
      transport.directoryChunk(snapshot.id, n),
    );
    const received = chunks.reduce((sum, chunk) => sum + chunk.count, 0);
    // A short chunk would silently drop people from the directory until the next snapshot.
    if (received !== snapshot.staffCount) {
      throw new ProtocolError(`snapshot ${snapshot.id} has ${received} records, manifest says ${snapshot.staffCount}`);
    }
    await store.replaceSnapshot(snapshot, units, chunks);
    snapshotId = snapshot.id;
    since = { snapshotId: snapshot.id, version: snapshot.version };
  }
}
