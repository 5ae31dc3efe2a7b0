import { decodeChunkText, type ChunkText } from '../../domain/directory-codec';
import type { Mutation } from '../../domain/mutations';
import type { DirectoryChange, SnapshotManifest } from '../../domain/protocol';
import type { OrgUnit } from '../../domain/org';
import type { DirectoryRecord } from '../../domain/staff';
import type { DirectoryState, DirectoryStore, Outbox, OutboxEntry } from '../ports';
import type { Refusal } from '../../domain/problems';

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

  /**
   * Chunks received of a snapshot not yet installed, by snapshot: shown at once (`records`) when the
   * device held no directory, kept aside otherwise, as the Dexie store does.
   */
  readonly incoming = new Map<string, Map<number, ChunkText>>();
  /** Chunks received, in the order they came (resumes are seen by what is not asked twice). */
  readonly receivedLog: { snapshotId: string; n: number }[] = [];

  async receivedChunks(manifest: SnapshotManifest): Promise<{ n: number; count: number }[]> {
    await Promise.resolve();
    return [...(this.incoming.get(manifest.id) ?? new Map<number, ChunkText>())].map(([n, c]) => ({
      n,
      count: c.count,
    }));
  }

  async receiveChunk(
    manifest: SnapshotManifest,
    units: readonly OrgUnit[],
    n: number,
    chunk: ChunkText,
  ): Promise<void> {
    await Promise.resolve();
    for (const id of this.incoming.keys()) if (id !== manifest.id) this.incoming.delete(id);
    const held = this.incoming.get(manifest.id) ?? new Map<number, ChunkText>();
    held.set(n, { ...chunk });
    this.incoming.set(manifest.id, held);
    this.receivedLog.push({ snapshotId: manifest.id, n });
    // A device with no directory shows what has come.
    if (this.snapshotId === null) {
      for (const r of decodeChunkText(chunk)) this.records.set(r.id, r);
      if (this.units.length === 0) this.units = structuredClone([...units]);
    }
  }

  async installSnapshot(manifest: SnapshotManifest, units: readonly OrgUnit[]): Promise<void> {
    const held = this.incoming.get(manifest.id) ?? new Map<number, ChunkText>();
    if (held.size !== manifest.chunkCount) throw new Error(`snapshot ${manifest.id} is not complete`);
    const chunks = [...held].sort(([a], [b]) => a - b).map(([, c]) => c);
    this.incoming.delete(manifest.id);
    await this.replaceSnapshot(manifest, units, chunks);
  }

  async discardReceived(manifest: SnapshotManifest): Promise<void> {
    await Promise.resolve();
    this.incoming.delete(manifest.id);
    if (this.snapshotId === null) this.records.clear();
  }

  async applyChanges(changes: readonly DirectoryChange[], version: number): Promise<void> {
    await Promise.resolve();
    for (const change of changes) {
      if (change.op === 'put') this.records.set(change.record.id, structuredClone(change.record));
      else if (change.op === 'remove') this.records.delete(change.id);
      else if (change.op === 'unit') {
        const unit = structuredClone(change.unit);
        this.units = [...this.units.filter((u) => u.id !== unit.id), unit];
      } else this.units = this.units.filter((u) => u.id !== change.id);
      this.appliedChanges.push(structuredClone(change));
    }
    this.version = version;
  }
}

/** The outbox as the device store keeps it: ordered, surviving the engine (and the tab) that wrote it. */
export class FakeOutbox implements Outbox {
  entries: OutboxEntry[] = [];
  readonly rejected: { entry: OutboxEntry; refusal: Refusal }[] = [];

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

  async reject(results: readonly (Refusal & { id: string })[]): Promise<void> {
    await Promise.resolve();
    for (const { id, ...refusal } of results) {
      const entry = this.get(id);
      if (entry === undefined) continue;
      this.entries = this.entries.filter((e) => e !== entry);
      this.rejected.push({ entry, refusal });
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
