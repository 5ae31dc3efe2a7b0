import { pullCommunities, type CommunityCache, type CommunityTransport } from './communities';
import { pullNotifications, type NotificationCache, type NotificationTransport } from './notifications';
import { pullNominations, type NominationCache, type NominationTransport } from './nominations';
import type { Clock, DirectoryStore, LockManager, Outbox, Transport } from './ports';
import { MAX_CHUNK_DOWNLOADS, pullDirectory, type PullResult } from './pull';
import { pushPending, type PushResult } from './push';
import { INITIAL_STATUS, toProblem, type SyncProblem, type SyncStatus } from './status';
import {
  pullYells,
  refreshRecognition,
  type RecognitionCache,
  type RecognitionTransport,
  type YellCache,
  type YellTransport,
} from './yells';

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
  /** Communities (D6), pulled after the directory under the same lock; absent, they are not synced. */
  communities?: { transport: CommunityTransport; cache: CommunityCache };
  /** エール (R1-R4) with the settings and my counts the send screen needs offline; absent, not synced. */
  yells?: { transport: YellTransport & RecognitionTransport; cache: YellCache & RecognitionCache };
  /** In-app notifications (P4); absent, not synced. */
  notifications?: { transport: NotificationTransport; cache: NotificationCache };
  /** Nominations (C1-C3) this viewer may see, and HR's awards; absent, not synced. */
  nominations?: { transport: NominationTransport; cache: NominationCache };
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
        const directory = await pullDirectory(this.ports.transport, this.ports.directory, this.chunkConcurrency);
        const communities = this.ports.communities;
        if (communities) await pullCommunities(communities.transport, communities.cache);
        const yells = this.ports.yells;
        if (yells) {
          await pullYells(yells.transport, yells.cache);
          await refreshRecognition(yells.transport, yells.cache);
        }
        const notifications = this.ports.notifications;
        if (notifications) await pullNotifications(notifications.transport, notifications.cache);
        const nominations = this.ports.nominations;
        if (nominations) await pullNominations(nominations.transport, nominations.cache);
        return directory;
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
      error: problem?.message ?? null,
      errorCode: problem?.code ?? null,
    });
  }

  private update(change: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...change };
    for (const listener of this.listeners) listener(this.status);
  }
}
