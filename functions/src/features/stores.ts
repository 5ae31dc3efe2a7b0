/**
 * The stores of every feature, as the handlers get them: each feature's own port (no interface
 * extends them all), plus the read counter and the batched reader the /sync handler uses. Built
 * from SERVER_FEATURES by features/index.ts, in the twin's form or Firestore's.
 */
import type { Firestore } from 'firebase-admin/firestore';
import type { BatchReader } from '../kit/batch-read';
import type { MemoryMutations } from '../kit/memory';
import type { ReadCounter } from '../kit/reads';
import type { AccessStore } from './access/port';
import type { AuthAdmin } from './access/auth-admin';
import type { AuditStore } from './audit/port';
import type { CommunityStore } from './communities/port';
import type { DirectoryStore } from './directory/port';
import type { NominationStore } from './nominations/port';
import type { NotificationStore } from './notifications/port';
import type { TrainingStore } from './trainings/port';
import type { SurveyStore } from './surveys/port';
import type { YellStore } from './yells/port';
import type { RosterStore } from './roster/port';
import type { OrganisationStore } from './organisation/port';

export interface ServerStores {
  reads: ReadCounter;
  reader: BatchReader;
  directory: DirectoryStore;
  communities: CommunityStore;
  yells: YellStore;
  notifications: NotificationStore;
  nominations: NominationStore;
  access: AccessStore;
  audit: AuditStore;
  trainings: TrainingStore;
  roster: RosterStore;
  organisation: OrganisationStore;

  surveys: SurveyStore;
}

export interface MemoryEnv {
  reads: ReadCounter;
  /** One organisation's mutation records, shared by every feature's twin (one id space). */
  mutations(orgId: string): MemoryMutations;
  /** The Auth port the access module uses; a fresh twin when absent. */
  auth?: AuthAdmin;
}

export interface FirestoreEnv {
  db: Firestore;
  reads: ReadCounter;
  /** firebase-admin's Auth behind its port (index.ts); absent in tools that only seed Firestore. */
  auth?: AuthAdmin;
}
