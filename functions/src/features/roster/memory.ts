import type { CsvRow } from '../../../../src/domain/csv/read';
import { tick } from '../../kit/memory';
import type { RetryPolicy } from '../../kit/versioned';
import type { MemoryEnv } from '../stores';
import type { ImportMeta, ImportStep, PendingChange, RosterStore } from './port';

interface OrgData {
  imports: Map<string, ImportMeta>;
  parts: Map<string, CsvRow[]>;
  pending: Map<string, PendingChange>;
}

/** The in-memory twin of the roster's Firestore adapter. */
export class MemoryRoster implements RosterStore {
  readonly #orgs = new Map<string, OrgData>();

  constructor(
    private readonly env: MemoryEnv,
    readonly retry: RetryPolicy,
  ) {}

  async putImport(orgId: string, meta: ImportMeta): Promise<void> {
    await tick();
    this.#org(orgId).imports.set(meta.id, structuredClone(meta));
  }

  async getImport(orgId: string, importId: string): Promise<ImportMeta | null> {
    await this.#read(1);
    const meta = this.#org(orgId).imports.get(importId);
    return meta ? structuredClone(meta) : null;
  }

  async advance(orgId: string, importId: string, step: ImportStep): Promise<void> {
    await this.#read(1);
    const meta = this.#org(orgId).imports.get(importId);
    if (!meta || meta.status === 'done' || step.checkpoint < meta.checkpoint) return;
    Object.assign(meta, structuredClone(step));
  }

  async putPart(orgId: string, importId: string, n: number, rows: readonly CsvRow[]): Promise<void> {
    await tick();
    this.#org(orgId).parts.set(`${importId}/${n}`, structuredClone([...rows]));
  }

  async getParts(orgId: string, importId: string, count: number): Promise<(CsvRow[] | null)[]> {
    await this.#read(count);
    const parts = this.#org(orgId).parts;
    return Array.from({ length: count }, (_, n) => structuredClone(parts.get(`${importId}/${n}`) ?? null));
  }

  async putPending(orgId: string, changes: readonly PendingChange[]): Promise<void> {
    await tick();
    for (const c of changes) this.#org(orgId).pending.set(c.id, structuredClone(c));
  }

  async listPending(orgId: string): Promise<PendingChange[]> {
    await tick();
    const out = [...this.#org(orgId).pending.values()]
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((c) => structuredClone(c));
    this.env.reads.addQuery(out.length);
    return out;
  }

  async deletePending(orgId: string, ids: readonly string[]): Promise<void> {
    await tick();
    for (const id of ids) this.#org(orgId).pending.delete(id);
  }

  async #read(documents: number): Promise<void> {
    await tick();
    this.env.reads.add(documents);
  }

  #org(orgId: string): OrgData {
    let org = this.#orgs.get(orgId);
    if (!org) {
      org = { imports: new Map(), parts: new Map(), pending: new Map() };
      this.#orgs.set(orgId, org);
    }
    return org;
  }
}
