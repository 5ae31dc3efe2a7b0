import type { UnitMapping } from '../../../../src/domain/organisation/batch';
import { tick } from '../../kit/memory';
import type { RetryPolicy } from '../../kit/versioned';
import type { MemoryEnv } from '../stores';
import { mappingId, STATUS_ORDER, type BatchStatus, type OrganisationStore, type OrgBatch } from './port';

interface OrgData {
  batches: Map<string, OrgBatch>;
  mappings: Map<string, UnitMapping>;
}

/** The in-memory twin of the organisation upkeep's Firestore adapter. */
export class MemoryOrganisation implements OrganisationStore {
  readonly #orgs = new Map<string, OrgData>();

  constructor(
    private readonly env: MemoryEnv,
    readonly retry: RetryPolicy,
  ) {}

  async putBatch(orgId: string, batch: OrgBatch): Promise<void> {
    await tick();
    this.#org(orgId).batches.set(batch.id, structuredClone(batch));
  }

  async getBatch(orgId: string, batchId: string): Promise<OrgBatch | null> {
    await tick();
    this.env.reads.add(1);
    const b = this.#org(orgId).batches.get(batchId);
    return b ? structuredClone(b) : null;
  }

  async listScheduled(orgId: string): Promise<OrgBatch[]> {
    await tick();
    const out = [...this.#org(orgId).batches.values()]
      .filter((b) => b.status === 'scheduled')
      .sort((a, b) => (a.effective !== b.effective ? (a.effective < b.effective ? -1 : 1) : a.id < b.id ? -1 : 1))
      .map((b) => structuredClone(b));
    this.env.reads.addQuery(out.length);
    return out;
  }

  async advance(orgId: string, batchId: string, status: BatchStatus, at: string): Promise<boolean> {
    await tick();
    this.env.reads.add(1);
    const b = this.#org(orgId).batches.get(batchId);
    if (!b || STATUS_ORDER[status] <= STATUS_ORDER[b.status]) return false;
    b.status = status;
    if (status === 'applied') b.appliedAt = at;
    return true;
  }

  async putMappings(orgId: string, mappings: readonly UnitMapping[]): Promise<void> {
    await tick();
    for (const m of mappings) this.#org(orgId).mappings.set(mappingId(m), structuredClone(m));
  }

  async listMappings(orgId: string): Promise<UnitMapping[]> {
    await tick();
    const out = [...this.#org(orgId).mappings.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, m]) => structuredClone(m));
    this.env.reads.addQuery(out.length);
    return out;
  }

  #org(orgId: string): OrgData {
    let org = this.#orgs.get(orgId);
    if (!org) {
      org = { batches: new Map(), mappings: new Map() };
      this.#orgs.set(orgId, org);
    }
    return org;
  }
}
