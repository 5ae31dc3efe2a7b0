import type { SyncRequest } from '../domain/sync-protocol';
import { running, startFeed, type AnyFeed, type RunningFeed } from './feed';
import type { Clock, DirectoryStore, LockManager, Outbox, Transport } from './ports';
import { directoryFeed, MAX_CHUNK_DOWNLOADS, type PullResult } from './pull';
import { pushPending, type PushResult } from './push';
import { INITIAL_STATUS, ProtocolError, toProblem, type SyncProblem, type SyncStatus } from './status';

/**
 * Requests of one pull, at most: far more than any feed has pages (a directory of 40,000 people
 * is 400 pages of changes), so a server that never says "no more" is caught instead of looping.
 */
export const MAX_SYNC_ROUNDS = 10_000;

/** Web Locks names, shared by every tab of the origin. */
export const LOCKS = {
  /** Held while sending, so two tabs never send the same entries. */
  outbox: 'outbox',
  /** Held while pulling, so two tabs never interleave pages or download one snapshot twice. */
  directory: 'directory',
} as const;

export interface SyncPorts {
  transport: Transport;
  directory: DirectoryStore;
  outbox: Outbox;
  locks: LockManager;
  clock: Clock;
  /**
   * The feeds besides the directory (src/app/feeds.ts lists them), asked in the same requests as
   * the directory; none, only the directory is synced.
   */
  feeds?: readonly AnyFeed[];
}

export interface SyncEngineOptions {
  /** A draw in [0, 1) for backoff jitter; Math.random by default, fixed in tests. */
  random?: () => number;
  /** Parallel chunk downloads, at most MAX_CHUNK_DOWNLOADS. */
  chunkConcurrency?: number;
  /** Errors that are not the network's (a bug, a failing device store), for the app to log. */
  onUnexpectedError?: (error: unknown) => void;
}

export type PushReport =
  | ({ outcome: 'done' | 'failed' } & PushResult)
  /** Another tab is sending; its loop runs until the shared outbox is empty or nothing is due. */
  | { outcome: 'locked'; problem: null }
  /** Something other than the network failed (the device store, a bug); what was sent is unknown. */
  | { outcome: 'error'; problem: SyncProblem };
export type PullReport =
  ({ outcome: 'done' } & PullResult & { problem: null }) | { outcome: 'failed'; problem: SyncProblem };

export interface SyncReport {
  push: PushReport;
  /** null when the push showed that pulling cannot succeed now (offline, signed out). */
  pull: PullReport | null;
  status: SyncStatus;
}

export class SyncEngine {
  private status: SyncStatus = INITIAL_STATUS;
  private readonly listeners = new Set<(status: SyncStatus) => void>();
  private readonly random: () => number;
  private readonly chunkConcurrency: number;

  constructor(
    private readonly ports: SyncPorts,
    private readonly options: SyncEngineOptions = {},
  ) {
    this.random = options.random ?? Math.random;
    this.chunkConcurrency = Math.min(Math.max(1, options.chunkConcurrency ?? MAX_CHUNK_DOWNLOADS), MAX_CHUNK_DOWNLOADS);
  }

  getStatus(): SyncStatus {
    return this.status;
  }

