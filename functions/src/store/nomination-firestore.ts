/**
 * The commendations part of the Store port on Cloud Firestore (FirestoreStore delegates to it).
 *
 *   orgs/{orgId}/nominations/{nominationId}                       Nomination (with its last version)
 *   orgs/{orgId}/nominationEndorsements/{nominationId}_{staffId}  { nominationId, staffId, at }  (one per person)
 *   orgs/{orgId}/nominationVersions/{000000000042}                { version, nominationId }  (the version gate)
 *   orgs/{orgId}/nominationAudit/{nominationId}_{000000000042}    AuditEntry  (append-only: only ever created)
 *   orgs/{orgId}/nominationMeta/head                              { headVersion }
 *   orgs/{orgId}/settings/awards                                  { awards: Award[] }
 *   orgs/{orgId}/mutations/{mutationId}                           shared with profile and community mutations
 *
 * Indexes: the automatic single-field ones (`nominations.version`, `nominationAudit.nominationId`);
 * the audit query is an equality without orderBy (sorted here), so it needs no composite index.
 *
 * Batch order as in the other adapters: the refusable creates first (version, mutation,
 * endorsement, audit), so on the stand-in, which applies a batch write by write, a refused batch
 * leaves nothing. The version create is what makes a status change a compare-and-set: any write
 * committed after this attempt's read took the version this attempt wants.
 *
 * What the stand-in cannot prove: it has no transaction isolation and applies batches write by
 * write, so the contract's "two reviewers at once" test shows the version gate serialising
 * writers on the stand-in, not Firestore's all-or-nothing commit; `getAll` being one consistent
 * read is also taken from Firestore's documentation, not shown here.
 */
import type { DocumentReference, Firestore } from 'firebase-admin/firestore';
import * as v from 'valibot';
import {
  applyNominationIntent,
  AuditEntrySchema,
  AwardSchema,
  NominationSchema,
  type AuditEntry,
  type Award,
  type Nomination,
  type NominationContext,
  type NominationIntent,
} from '../../../src/domain/nominations';
import { endorsementDocId, type NominationStore } from './nomination-port';
import { replayOutcome, type MutationOutcome, type MutationRecord } from './port';
import { CONFLICT, retryOnVersionConflict, versionDocId } from './retry';

const HeadSchema = v.object({ headVersion: v.optional(v.number(), 0) });
const MutationRecordSchema = v.object({ actor: v.string(), version: v.number(), appliedAt: v.string() });
const AwardsDocSchema = v.object({ awards: v.array(AwardSchema) });
/** gRPC status of a refused create(). */
const ALREADY_EXISTS = 6;

export class FirestoreNominations implements NominationStore {
  constructor(private readonly db: Firestore) {}

  async applyNominationMutation(
    orgId: string,
    mutationId: string,
    actorStaffId: string,
    intent: NominationIntent,
    ctx: NominationContext,
  ): Promise<MutationOutcome> {
    const org = this.#org(orgId);
    const headRef = this.#headRef(orgId);
    const nominationRef = org.collection('nominations').doc(intent.nominationId);
    const mutationRef = org.collection('mutations').doc(mutationId);
    return retryOnVersionConflict(async () => {
      const [headSnap, nominationSnap, mutationSnap] = await this.db.getAll(headRef, nominationRef, mutationRef);
      if (mutationSnap?.exists) return replayOutcome(v.parse(MutationRecordSchema, mutationSnap.data()), actorStaffId);
      const stored = nominationSnap?.exists ? v.parse(NominationSchema, nominationSnap.data()) : null;
      const outcome = applyNominationIntent(stored ? withoutVersion(stored) : null, intent, actorStaffId, ctx);
      if (!outcome.ok) return { status: 'rejected', message: outcome.message } as const;
      const appliedAt = ctx.now;
      const batch = this.db.batch();
      if (!outcome.changed) {
        const record: MutationRecord = { actor: actorStaffId, version: 0, appliedAt };
        batch.create(mutationRef, record);
        const committed = await commitOrConflict(batch.commit());
        return committed === CONFLICT ? CONFLICT : ({ status: 'applied', version: 0 } as const);
      }
      const head = headSnap?.exists ? v.parse(HeadSchema, headSnap.data()).headVersion : 0;
      const version = head + 1;
      batch.create(org.collection('nominationVersions').doc(versionDocId(version)), {
        version,
        nominationId: intent.nominationId,
      });
      const record: MutationRecord = { actor: actorStaffId, version, appliedAt };
      batch.create(mutationRef, record);
      if (intent.kind === 'nomination.endorse') {
        batch.create(
          org.collection('nominationEndorsements').doc(endorsementDocId(intent.nominationId, actorStaffId)),
          { nominationId: intent.nominationId, staffId: actorStaffId, at: appliedAt },
        );
      }
      if (outcome.audit) {
        const entry: AuditEntry = { ...outcome.audit, nominationId: intent.nominationId, version };
        batch.create(org.collection('nominationAudit').doc(`${intent.nominationId}_${versionDocId(version)}`), entry);
      }
      const nomination: Nomination = { ...outcome.nomination, version };
      batch.set(nominationRef, nomination);
      batch.set(headRef, { headVersion: version });
      const committed = await commitOrConflict(batch.commit());
      return committed === CONFLICT ? CONFLICT : ({ status: 'applied', version } as const);
    });
  }

  async getNomination(orgId: string, nominationId: string): Promise<Nomination | null> {
    const snap = await this.#org(orgId).collection('nominations').doc(nominationId).get();
    return snap.exists ? v.parse(NominationSchema, snap.data()) : null;
  }

  async nominationHead(orgId: string): Promise<number> {
    const snap = await this.#headRef(orgId).get();
    return snap.exists ? v.parse(HeadSchema, snap.data()).headVersion : 0;
  }

  async nominationsSince(orgId: string, version: number, limit: number): Promise<Nomination[]> {
    const snap = await this.#org(orgId)
      .collection('nominations')
      .where('version', '>', version)
      .orderBy('version')
      .limit(limit)
      .get();
    return snap.docs.map((d) => v.parse(NominationSchema, d.data()));
  }

  async nominationAudit(orgId: string, nominationId: string): Promise<AuditEntry[]> {
    const snap = await this.#org(orgId).collection('nominationAudit').where('nominationId', '==', nominationId).get();
    return snap.docs.map((d) => v.parse(AuditEntrySchema, d.data())).sort((a, b) => a.version - b.version);
  }

  async getAwards(orgId: string): Promise<Award[] | null> {
    const snap = await this.#org(orgId).collection('settings').doc('awards').get();
    return snap.exists ? v.parse(AwardsDocSchema, snap.data()).awards : null;
  }

  async putAwards(orgId: string, awards: readonly Award[]): Promise<void> {
    await this.#org(orgId)
      .collection('settings')
      .doc('awards')
      .set({ awards: awards.map((a) => ({ ...a })) });
  }

  #org(orgId: string): DocumentReference {
    return this.db.collection('orgs').doc(orgId);
  }

  #headRef(orgId: string): DocumentReference {
    return this.#org(orgId).collection('nominationMeta').doc('head');
  }
}

function withoutVersion(n: Nomination): Omit<Nomination, 'version'> {
  const { version: _version, ...rest } = n;
  return rest;
}

async function commitOrConflict(commit: Promise<unknown>): Promise<typeof CONFLICT | void> {
  try {
    await commit;
  } catch (error) {
    if (isAlreadyExists(error)) return CONFLICT;
    throw error;
  }
}

function isAlreadyExists(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === ALREADY_EXISTS;
}
