/**
 * The access store on Cloud Firestore.
 *
 *   orgs/{orgId}/access/{staffId}         AccessState  (one per person the module has set rights for)
 *   orgs/{orgId}/accessPending/{staffId}  PendingGrant (a grant of 人事 waiting for a second HR account)
 *
 * Indexes: `access.role` + `access.active` (an equality on two fields: the automatic single-field
 * indexes merge for it). Each request reads the caller's `access/{staffId}` once, batched with the
 * /sync heads (features/access/token.ts).
 */
import type { DocumentSnapshot } from 'firebase-admin/firestore';
import * as v from 'valibot';
import type { HeadHandle } from '../../kit/batch-read';
import { firestoreHead, readDocs, readQuery } from '../../kit/firestore';
import type { RetryPolicy } from '../../kit/versioned';
import type { FirestoreEnv } from '../stores';
import type { AuthAdmin } from './auth-admin';
import { AccessStateSchema, PendingGrantSchema, type AccessState, type AccessStore, type PendingGrant } from './port';

/** Firestore's limit of writes in one batch. */
const BATCH = 500;

function parseState(snap: DocumentSnapshot): AccessState | null {
  return snap.exists ? v.parse(AccessStateSchema, snap.data()) : null;
}

export class FirestoreAccess implements AccessStore {
  constructor(
    private readonly env: FirestoreEnv,
    readonly retry: RetryPolicy,
    readonly auth: AuthAdmin,
  ) {}

  tokenGate(orgId: string, staffId: string): HeadHandle<AccessState | null> {
    return firestoreHead(this.#states(orgId).doc(staffId), parseState);
  }

  async getStates(orgId: string, staffIds: readonly string[]): Promise<Map<string, AccessState>> {
    const out = new Map<string, AccessState>();
    const unique = [...new Set(staffIds)];
    for (let i = 0; i < unique.length; i += BATCH) {
      const refs = unique.slice(i, i + BATCH).map((id) => this.#states(orgId).doc(id));
      for (const snap of await readDocs(this.env.reads, this.env.db, refs)) {
        const s = parseState(snap);
        if (s) out.set(s.staffId, s);
      }
    }
    return out;
  }

  async putStates(orgId: string, states: readonly AccessState[]): Promise<void> {
    for (let i = 0; i < states.length; i += BATCH) {
      const batch = this.env.db.batch();
      for (const s of states.slice(i, i + BATCH)) batch.set(this.#states(orgId).doc(s.staffId), s);
      await batch.commit();
    }
  }

  async activeHr(orgId: string): Promise<string[]> {
    const snap = await readQuery(
      this.env.reads,
      this.#states(orgId).where('role', '==', 'hr').where('active', '==', true),
    );
    return snap.docs.map((d) => v.parse(AccessStateSchema, d.data()).staffId).sort();
  }

  async listPending(orgId: string): Promise<PendingGrant[]> {
    const snap = await readQuery(this.env.reads, this.#pending(orgId));
    return snap.docs
      .map((d) => v.parse(PendingGrantSchema, d.data()))
      .sort((a, b) => a.staffId.localeCompare(b.staffId));
  }

  async putPending(orgId: string, grants: readonly PendingGrant[]): Promise<void> {
    for (let i = 0; i < grants.length; i += BATCH) {
      const batch = this.env.db.batch();
      for (const g of grants.slice(i, i + BATCH)) batch.set(this.#pending(orgId).doc(g.staffId), g);
      await batch.commit();
    }
  }

  async deletePending(orgId: string, staffIds: readonly string[]): Promise<void> {
    for (let i = 0; i < staffIds.length; i += BATCH) {
      const batch = this.env.db.batch();
      for (const id of staffIds.slice(i, i + BATCH)) batch.delete(this.#pending(orgId).doc(id));
      await batch.commit();
    }
  }

  #states(orgId: string) {
    return this.env.db.collection('orgs').doc(orgId).collection('access');
  }

  #pending(orgId: string) {
    return this.env.db.collection('orgs').doc(orgId).collection('accessPending');
  }
}
