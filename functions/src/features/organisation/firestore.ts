/**
 * The organisation upkeep's store port on Cloud Firestore.
 *
 * Layout:
 *
 *   orgs/{orgId}/orgBatches/{batchId}              OrgBatch, its changes as one JSON string (so
 *                                                  Firestore indexes none of them)
 *   orgs/{orgId}/unitMappings/{effective}_{from}   UnitMapping
 *
 * The units themselves are the directory's documents (features/directory/firestore.ts).
 */
import type { Firestore } from 'firebase-admin/firestore';
import * as v from 'valibot';
import type { OrgChange, UnitMapping } from '../../../../src/domain/organisation/batch';
import { readDoc, readQuery, withoutUndefined } from '../../kit/firestore';
import type { RetryPolicy } from '../../kit/versioned';
import type { FirestoreEnv } from '../stores';
import { mappingId, STATUS_ORDER, type BatchStatus, type OrganisationStore, type OrgBatch } from './port';

const Count = v.number();
const BatchSchema = v.object({
  id: v.string(),
  by: v.string(),
  createdAt: v.string(),
  effective: v.string(),
  changes: v.string(),
  summary: v.object({ add: Count, rename: Count, move: Count, merge: Count, abolish: Count }),
  status: v.picklist(['staged', 'scheduled', 'applied']),
  appliedAt: v.optional(v.string()),
});
const MappingSchema = v.object({ effective: v.string(), from: v.string(), to: v.array(v.string()) });
const BATCH = 400;

export class FirestoreOrganisation implements OrganisationStore {
  private readonly db: Firestore;

  constructor(
    private readonly env: FirestoreEnv,
    readonly retry: RetryPolicy,
  ) {
    this.db = env.db;
  }

  async putBatch(orgId: string, batch: OrgBatch): Promise<void> {
    await this.#batches(orgId)
      .doc(batch.id)
      .set(withoutUndefined({ ...batch, changes: JSON.stringify(batch.changes) }));
  }

  async getBatch(orgId: string, batchId: string): Promise<OrgBatch | null> {
    const snap = await readDoc(this.env.reads, this.#batches(orgId).doc(batchId));
    return snap.exists ? decode(snap.data()) : null;
  }

  async listScheduled(orgId: string): Promise<OrgBatch[]> {
    const snap = await readQuery(this.env.reads, this.#batches(orgId).where('status', '==', 'scheduled'));
    return snap.docs
      .map((d) => decode(d.data()))
      .sort((a, b) => (a.effective !== b.effective ? (a.effective < b.effective ? -1 : 1) : a.id < b.id ? -1 : 1));
  }

  async advance(orgId: string, batchId: string, status: BatchStatus, at: string): Promise<boolean> {
    const ref = this.#batches(orgId).doc(batchId);
    return this.db.runTransaction(async (tx) => {
      const snap = await tx.get(ref);
      this.env.reads.add(1);
      if (!snap.exists) return false;
      const b = decode(snap.data());
      if (STATUS_ORDER[status] <= STATUS_ORDER[b.status]) return false;
      tx.set(ref, { status, ...(status === 'applied' && { appliedAt: at }) }, { merge: true });
      return true;
    });
  }

  async putMappings(orgId: string, mappings: readonly UnitMapping[]): Promise<void> {
    for (let i = 0; i < mappings.length; i += BATCH) {
      const batch = this.db.batch();
      for (const m of mappings.slice(i, i + BATCH)) {
        batch.set(this.#mappings(orgId).doc(mappingId(m)), { effective: m.effective, from: m.from, to: [...m.to] });
      }
      await batch.commit();
    }
  }

  async listMappings(orgId: string): Promise<UnitMapping[]> {
    const snap = await readQuery(this.env.reads, this.#mappings(orgId));
    return snap.docs
      .map((d) => ({ id: d.id, m: v.parse(MappingSchema, d.data()) }))
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map(({ m }) => m);
  }

  #batches(orgId: string) {
    return this.db.collection('orgs').doc(orgId).collection('orgBatches');
  }

  #mappings(orgId: string) {
    return this.db.collection('orgs').doc(orgId).collection('unitMappings');
  }
}

function decode(data: unknown): OrgBatch {
  const b = v.parse(BatchSchema, data);
  // Stored from changes checked with OrgChangeSchema before they were staged.
  return withoutUndefined({ ...b, changes: JSON.parse(b.changes) as OrgChange[] }) as OrgBatch;
}
