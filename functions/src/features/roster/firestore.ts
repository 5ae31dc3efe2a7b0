/**
 * The roster import's store port on Cloud Firestore.
 *
 * Layout:
 *
 *   orgs/{orgId}/rosterImports/{importId}              ImportMeta
 *   orgs/{orgId}/rosterImports/{importId}/parts/{n}    { rows: string }  (JSON of up to 500 CsvRow,
 *                                                      about 100 KB: one string, so Firestore indexes no cell)
 *   orgs/{orgId}/rosterPending/{staffId}_{effective}   { staffId, effective, importId, by, row: string (JSON) }
 *
 * The people themselves are the directory's documents (features/directory/firestore.ts).
 */
import type { DocumentReference, Firestore } from 'firebase-admin/firestore';
import * as v from 'valibot';
import type { CsvRow } from '../../../../src/domain/csv/read';
import type { RosterRow } from '../../../../src/domain/roster/check';
import { readDoc, readDocs, readQuery, withoutUndefined } from '../../kit/firestore';
import type { RetryPolicy } from '../../kit/versioned';
import type { FirestoreEnv } from '../stores';
import type { ImportMeta, ImportStep, PendingChange, RosterStore } from './port';

const SummarySchema = v.object({
  new: v.number(),
  transfer: v.number(),
  retire: v.number(),
  change: v.number(),
  unchanged: v.number(),
  future: v.number(),
  rejected: v.number(),
});
const MetaSchema = v.object({
  id: v.string(),
  by: v.string(),
  createdAt: v.string(),
  fileName: v.string(),
  bytes: v.number(),
  encoding: v.picklist(['shift_jis', 'utf-8']),
  header: v.array(v.string()),
  rowCount: v.number(),
  parts: v.number(),
  status: v.picklist(['open', 'applying', 'done']),
  checkpoint: v.number(),
  summary: v.optional(SummarySchema),
  finishedAt: v.optional(v.string()),
});
const PartSchema = v.object({ rows: v.string() });
const PendingSchema = v.object({
  staffId: v.string(),
  effective: v.string(),
  importId: v.string(),
  by: v.string(),
  row: v.string(),
});
const BATCH = 400;

export class FirestoreRoster implements RosterStore {
  private readonly db: Firestore;

  constructor(
    private readonly env: FirestoreEnv,
    readonly retry: RetryPolicy,
  ) {
    this.db = env.db;
  }

  async putImport(orgId: string, meta: ImportMeta): Promise<void> {
    await this.#importRef(orgId, meta.id).set(withoutUndefined({ ...meta }));
  }

  async getImport(orgId: string, importId: string): Promise<ImportMeta | null> {
    const snap = await readDoc(this.env.reads, this.#importRef(orgId, importId));
    return snap.exists ? withoutUndefined(v.parse(MetaSchema, snap.data()) as ImportMeta) : null;
  }

  async advance(orgId: string, importId: string, step: ImportStep): Promise<void> {
    const meta = await this.getImport(orgId, importId);
    if (!meta || meta.status === 'done' || step.checkpoint < meta.checkpoint) return;
    await this.#importRef(orgId, importId).set(withoutUndefined({ ...step }), { merge: true });
  }

  async putPart(orgId: string, importId: string, n: number, rows: readonly CsvRow[]): Promise<void> {
    await this.#importRef(orgId, importId)
      .collection('parts')
      .doc(String(n))
      .set({ rows: JSON.stringify(rows) });
  }

  async getParts(orgId: string, importId: string, count: number): Promise<(CsvRow[] | null)[]> {
    if (count === 0) return [];
    const refs = Array.from({ length: count }, (_, n) =>
      this.#importRef(orgId, importId).collection('parts').doc(String(n)),
    );
    const snaps = await readDocs(this.env.reads, this.db, refs);
    // The rows were checked with ImportPartSchema before they were stored.
    return snaps.map((s) => (s.exists ? (JSON.parse(v.parse(PartSchema, s.data()).rows) as CsvRow[]) : null));
  }

  async putPending(orgId: string, changes: readonly PendingChange[]): Promise<void> {
    for (let i = 0; i < changes.length; i += BATCH) {
      const batch = this.db.batch();
      for (const c of changes.slice(i, i + BATCH)) {
        batch.set(this.#pending(orgId).doc(c.id), {
          staffId: c.staffId,
          effective: c.effective,
          importId: c.importId,
          by: c.by,
          row: JSON.stringify(c.row),
        });
      }
      await batch.commit();
    }
  }

  async listPending(orgId: string): Promise<PendingChange[]> {
    const snap = await readQuery(this.env.reads, this.#pending(orgId));
    return snap.docs
      .map((d) => {
        const data = v.parse(PendingSchema, d.data());
        // Stored from a RosterRow checked by the roster's own checks.
        return { id: d.id, ...data, row: JSON.parse(data.row) as RosterRow };
      })
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  async deletePending(orgId: string, ids: readonly string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = this.db.batch();
      for (const id of ids.slice(i, i + BATCH)) batch.delete(this.#pending(orgId).doc(id));
      await batch.commit();
    }
  }

  #importRef(orgId: string, importId: string): DocumentReference {
    return this.db.collection('orgs').doc(orgId).collection('rosterImports').doc(importId);
  }

  #pending(orgId: string) {
    return this.db.collection('orgs').doc(orgId).collection('rosterPending');
  }
}
