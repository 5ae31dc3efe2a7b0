/**
 * The communities part of the Store port on Cloud Firestore (FirestoreStore delegates to it).
 *
 *   orgs/{orgId}/communities/{communityId}              Community (with memberIds and its last version)
 *   orgs/{orgId}/communityMembers/{communityId}_{staffId}   { communityId, staffId }  (uniqueness of membership)
 *   orgs/{orgId}/communityVersions/{000000000042}       { version, communityId }  (the version gate)
 *   orgs/{orgId}/communityMeta/head                     { headVersion }
 *   orgs/{orgId}/mutations/{mutationId}                 { actor, version, appliedAt }  (shared with profile mutations)
 *
 * Indexes: only the automatic single-field one on `communities.version`.
 *
 * The same restrictions as firestore.ts (only what the stand-in does too), and the same batch
 * order: the refusable creates first (version, then mutation, then member), so on the stand-in,
 * which applies a batch write by write, a refused batch leaves nothing. The version create is the
 * one that loses a race: any write committed after this one's read took the version this one wants.
 *
 * Reading a device's changes costs one read when nothing changed (the head) and one per changed
 * community otherwise; member documents are never read, the community carries its member list.
 * The version documents are tiny and are never read back; they could be trimmed like the
 * directory change log if they ever mattered.
 */
import type { DocumentReference, DocumentSnapshot, Firestore } from 'firebase-admin/firestore';
import * as v from 'valibot';
import {
  applyCommunityIntent,
  CommunitySchema,
  withoutVersion,
  type Community,
  type CommunityIntent,
} from '../../../src/domain/communities';
import { memberDocId, type CommunityStore } from './community-port';
import { replayOutcome, type MutationOutcome, type MutationRecord } from './port';
import { CONFLICT, retryOnVersionConflict, versionDocId } from './retry';

const HeadSchema = v.object({ headVersion: v.optional(v.number(), 0) });
const MutationRecordSchema = v.object({ actor: v.string(), version: v.number(), appliedAt: v.string() });
/** gRPC status of a refused create(). */
const ALREADY_EXISTS = 6;

export class FirestoreCommunities implements CommunityStore {
  constructor(private readonly db: Firestore) {}

  async applyCommunityMutation(
    orgId: string,
    mutationId: string,
    actorStaffId: string,
    intent: CommunityIntent,
  ): Promise<MutationOutcome> {
    const org = this.#org(orgId);
    const headRef = this.#headRef(orgId);
    const communityRef = org.collection('communities').doc(intent.communityId);
    const mutationRef = org.collection('mutations').doc(mutationId);
    const memberRef = org.collection('communityMembers').doc(memberDocId(intent.communityId, actorStaffId));
    return retryOnVersionConflict(async () => {
      // One getAll is one consistent read: the head and the community are seen as of one moment.
      const [headSnap, communitySnap, mutationSnap] = await this.db.getAll(headRef, communityRef, mutationRef);
      if (mutationSnap?.exists) return replayOutcome(v.parse(MutationRecordSchema, mutationSnap.data()), actorStaffId);
      const stored = communitySnap ? parseCommunity(communitySnap) : null;
      const outcome = applyCommunityIntent(stored ? withoutVersion(stored) : null, intent, actorStaffId);
      if (!outcome.ok) return { status: 'rejected', message: outcome.message } as const;
      const appliedAt = new Date().toISOString();
      const batch = this.db.batch();
      if (!outcome.changed) {
        // Recorded all the same: a replay of this id after a later leave must not join again.
        const record: MutationRecord = { actor: actorStaffId, version: 0, appliedAt };
        batch.create(mutationRef, record);
        const committed = await commitOrConflict(batch.commit());
        return committed === CONFLICT ? CONFLICT : ({ status: 'applied', version: 0 } as const);
      }
      const head = headSnap?.exists ? v.parse(HeadSchema, headSnap.data()).headVersion : 0;
      const version = head + 1;
      const record: MutationRecord = { actor: actorStaffId, version, appliedAt };
      batch.create(org.collection('communityVersions').doc(versionDocId(version)), {
        version,
        communityId: intent.communityId,
      });
      batch.create(mutationRef, record);
      if (intent.kind === 'community.leave') batch.delete(memberRef);
      else batch.create(memberRef, { communityId: intent.communityId, staffId: actorStaffId });
      const community: Community = { ...outcome.community, version };
      batch.set(communityRef, community);
      batch.set(headRef, { headVersion: version });
      const committed = await commitOrConflict(batch.commit());
      return committed === CONFLICT ? CONFLICT : ({ status: 'applied', version } as const);
    });
  }

  async communityHead(orgId: string): Promise<number> {
    const snap = await this.#headRef(orgId).get();
    return snap.exists ? v.parse(HeadSchema, snap.data()).headVersion : 0;
  }

  async communitiesSince(orgId: string, version: number, limit: number): Promise<Community[]> {
    const snap = await this.#org(orgId)
      .collection('communities')
      .where('version', '>', version)
      .orderBy('version')
      .limit(limit)
      .get();
    return snap.docs.map((d) => v.parse(CommunitySchema, d.data()));
  }

  #org(orgId: string): DocumentReference {
    return this.db.collection('orgs').doc(orgId);
  }

  #headRef(orgId: string): DocumentReference {
    return this.#org(orgId).collection('communityMeta').doc('head');
  }
}

function parseCommunity(snap: DocumentSnapshot): Community | null {
  return snap.exists ? v.parse(CommunitySchema, snap.data()) : null;
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
