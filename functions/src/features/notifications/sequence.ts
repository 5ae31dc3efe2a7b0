/**
 * The recognition sequence: one version sequence per organisation for エール (yells/) and
 * notifications (this folder), because a yell and the notifications it causes are one atomic
 * write with one version gate (port.ts says why not two). Notifications own it: the yells
 * feature writes through it, the notifications feature does not depend on yells.
 *
 *   orgs/{orgId}/recognitionVersions/{000000000042}   { version, kind }   (the gate)
 *   orgs/{orgId}/recognitionMeta/head                 { headVersion, feedOptOut: staffId[] }
 *
 * The twin keeps the same per organisation (MemoryRecognition), shared by both twins of one
 * set of stores.
 */
import type { DocumentReference, Firestore } from 'firebase-admin/firestore';
import type { AppNotification } from '../../../../src/domain/notifications';
import { emptyGate, type MemoryGate } from '../../kit/memory';
import { BURST_RETRY, versionDocId } from '../../kit/versioned';
import type { MemoryEnv } from '../stores';

/**
 * The one retry policy of recognition writes, twin and adapter alike: a burst is expected (200
 * people sending to one colleague at once), which is what BURST_RETRY is for.
 */
export const RECOGNITION_RETRY = BURST_RETRY;

export function recognitionHeadRef(db: Firestore, orgId: string): DocumentReference {
  return db.collection('orgs').doc(orgId).collection('recognitionMeta').doc('head');
}

export function recognitionVersionRef(db: Firestore, orgId: string, version: number): DocumentReference {
  return db.collection('orgs').doc(orgId).collection('recognitionVersions').doc(versionDocId(version));
}

export function inboxRef(db: Firestore, orgId: string, recipient: string, id: string): DocumentReference {
  return db.collection('orgs').doc(orgId).collection('inboxes').doc(recipient).collection('notifications').doc(id);
}

export interface MemoryRecognition {
  gate: MemoryGate;
  /** By document id `{recipient}~{id}` (notificationDocId). */
  notifications: Map<string, { recipient: string; notification: AppNotification }>;
  /** Who keeps エール about themselves out of the public feed (kept with the head, as in Firestore). */
  feedOptOut: Set<string>;
}

const recognitions = new WeakMap<MemoryEnv, Map<string, MemoryRecognition>>();

/** The recognition state of one organisation in one set of twins. */
export function memoryRecognition(env: MemoryEnv, orgId: string): MemoryRecognition {
  let orgs = recognitions.get(env);
  if (!orgs) {
    orgs = new Map();
    recognitions.set(env, orgs);
  }
  let org = orgs.get(orgId);
  if (!org) {
    org = { gate: emptyGate(), notifications: new Map(), feedOptOut: new Set() };
    orgs.set(orgId, org);
  }
  return org;
}
