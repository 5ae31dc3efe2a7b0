import type { ChunkText } from '../../domain/directory-codec';
import type { Mutation } from '../../domain/mutations';
import type { DirectorySyncResponse, InlineChunk, PushResponse } from '../../domain/protocol';
import type { FeedName, SyncRequest } from '../../domain/sync-protocol';
import type { Answers, Cursors } from '../feed';
import { TransportError, type DirectoryState, type SyncEnvelope, type Transport } from '../ports';
import type { FakeServer } from './server';
import { settle } from './time';

type Forward<T> = () => Promise<T>;

/** A feed's server side: the answer to one cursor (the directory's is the FakeServer's own). */
export type FeedHandler<F extends FeedName> = (cursor: Cursors[F]) => Answers[F] | Promise<Answers[F]>;
type Served = Exclude<FeedName, 'directory'>;
export type FeedHandlers = { [F in Served]?: (cursor: Cursors[F]) => Answers[F] | Promise<Answers[F]> };

/**
 * One signed-in user's connection to the fake server. Every call waits a macrotask, as a request would, so
 * concurrent callers really interleave; `intercept` replaces a call to inject failures, delays or lost answers.
 * `POST /sync` answers the directory from the FakeServer and every other feed from its handler in `feeds`; a
 * feed without one is left out of the answer, as an older server leaves out a feed it does not know.
 */
export class FakeTransport implements Transport {
  /** Every request fails as if the device had no network. */
  offline = false;
  /** Every request fails with this error (e.g. 401 after the session ended). */
  failWith: TransportError | null = null;
  readonly intercept: {
    /** The directory's part of a sync answer; throwing fails the whole request, as one HTTPS call does. */
    directory?: (since: DirectoryState, forward: Forward<DirectorySyncResponse>) => Promise<DirectorySyncResponse>;
    chunk?: (snapshotId: string, n: number, forward: Forward<ChunkText>) => Promise<ChunkText>;
    push?: (mutations: readonly Mutation[], forward: Forward<PushResponse>) => Promise<PushResponse>;
  } = {};
  /** HTTPS calls by endpoint: `sync` counts `POST /sync`, each carrying every feed asked. */
  readonly calls = { sync: 0, chunk: 0, push: 0 };
  /** Every sync request as sent. */
  readonly requests: SyncRequest[] = [];
  readonly feeds: FeedHandlers = {};
  /** Sends a snapshot's first chunk inside the answer, as the server does since issue 22 (off: an older server). */
  inlineFirstChunk = false;
  chunksInFlight = 0;
  maxChunksInFlight = 0;

  constructor(
    private readonly server: FakeServer,
    private readonly actorId: string,
  ) {}

  serve<F extends Served>(name: F, handler: FeedHandlers[F]): this {
    this.feeds[name] = handler;
    return this;
  }

  async sync(request: SyncRequest): Promise<SyncEnvelope> {
    this.calls.sync++;
    const sent = structuredClone(request);
    this.requests.push(structuredClone(request));
    return this.request(() => this.answer(sent));
  }

  async directoryChunk(snapshotId: string, n: number): Promise<ChunkText> {
    this.calls.chunk++;
    this.chunksInFlight++;
    this.maxChunksInFlight = Math.max(this.maxChunksInFlight, this.chunksInFlight);
    try {
      const forward = () => this.request(() => this.server.directoryChunk(snapshotId, n));
      return await (this.intercept.chunk ? this.intercept.chunk(snapshotId, n, forward) : forward());
    } finally {
      this.chunksInFlight--;
    }
  }

  async push(mutations: readonly Mutation[]): Promise<PushResponse> {
    this.calls.push++;
    const sent = structuredClone([...mutations]);
    const forward = () => this.request(() => this.server.push(this.actorId, sent));
    return this.intercept.push ? this.intercept.push(sent, forward) : forward();
  }

  private async answer(request: SyncRequest): Promise<SyncEnvelope> {
    const feeds: Record<string, unknown> = {};
    const directory = request.feeds.directory;
    if (directory !== undefined) {
      const forward = async () => this.server.directorySync({ ...directory });
      const answer = await (this.intercept.directory ? this.intercept.directory({ ...directory }, forward) : forward());
      feeds.directory =
        this.inlineFirstChunk && answer.kind === 'snapshot' && answer.snapshot.chunkCount > 0
          ? { ...answer, firstChunk: await inlineChunk(this.server.directoryChunk(answer.snapshot.id, 0)) }
          : answer;
    }
    const { communities, yells, notifications, nominations } = request.feeds;
    if (communities && this.feeds.communities) feeds.communities = await this.feeds.communities(communities);
    if (yells && this.feeds.yells) feeds.yells = await this.feeds.yells(yells);
    if (notifications && this.feeds.notifications) feeds.notifications = await this.feeds.notifications(notifications);
    if (nominations && this.feeds.nominations) feeds.nominations = await this.feeds.nominations(nominations);
    return { feeds };
  }

  private async request<T>(handle: () => T | Promise<T>): Promise<T> {
    await settle();
    if (this.offline) throw new TransportError('network unreachable', 0);
    if (this.failWith) throw this.failWith;
    return structuredClone(await handle());
  }
}

/** A chunk as the server puts it inside a snapshot answer: gzipped, in base64. */
export async function inlineChunk(chunk: ChunkText, n = 0): Promise<InlineChunk> {
  const stream = new Blob([chunk.json]).stream().pipeThrough(new CompressionStream('gzip'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return { n, gzip: btoa(binary) };
}
