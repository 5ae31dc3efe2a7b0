/**
 * In-memory twins of the sync ports, for tests. They model the behaviour the engine relies on (the server
 * applies each mutation id at most once, pages by version, serves immutable snapshots; the lock is shared by
 * tabs and released when a tab dies), and they copy everything that crosses the "network", so nothing is shared
 * by reference between client and server. No test framework imports: feature tests may use them too.
 */
import { decodeChunkText, toChunkText, type ChunkText } from '../domain/directory-codec';
import { parseMutation, type Mutation } from '../domain/mutations';
import type {
  DirectoryChange,
  DirectorySyncResponse,
  PushResponse,
  PushResult,
  SnapshotManifest,
} from '../domain/protocol';
import type { OrgUnit } from '../domain/org';
import type { DirectoryRecord } from '../domain/staff';
import {
  TransportError,
  type Clock,
  type DirectoryState,
  type DirectoryStore,
  type LockManager,
  type Outbox,
  type OutboxEntry,
  type Transport,
} from './ports';
import { SyncEngine } from './engine';

export function makeRecord(id: string, overrides: Partial<DirectoryRecord> = {}): DirectoryRecord {
  return {
    id,
    familyName: '山田',
    givenName: '花子',
    familyKana: 'やまだ',
    givenKana: 'はなこ',
    altFamilyName: '',
    altFamilyKana: '',
    unitId: 'kakari-1',
    title: '主事',
    jobLevel: '主事',
    employment: '正規',
    extension: '1234',
    email: `${id}@example.lg.jp`,
    skills: [],
    dxLevels: [0, 0, 0, 0, 0],
    hobbies: [],
    qualifications: [],
    intro: '',
    photo: null,
    ...overrides,
  };
}

export function profileUpdate(id: string, intro: string, createdAt = '2026-04-01T00:00:00.000Z'): Mutation {
  return { kind: 'profile.update', id, createdAt, patch: { intro } };
}

export const UNITS: OrgUnit[] = [
  { id: 'bu-1', kind: 'bu', name: '総務部', kana: 'そうむぶ', parentId: null, order: 1 },
  { id: 'ka-1', kind: 'ka', name: '人事課', kana: 'じんじか', parentId: 'bu-1', order: 1 },
  { id: 'kakari-1', kind: 'kakari', name: '人事係', kana: 'じんじかかり', parentId: 'ka-1', order: 1 },
];

export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve: (value: T) => void = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every promise chain that is ready run to its next real wait. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A clock that moves only when told, with timers that fire as it passes them. */
export class ManualClock implements Clock {
  private timers: { id: number; at: number; fn: () => void }[] = [];
  private nextId = 1;

  constructor(private time = Date.UTC(2026, 3, 1, 0, 30)) {}

  now(): number {
    return this.time;
  }

  set(time: number): void {
    this.time = time;
  }

  /** Moves time forward, firing each timer due on the way at its own time, in order. */
  advance(ms: number): void {
    const target = this.time + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (due === undefined) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = Math.max(this.time, due.at);
      due.fn();
    }
    this.time = target;
  }

  setTimeout = (fn: () => void, ms: number): number => {
    const id = this.nextId++;
    this.timers.push({ id, at: this.time + ms, fn });
    return id;
  };

  clearTimeout = (id: number): void => {
    this.timers = this.timers.filter((t) => t.id !== id);
  };

  /** Due times of the timers not yet fired. */
  timerDueTimes(): number[] {
    return this.timers.map((t) => t.at).sort((a, b) => a - b);
  }
}

interface LogEntry {
  change: DirectoryChange;
  /** The writing function instance's clock: stored as a real server would, never used for order. */
  writtenAt: number;
}

interface Snapshot {
  manifest: SnapshotManifest;
  units: OrgUnit[];
  chunks: DirectoryRecord[][];
}

/**
 * The server side of the protocol. Every write gets the next version, one per record even within one batch, so
 * "changes since V" is exact however pages fall.
 */