  /** Calls `listener` on every status change (not with the current one); returns the unsubscribe function. */
  subscribe(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends what is due in the outbox; returns at once with outcome 'locked' when another tab is sending. */
  async pushOutbox(options: { ignoreBackoff?: boolean } = {}): Promise<PushReport> {
    const push = await this.push(options);
    this.settle(push.problem, push, null);
    return push;
  }

  /** Brings the device's directory up to date (waiting if another tab is doing so, which then costs one read). */
  async syncDirectory(): Promise<PullReport> {
    const pull = await this.pull();
    this.settle(pull.problem, null, pull);
    return pull;
  }

  /**
   * Push, then pull, so the user's own edit comes back from the server in the same round. Never throws: every
   * failure ends up in the status and the report.
   */
  async syncNow(options: { ignoreBackoff?: boolean } = {}): Promise<SyncReport> {
    const push = await this.push(options);
    const code = push.problem?.code;
    const pull = code === 'offline' || code === 'unauthenticated' ? null : await this.pull();
    // What the user typed not arriving matters more to them than a stale directory, so the push's problem shows.
    this.settle(push.problem ?? pull?.problem ?? null, push, pull);
    return { push, pull, status: this.status };
  }

  private async push(options: { ignoreBackoff?: boolean }): Promise<PushReport> {
    const deps = { ...this.ports, random: this.random };
    try {
      const result = await this.ports.locks.withLock(LOCKS.outbox, { ifAvailable: true }, () => {
        this.update({ phase: 'pushing' });
        return pushPending(deps, options);
      });
      if (result === null) return { outcome: 'locked', problem: null };
      return { outcome: result.problem ? 'failed' : 'done', ...result };
    } catch (error) {
      return { outcome: 'error', problem: this.problemOf(error) };
    }
  }

  private async pull(): Promise<PullReport> {
    try {
      const result = await this.ports.locks.withLock(LOCKS.directory, { ifAvailable: false }, async () => {
        this.update({ phase: 'pulling' });
        const directory = await directoryFeed(
          this.ports.directory,
          this.ports.transport,
          this.chunkConcurrency,
        ).start();
        const others = await Promise.all((this.ports.feeds ?? []).map((feed) => startFeed(feed)));
        await pullFeeds(this.ports.transport, [running('directory', directory), ...others]);
        return directory.result();
      });
      // Only `ifAvailable: true` may yield null; a lock manager that breaks this must not pass for success.
      if (result === null) throw new Error('directory lock was not granted');
      return { outcome: 'done', ...result, problem: null };
    } catch (error) {
      return { outcome: 'failed', problem: this.problemOf(error) };
    }
  }

  private problemOf(error: unknown): SyncProblem {
    const problem = toProblem(error);
    if (problem.code === 'internal' || problem.code === 'protocol') this.options.onUnexpectedError?.(error);
    return problem;
  }

  private settle(problem: SyncProblem | null, push: PushReport | null, pull: PullReport | null): void {
    this.update({
      phase: problem === null ? 'idle' : problem.code === 'offline' ? 'offline' : 'error',
      pending: push !== null && 'remaining' in push ? push.remaining : this.status.pending,
      lastSyncedAt: pull?.outcome === 'done' ? this.ports.clock.now() : this.status.lastSyncedAt,
      error: problem?.problem ?? null,
      errorCode: problem?.code ?? null,
    });
  }

  private update(change: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...change };
    for (const listener of this.listeners) listener(this.status);
  }
}

/**
 * The one pull loop: every feed's cursor in one request, each answer applied (side by side,
 * started in the order of the list, the directory first), then one more request for the feeds whose answer said `more`, until
 * none does. A feed the server left out of its answer (an older server) is left as it is.
 * Throws on any failure, once every answer of that round has settled; what was applied stays
 * applied, with its cursor.
 */
export async function pullFeeds(transport: Pick<Transport, 'sync'>, feeds: readonly RunningFeed[]): Promise<number> {
  let asking = feeds;
  let rounds = 0;
  while (asking.length > 0) {
    if (rounds++ >= MAX_SYNC_ROUNDS) throw new ProtocolError(`sync: more than ${MAX_SYNC_ROUNDS} requests in one pull`);
    const request: SyncRequest = { feeds: {} };
    for (const feed of asking) feed.ask(request);
    const answer = await transport.sync(request);
    // Applied side by side, started in the list's order: a first snapshot's chunks download for
    // seconds, and the other feeds' pages (the エール a new device opens next) must not wait for them.
    const applied = await Promise.allSettled(
      asking.map(async (feed) => {
        const page = answer.feeds[feed.name];
        return page !== undefined && (await feed.apply(page));
      }),
    );
    const failure = applied.find((r) => r.status === 'rejected');
    if (failure) throw failure.reason;
    asking = asking.filter((_, i) => {
      const r = applied[i];
      return r?.status === 'fulfilled' && r.value;
    });
  }
  return rounds;
}
