/**
 * The communities' store port on Cloud Firestore.
 *
 *   orgs/{orgId}/communities/{communityId}              Community (with memberIds and its last version)
 *   orgs/{orgId}/communityMembers/{communityId}_{staffId}   { communityId, staffId }  (uniqueness of membership)
 *   orgs/{orgId}/communityVersions/{000000000042}       { version, communityId }  (the version gate)
 *   orgs/{orgId}/communityMeta/head                     { headVersion }
 *   orgs/{orgId}/mutations/{mutationId}                 MutationRecord, shared by every feature
 *
 * Indexes: only the automatic single-field one on `communities.version`.
 *
 * The write is the kit's versioned write (kit/firestore.ts): the gate, the record, then the member
 * create (the refusable ones), then the community and the head.
 *
 * Reading a device's changes costs one read when nothing changed (the head) and one per changed
 * community otherwise; member documents are never read, the community carries its member list.
 * The version documents are tiny and are never read back; they could be trimmed like the
 * directory change log if they ever mattered.
 */
import type { DocumentReference, DocumentSnapshot } from 'firebase-admin/firestore';
import * as v from 'valibot';
import {
  applyCommunityIntent,
  CommunitySchema,
  withoutVersion,
  type Community,
  type CommunityIntent,
} from '../../../../src/domain/communities';
import type { HeadHandle } from '../../kit/batch-read';
import { firestoreHead, firestorePage, firestoreVersionedWrite, parseHeadVersion, readDoc } from '../../kit/firestore';
import { rejectWith, UNCHANGED, versionDocId, type MutationOutcome, type RetryPolicy } from '../../kit/versioned';
import type { FirestoreEnv } from '../stores';
import { memberDocId, type CommunityStore } from './port';

export class FirestoreCommunities implements CommunityStore {
  constructor(
    private readonly env: FirestoreEnv,
    readonly retry: RetryPolicy,
  ) {}

  applyCommunityMutation(
    orgId: string,
    mutationId: string,
    actorStaffId: string,
    intent: CommunityIntent,
  ): Promise<MutationOutcome> {
    const org = this.#org(orgId);
    const communityRef = org.collection('communities').doc(intent.communityId);
    const memberRef = org.collection('communityMembers').doc(memberDocId(intent.communityId, actorStaffId));
    return firestoreVersionedWrite({
      db: this.env.db,
      policy: this.retry,
      reads: this.env.reads,
      headRef: this.#headRef(orgId),
      versionRef: (version) => org.collection('communityVersions').doc(versionDocId(version)),
      mutationRef: org.collection('mutations').doc(mutationId),
      actor: actorStaffId,
      appliedAt: () => new Date().toISOString(),
      extra: [communityRef],
      decide: (_head, [communitySnap]) => {
        const stored = communitySnap ? parseCommunity(communitySnap) : null;
        const outcome = applyCommunityIntent(stored ? withoutVersion(stored) : null, intent, actorStaffId);
        if (!outcome.ok) return rejectWith(outcome.problem);
        // Recorded all the same: a replay of this id after a later leave must not join again.
        if (!outcome.changed) return UNCHANGED;
        return {
          write: {
            gate: { communityId: intent.communityId },
            stage: (batch, version) => {
              if (intent.kind === 'community.leave') batch.delete(memberRef);
              else batch.create(memberRef, { communityId: intent.communityId, staffId: actorStaffId });
              const community: Community = { ...outcome.community, version };
              batch.set(communityRef, community);
            },
          },
        };
      },
    });
  }

  async communityHead(orgId: string): Promise<number> {
    return parseHeadVersion(await readDoc(this.env.reads, this.#headRef(orgId)));
  }

  feedHead(orgId: string): HeadHandle<number> {
    return firestoreHead(this.#headRef(orgId), parseHeadVersion);
  }

  communitiesSince(orgId: string, version: number, limit: number): Promise<Community[]> {
    return firestorePage(this.env.reads, this.#org(orgId).collection('communities'), version, limit, (d) =>
      v.parse(CommunitySchema, d),
    );
  }

  #org(orgId: string): DocumentReference {
    return this.env.db.collection('orgs').doc(orgId);
  }

  #headRef(orgId: string): DocumentReference {
    return this.#org(orgId).collection('communityMeta').doc('head');
  }
}

function parseCommunity(snap: DocumentSnapshot): Community | null {
  return snap.exists ? v.parse(CommunitySchema, snap.data()) : null;
}