export class FakeServer {
  readonly records = new Map<string, DirectoryRecord>();
  units: OrgUnit[] = [...UNITS];
  version = 0;
  /** Function instance time for the next write; tests skew it to model instances whose clocks differ. */
  instanceNow = Date.UTC(2026, 3, 1);
  /** Most changes in one answer. */
  pageSize = 100;
  chunkSize = 3;
  /** Each mutation id as often as it arrived, duplicates included. */
  readonly received = new Map<string, number>();
  /** Each mutation id as often as it was applied: the server's promise is at most once. */
  readonly applied = new Map<string, number>();
  private log: LogEntry[] = [];
  /** Clients behind this version can no longer be served changes and must take the snapshot. */
  private logFloor = 0;
  private snapshots = new Map<string, Snapshot>();
  private current: Snapshot | null = null;

  /** One batch write: every record gets its own version, and all of them the same instance time. */
  write(records: readonly DirectoryRecord[]): void {
    for (const record of records) {
      this.records.set(record.id, structuredClone(record));
      this.append({ op: 'put', version: ++this.version, record: structuredClone(record) });
    }
  }

  remove(ids: readonly string[]): void {
    for (const id of ids) {
      this.records.delete(id);
      this.append({ op: 'remove', version: ++this.version, id });
    }
  }

  /** Materialises a snapshot of the current directory; with `compact`, older changes are dropped from the log. */
  takeSnapshot(options: { compact?: boolean } = {}): SnapshotManifest {
    const all = [...this.records.values()].sort((a, b) => a.id.localeCompare(b.id));
    const chunks: DirectoryRecord[][] = [];
    for (let i = 0; i < all.length; i += this.chunkSize) chunks.push(structuredClone(all.slice(i, i + this.chunkSize)));
    const manifest: SnapshotManifest = {
      id: `snap-${this.version}-${this.snapshots.size + 1}`,
      version: this.version,
      chunkCount: chunks.length,
      staffCount: all.length,
      createdAt: new Date(this.instanceNow).toISOString(),
    };
    this.current = { manifest, units: structuredClone(this.units), chunks };
    this.snapshots.set(manifest.id, this.current);
    if (options.compact) {
      this.log = [];
      this.logFloor = this.version;
    }
    return manifest;
  }

  /** Versions of the log, with the instance time each was written at. */
  logEntries(): { version: number; writtenAt: number }[] {
    return this.log.map((e) => ({ version: e.change.version, writtenAt: e.writtenAt }));
  }

  directorySync(since: DirectoryState): DirectorySyncResponse {
    if (since.snapshotId === null || since.version < this.logFloor) {
      const snapshot = this.current ?? this.snapshots.get(this.takeSnapshot().id);
      if (snapshot === undefined) throw new Error('snapshot missing');
      return { kind: 'snapshot', snapshot: snapshot.manifest, units: snapshot.units };
    }
    // The log is appended in version order, so a filter keeps that order; page cuts fall anywhere, even in the
    // middle of one batch, and the version of the last change sent is exactly where the next page starts.
    const newer = this.log.filter((e) => e.change.version > since.version);
    if (newer.length === 0) return { kind: 'upToDate', version: this.version };
    const page = newer.slice(0, this.pageSize);
    const last = page[page.length - 1];
    return {
      kind: 'changes',
      changes: page.map((e) => e.change),
      version: last?.change.version ?? since.version,
      more: newer.length > page.length,
    };
  }

  directoryChunk(snapshotId: string, n: number): ChunkText {
    const chunk = this.snapshots.get(snapshotId)?.chunks[n];
    if (chunk === undefined) throw new TransportError('not found', 404, 'not-found');
    return toChunkText(chunk);
  }

  /** Applies each mutation at most once, in the order given; the actor comes from the (fake) ID token. */
  push(actorId: string, mutations: readonly unknown[]): PushResponse {
    const results: PushResult[] = [];
    for (const input of mutations) {
      const id = typeof input === 'object' && input !== null && 'id' in input ? String(input.id) : '';
      this.received.set(id, (this.received.get(id) ?? 0) + 1);
      const parsed = parseMutation(input);
      if (!parsed.ok) {
        results.push({ id, status: 'rejected', message: parsed.message });
        continue;
      }
      const mutation = parsed.value;
      if (this.applied.has(mutation.id)) {
        results.push({ id: mutation.id, status: 'duplicate' });
        continue;
      }
      const record = this.records.get(actorId);
      if (record === undefined) {
        results.push({ id: mutation.id, status: 'rejected', message: '職員が見つかりません' });
        continue;
      }
      // The fake server models intro edits only; other kinds are acknowledged without a change.
      const intro = mutation.kind === 'profile.update' ? mutation.patch.intro : undefined;
      this.write([intro === undefined ? record : { ...record, intro }]);
      this.applied.set(mutation.id, (this.applied.get(mutation.id) ?? 0) + 1);
      results.push({ id: mutation.id, status: 'applied' });
    }
    return { results };
  }

