/**
 * The commendations' store port on Cloud Firestore.
 *
 *   orgs/{orgId}/nominations/{nominationId}                       Nomination (with its last version)
 *   orgs/{orgId}/nominationEndorsements/{nominationId}_{staffId}  { nominationId, staffId, at }  (one per person)
 *   orgs/{orgId}/nominationVersions/{000000000042}                { version, nominationId }  (the version gate)
 *   orgs/{orgId}/nominationAudit/{nominationId}_{000000000042}    AuditEntry  (append-only: only ever created)
 *   orgs/{orgId}/nominationMeta/head                              { headVersion }
 *   orgs/{orgId}/settings/awards                                  { awards: Award[] }
 *   orgs/{orgId}/mutations/{mutationId}                           MutationRecord, shared by every feature
 *
 * Indexes: the automatic single-field ones (`nominations.version`, `nominationAudit.nominationId`);
 * the audit query is an equality without orderBy (sorted here), so it needs no composite index.
 *
 * The write is the kit's versioned write (kit/firestore.ts): the refusable creates first (gate,
 * record, then endorsement and audit), so on the stand-in, which applies a batch write by write, a
 * refused batch leaves nothing. Saving the award list takes a version too, so the next sync of the
 * nominations feed carries the new list. The version create is what makes a status change a compare-and-set: any write
 * committed after this attempt's read took the version this attempt wants.
 *
 * What the stand-in cannot prove: it has no transaction isolation and applies batches write by
 * write, so the contract's "two reviewers at once" test shows the version gate serialising
 * writers on the stand-in, not Firestore's all-or-nothing commit; `getAll` being one consistent
 * read is also taken from Firestore's documentation, not shown here.
 */
import type { DocumentReference } from 'firebase-admin/firestore';
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
} from '../../../../src/domain/nominations';
import type { HeadHandle } from '../../kit/batch-read';
import {
  FirestoreSequence,
  firestoreVersionBump,
  firestoreVersionedWrite,
  readDoc,
  readQuery,
} from '../../kit/firestore';
import { rejectWith, UNCHANGED, versionDocId, type MutationOutcome, type RetryPolicy } from '../../kit/versioned';
import type { FirestoreEnv } from '../stores';
import { endorsementDocId, withoutVersion, type NominationStore } from './port';

const AwardsDocSchema = v.object({ awards: v.array(AwardSchema) });

export class FirestoreNominations implements NominationStore {
  readonly #seq: FirestoreSequence;

  constructor(
    private readonly env: FirestoreEnv,
    readonly retry: RetryPolicy,
  ) {
    this.#seq = new FirestoreSequence(env.db, env.reads, { meta: 'nominationMeta', versions: 'nominationVersions' });
  }

  applyNominationMutation(
    orgId: string,
    mutationId: string,
    actorStaffId: string,
    intent: NominationIntent,
    ctx: NominationContext,
  ): Promise<MutationOutcome> {
    const org = this.#org(orgId);
    const nominationRef = org.collection('nominations').doc(intent.nominationId);
    return firestoreVersionedWrite({
      ...this.#seq.writeSpec(orgId),
      policy: this.retry,
      mutationRef: org.collection('mutations').doc(mutationId),
      actor: actorStaffId,
      appliedAt: () => ctx.now,
      extra: [nominationRef],
      decide: (_head, [nominationSnap]) => {
        const stored = nominationSnap?.exists ? v.parse(NominationSchema, nominationSnap.data()) : null;
        const outcome = applyNominationIntent(stored ? withoutVersion(stored) : null, intent, actorStaffId, ctx);
        if (!outcome.ok) return rejectWith(outcome.problem);
        if (!outcome.changed) return UNCHANGED;
        return {
          write: {
            gate: { nominationId: intent.nominationId },
            stage: (batch, version) => {
              if (intent.kind === 'nomination.endorse') {
                batch.create(
                  org.collection('nominationEndorsements').doc(endorsementDocId(intent.nominationId, actorStaffId)),
                  { nominationId: intent.nominationId, staffId: actorStaffId, at: ctx.now },
                );
              }
              if (outcome.audit) {
                const entry: AuditEntry = { ...outcome.audit, nominationId: intent.nominationId, version };
                batch.create(
                  org.collection('nominationAudit').doc(`${intent.nominationId}_${versionDocId(version)}`),
                  entry,
                );
              }
              const nomination: Nomination = { ...outcome.nomination, version };
              batch.set(nominationRef, nomination);
            },
          },
        };
      },
    });
  }

  async getNomination(orgId: string, nominationId: string): Promise<Nomination | null> {
    const snap = await readDoc(this.env.reads, this.#org(orgId).collection('nominations').doc(nominationId));
    return snap.exists ? v.parse(NominationSchema, snap.data()) : null;
  }

  nominationHead(orgId: string): Promise<number> {
    return this.#seq.head(orgId);
  }

  feedHead(orgId: string): HeadHandle<number> {
    return this.#seq.feedHead(orgId);
  }

  nominationsSince(orgId: string, version: number, limit: number): Promise<Nomination[]> {
    return this.#seq.since(orgId, 'nominations', version, limit, (d) => v.parse(NominationSchema, d));
  }

  async nominationAudit(orgId: string, nominationId: string): Promise<AuditEntry[]> {
    const snap = await readQuery(
      this.env.reads,
      this.#org(orgId).collection('nominationAudit').where('nominationId', '==', nominationId),
    );
    return snap.docs.map((d) => v.parse(AuditEntrySchema, d.data())).sort((a, b) => a.version - b.version);
  }

  async getAwards(orgId: string): Promise<Award[] | null> {
    const snap = await readDoc(this.env.reads, this.#awardsRef(orgId));
    return snap.exists ? v.parse(AwardsDocSchema, snap.data()).awards : null;
  }

  putAwards(orgId: string, awards: readonly Award[]): Promise<void> {
    return firestoreVersionBump({
      ...this.#seq.writeSpec(orgId),
      policy: this.retry,
      decide: async () => ({
        count: 1,
        gate: { kind: 'awards' },
        stage: (batch) => void batch.set(this.#awardsRef(orgId), { awards: awards.map((a) => ({ ...a })) }),
      }),
    });
  }

  #org(orgId: string): DocumentReference {
    return this.#seq.org(orgId);
  }

  #awardsRef(orgId: string): DocumentReference {
    return this.#org(orgId).collection('settings').doc('awards');
  }
}
