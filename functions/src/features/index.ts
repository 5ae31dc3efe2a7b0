/**
 * Every server feature, one line each. The router, the push handler, the /sync handler and both
 * contract-test entry points loop over this list.
 */
import type { Firestore } from 'firebase-admin/firestore';
import type { Mutation } from '../../../src/domain/mutations';
import { FirestoreBatchReader, MemoryBatchReader } from '../kit/batch-read';
import type { MemoryMutations } from '../kit/memory';
import { ReadCounter } from '../kit/reads';
import { access } from './access';
import type { AuthAdmin } from './access/auth-admin';
import { audit } from './audit';
import { communities } from './communities';
import { directory } from './directory';
import type { ServerFeature } from './feature';
import { nominations } from './nominations';
import { notifications } from './notifications';
import type { FirestoreEnv, MemoryEnv, ServerStores } from './stores';
import { trainings } from './trainings';
import { surveys } from './surveys';
import { yells } from './yells';
import { roster } from './roster';
import { organisation } from './organisation';

export const SERVER_FEATURES = [
  directory,
  communities,
  yells,
  notifications,
  nominations,
  access,
  audit,
  trainings,
  roster,
  organisation,

  surveys,
] as const;

type Feature = (typeof SERVER_FEATURES)[number];
type KindsOf<F> = F extends ServerFeature<infer _N, infer K> ? K : never;
type NamesOf<F> = F extends ServerFeature<infer N, infer _K> ? N : never;

/** Compile-time: every mutation kind is declared by a feature (the push handler dispatches on it). */
type Undeclared = Exclude<Mutation['kind'], KindsOf<Feature>>;
const everyKindDeclared: [Undeclared] extends [never] ? true : Undeclared = true;
/** Compile-time: every store in ServerStores is made by a feature of the list. */
type Unmade = Exclude<keyof Omit<ServerStores, 'reads' | 'reader'>, NamesOf<Feature>>;
const everyStoreMade: [Unmade] extends [never] ? true : Unmade = true;
void everyKindDeclared;
void everyStoreMade;

/**
 * Every feature's twin, sharing one read counter and one set of mutation records (`records`, which
 * a test may pass in to inspect what is kept).
 */
export function createMemoryStores(
  options: { auth?: AuthAdmin; records?: Map<string, MemoryMutations> } = {},
): ServerStores {
  const records = options.records ?? new Map<string, MemoryMutations>();
  const reads = new ReadCounter();
  const env: MemoryEnv = {
    ...(options.auth && { auth: options.auth }),
    reads,
    mutations: (orgId) => {
      let m = records.get(orgId);
      if (!m) {
        m = new Map();
        records.set(orgId, m);
      }
      return m;
    },
  };
  return {
    reads,
    reader: new MemoryBatchReader(reads),
    directory: directory.store.memory(env),
    communities: communities.store.memory(env),
    yells: yells.store.memory(env),
    notifications: notifications.store.memory(env),
    nominations: nominations.store.memory(env),
    access: access.store.memory(env),
    audit: audit.store.memory(env),
    trainings: trainings.store.memory(env),
    roster: roster.store.memory(env),
    organisation: organisation.store.memory(env),

    surveys: surveys.store.memory(env),
  };
}

/** Every feature's Firestore adapter, sharing one read counter. */
export function createFirestoreStores(db: Firestore, options: { auth?: AuthAdmin } = {}): ServerStores {
  const reads = new ReadCounter();
  const env: FirestoreEnv = { ...options, db, reads };
  return {
    reads,
    reader: new FirestoreBatchReader(db, reads),
    directory: directory.store.firestore(env),
    communities: communities.store.firestore(env),
    yells: yells.store.firestore(env),
    notifications: notifications.store.firestore(env),
    nominations: nominations.store.firestore(env),
    access: access.store.firestore(env),
    audit: audit.store.firestore(env),
    trainings: trainings.store.firestore(env),
    roster: roster.store.firestore(env),
    organisation: organisation.store.firestore(env),

    surveys: surveys.store.firestore(env),
  };
}