  private append(change: DirectoryChange): void {
    this.log.push({ change, writtenAt: this.instanceNow });
  }
}

type Forward<T> = () => Promise<T>;

/**
 * One signed-in user's connection to the fake server. Every call waits a macrotask, as a request would, so
 * concurrent callers really interleave; `intercept` replaces a call to inject failures, delays or lost answers.
 */
export class FakeTransport implements Transport {
  /** Every request fails as if the device had no network. */
  offline = false;
  /** Every request fails with this error (e.g. 401 after the session ended). */
  failWith: TransportError | null = null;
  readonly intercept: {
    sync?: (since: DirectoryState, forward: Forward<DirectorySyncResponse>) => Promise<DirectorySyncResponse>;
    chunk?: (snapshotId: string, n: number, forward: Forward<ChunkText>) => Promise<ChunkText>;
    push?: (mutations: readonly Mutation[], forward: Forward<PushResponse>) => Promise<PushResponse>;
  } = {};
  readonly calls = { sync: 0, chunk: 0, push: 0 };
  chunksInFlight = 0;
  maxChunksInFlight = 0;

  constructor(
    private readonly server: FakeServer,
    private readonly actorId: string,
  ) {}

  async directorySync(since: { snapshotId: string | null; version: number }): Promise<DirectorySyncResponse> {
    this.calls.sync++;
    const forward = () => this.request(() => this.server.directorySync({ ...since }));
    return this.intercept.sync ? this.intercept.sync({ ...since }, forward) : forward();
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

  private async request<T>(handle: () => T): Promise<T> {
    await settle();
    if (this.offline) throw new TransportError('network unreachable', 0);
    if (this.failWith) throw this.failWith;
    return structuredClone(handle());
  }
}

/** The device's directory, with a record of every change applied to catch loss and duplication. */
export class FakeDirectoryStore implements DirectoryStore {
  records = new Map<string, DirectoryRecord>();
  units: OrgUnit[] = [];
  snapshotId: string | null = null;
  version = 0;
  /** Every change applied, in order, across calls. */
  readonly appliedChanges: DirectoryChange[] = [];
  readonly replaced: SnapshotManifest[] = [];

  async state(): Promise<DirectoryState> {
    await Promise.resolve();
    return { snapshotId: this.snapshotId, version: this.version };
  }

  async replaceSnapshot(
    manifest: SnapshotManifest,
    units: readonly OrgUnit[],
    chunks: readonly ChunkText[],
  ): Promise<void> {
    await Promise.resolve();
    // Built aside and swapped in one step: the atomicity the port promises.
    const records = new Map(chunks.flatMap(decodeChunkText).map((r) => [r.id, r]));
    this.records = records;
    this.units = structuredClone([...units]);
    this.snapshotId = manifest.id;
    this.version = manifest.version;
    this.replaced.push(structuredClone(manifest));
  }

  async applyChanges(changes: readonly DirectoryChange[], version: number): Promise<void> {
    await Promise.resolve();
    for (const change of changes) {
      if (change.op === 'put') this.records.set(change.record.id, structuredClone(change.record));
      else this.records.delete(change.id);
      this.appliedChanges.push(structuredClone(change));
    }
    this.version = version;
  }
}

/** The outbox as the device store keeps it: ordered, surviving the engine (and the tab) that wrote it. */
export class FakeOutbox implements Outbox {
  entries: OutboxEntry[] = [];
  readonly rejected: { entry: OutboxEntry; message: string }[] = [];

  add(mutation: Mutation): void {
    this.entries.push({ mutation: structuredClone(mutation), attempts: 0, notBefore: 0, lastError: null });
  }

