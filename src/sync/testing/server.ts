import { toChunkText, type ChunkText } from '../../domain/directory-codec';
import { parseMutation } from '../../domain/mutations';
import type {
  DirectoryChange,
  DirectorySyncResponse,
  PushResponse,
  PushResult,
  SnapshotManifest,
} from '../../domain/protocol';
import type { OrgUnit } from '../../domain/org';
import type { DirectoryRecord } from '../../domain/staff';
import { TransportError, type DirectoryState } from '../ports';
import { UNITS } from './records';

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
        results.push({ id, status: 'rejected', code: parsed.problem.code, params: parsed.problem.params });
        continue;
      }
      const mutation = parsed.value;
      if (this.applied.has(mutation.id)) {
        results.push({ id: mutation.id, status: 'duplicate' });
        continue;
      }
      const record = this.records.get(actorId);
      if (record === undefined) {
        results.push({ id: mutation.id, status: 'rejected', code: 'directory.staffNotFound' });
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
