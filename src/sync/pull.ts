import type { FeedAnswer } from '../domain/sync-protocol';
import type { Feed, FeedPull } from './feed';
import type { DirectoryState, DirectoryStore, Transport } from './ports';
import { receiveSnapshot } from './snapshot-download';
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

export interface DirectoryPull extends FeedPull<'directory'> {
  result(): PullResult;
}

/** A Feed<'directory'> whose pull also says what it did: the engine's pull report is the directory's. */
export interface DirectoryFeed extends Feed<'directory'> {
  start(): Promise<DirectoryPull>;
}

/**
 * The directory as a feed: brought up to the server's, in the server's version order only: no
 * clock, the client's or a function instance's, ever decides what is newer. The caller holds the
 * directory lock, so the state read at the start stays the device's state until the pull ends.
 *
 * Each answer is stored before the next request, leaving the store as the last completed step left
 * it: a snapshot's chunks are kept as they arrive and it is installed only once all are there
 * (receiveSnapshot, snapshot-download.ts), and each page of changes is applied with the version it leads to, so a later pull
 * resumes exactly where this one stopped. After a snapshot the feed asks again, for the changes
 * made since it.
 */
export function directoryFeed(
  store: DirectoryStore,
  chunks: Pick<Transport, 'directoryChunk'>,
  concurrency: number = MAX_CHUNK_DOWNLOADS,
): DirectoryFeed {
  return {
    name: 'directory',
    async start() {
      let since = await store.state();
      let snapshotId: string | null = null;
      let changes = 0;
      return {
        cursor: () => ({ ...since }),
        result: () => ({ snapshotId, changes, state: since }),
        async apply(answer: FeedAnswer<'directory'>) {
          if (answer.kind === 'upToDate') return false;

          if (answer.kind === 'changes') {
            // Paging by version is exact only because versions never repeat and never go back; a page that does
            // not move forward while promising more would make this loop forever.
            if (answer.version < since.version || (answer.more && answer.version === since.version)) {
              throw new ProtocolError(`changes page does not advance: ${since.version} -> ${answer.version}`);
            }
            if (answer.changes.length > 0 || answer.version !== since.version) {
              await store.applyChanges(answer.changes, answer.version);
              changes += answer.changes.length;
              since = { snapshotId: since.snapshotId, version: answer.version };
            }
            return answer.more;
          }

          // A second snapshot request in one pull means the server does not accept the one just installed.
          if (snapshotId !== null) throw new ProtocolError(`snapshot requested again after ${snapshotId}`);
          const { snapshot } = answer;
          await receiveSnapshot(store, chunks, answer, concurrency);
          snapshotId = snapshot.id;
          since = { snapshotId: snapshot.id, version: snapshot.version };
          return true;
        },
      };
    },
  };
}