  ids(): string[] {
    return this.entries.map((e) => e.mutation.id);
  }

  get(id: string): OutboxEntry | undefined {
    return this.entries.find((e) => e.mutation.id === id);
  }

  async peek(limit: number): Promise<OutboxEntry[]> {
    await Promise.resolve();
    return structuredClone(this.entries.slice(0, limit));
  }

  async acknowledge(ids: readonly string[]): Promise<void> {
    await Promise.resolve();
    const done = new Set(ids);
    this.entries = this.entries.filter((e) => !done.has(e.mutation.id));
  }

  async reject(results: readonly { id: string; message: string }[]): Promise<void> {
    await Promise.resolve();
    for (const { id, message } of results) {
      const entry = this.get(id);
      if (entry === undefined) continue;
      this.entries = this.entries.filter((e) => e !== entry);
      this.rejected.push({ entry, message });
    }
  }

  async recordFailure(ids: readonly string[], error: string, notBefore: number): Promise<void> {
    await Promise.resolve();
    for (const id of ids) {
      const entry = this.get(id);
      if (entry === undefined) continue;
      entry.attempts++;
      entry.lastError = error;
      entry.notBefore = notBefore;
    }
  }
}

interface Holder {
  tab: string;
}

/**
 * Web Locks as the browser gives them to the tabs of one origin: one holder per name, waiters served in order,
 * `ifAvailable` answered at once, and a closed tab's locks released even though its code never finished.
 */
export class LockHub {
  private readonly holders = new Map<string, Holder>();
  private readonly waiters = new Map<string, { holder: Holder; grant: () => void }[]>();

  tab(tab: string): LockManager {
    return {
      withLock: async <T>(name: string, options: { ifAvailable: boolean }, fn: () => Promise<T>) => {
        const holder: Holder = { tab };
        if (this.holders.has(name)) {
          if (options.ifAvailable) return null;
          const granted = deferred();
          const queue = this.waiters.get(name) ?? [];
          queue.push({ holder, grant: () => granted.resolve() });
          this.waiters.set(name, queue);
          await granted.promise;
        } else {
          this.holders.set(name, holder);
        }
        try {
          return await fn();
        } finally {
          this.release(name, holder);
        }
      },
    };
  }

  heldBy(name: string): string | null {
    return this.holders.get(name)?.tab ?? null;
  }

  /** The tab is closed: its locks go to the next waiter, and its queued requests vanish. */
  kill(tab: string): void {
    for (const [name, queue] of this.waiters) {
      this.waiters.set(
        name,
        queue.filter((w) => w.holder.tab !== tab),
      );
    }
    for (const [name, holder] of [...this.holders]) {
      if (holder.tab === tab) this.release(name, holder);
    }
  }

  private release(name: string, holder: Holder): void {
    // A killed tab's code may still finish later; its lock was already handed on.
    if (this.holders.get(name) !== holder) return;
    const next = this.waiters.get(name)?.shift();
    if (next === undefined) {
      this.holders.delete(name);
      return;
    }
    this.holders.set(name, next.holder);
    next.grant();
  }
}

/**
 * A server, a shared clock, one origin's lock hub and outbox, and a way to open tabs (engines) on them. Tabs
 * share the outbox and directory store as tabs share IndexedDB.
 */
export function createWorld(options: { selfId?: string; random?: () => number } = {}) {
  const selfId = options.selfId ?? 'u-self';
  const server = new FakeServer();
  server.write([makeRecord(selfId, { familyName: '佐藤', intro: '' })]);
  const clock = new ManualClock();
  const locks = new LockHub();
  const outbox = new FakeOutbox();
  const directory = new FakeDirectoryStore();
  const openTab = (tab: string, overrides: { transport?: FakeTransport; directory?: FakeDirectoryStore } = {}) => {
    const transport = overrides.transport ?? new FakeTransport(server, selfId);
    const engine = new SyncEngine(
      { transport, directory: overrides.directory ?? directory, outbox, locks: locks.tab(tab), clock },
      { random: options.random ?? (() => 0.5) },
    );
    return { engine, transport };
  };
  return { selfId, server, clock, locks, outbox, directory, openTab };
}
