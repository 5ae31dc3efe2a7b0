/**
 * Every feature's store contract and the kit's, on the firebase-admin adapters, against the local
 * Firestore stand-in (@firestore-emulator/server). What the stand-in cannot show is said in the
 * test names below; the real Cloud Firestore emulator cannot run on these machines
 * (docs/ARCHITECTURE.md, "Testing").
 */
import { deleteApp, initializeApp, type App } from 'firebase-admin/app';
import { FieldPath, FieldValue, getFirestore, type Firestore } from 'firebase-admin/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFirestoreStandIn, type FirestoreStandIn } from '../../../tools/firestore-standin';
import { claimsFor, freshOrgId, makeProfiles, mutationId, staffId, UNITS } from '../testing/fixtures';
import { pushMutations } from '../handlers/push-mutations';
import { syncFeeds } from '../handlers/sync';
import { runSyncContract } from '../handlers/sync.contract';
import { seedOrganisation } from './directory/seed';
import type { ServerStores } from './stores';
import { runKitContract } from '../kit/kit.contract';
import { FirestoreProbe } from '../kit/probe';
import { STANDARD_RETRY } from '../kit/versioned';
import { createFirestoreStores, createMemoryStores, SERVER_FEATURES } from '.';
import { runFeatureContracts } from './contracts';
import { MemoryAuthAdmin } from './access/auth-admin';

let standIn: FirestoreStandIn | undefined;
let app: App | undefined;
let db: Firestore | undefined;

beforeAll(async () => {
  standIn = await startFirestoreStandIn({ host: '127.0.0.1', port: 0 });
  // firebase-admin reads this when the Firestore client is created, so it is set before.
  process.env.FIRESTORE_EMULATOR_HOST = standIn.address;
  app = initializeApp({ projectId: 'demo-test' }, `standin-contract-${process.pid}-${Date.now()}`);
  db = getFirestore(app);
});

afterAll(async () => {
  await db?.terminate();
  if (app) await deleteApp(app);
  await standIn?.stop();
});

function firestore(): Firestore {
  if (!db) throw new Error('the stand-in did not start');
  return db;
}

runKitContract('firebase-admin on the Firestore stand-in', () => new FirestoreProbe(firestore(), STANDARD_RETRY));
runFeatureContracts('firebase-admin adapter on the Firestore stand-in', () =>
  // Auth is its own port: the twin here, the Auth emulator in tests/integration/access.test.ts.
  createFirestoreStores(firestore(), { auth: new MemoryAuthAdmin() }),
);
runSyncContract('firebase-admin adapters on the Firestore stand-in', () => createFirestoreStores(firestore()));

describe('drift: the twins count document reads as the adapters do', () => {
  it('the same sends and syncs cost the same reads on both', async () => {
    const scenario = async (stores: ServerStores) => {
      const orgId = freshOrgId('drift');
      await seedOrganisation(stores, { orgId, units: UNITS, staff: makeProfiles(4) });
      const as = (n: number) => claimsFor(n, 'staff', orgId);
      const yell = (n: number) => ({
        kind: 'yell.send',
        id: mutationId(`drift-${n}`),
        createdAt: '2026-11-30T09:00:00.000Z',
        yellId: `yell-drift-${n}`,
        to: [staffId(2)],
        message: 'ありがとう',
        value: 'tasukeai',
        visibility: 'public',
      });
      const counts: number[] = [];
      const measure = async (fn: () => Promise<unknown>) => counts.push((await stores.reads.measure(fn)).reads);
      await measure(() => pushMutations(stores, as(1), { mutations: [yell(1)] }));
      const fresh = {
        communities: { version: 0 },
        yells: { version: 0 },
        notifications: { version: 0 },
        nominations: { version: 0 },
      };
      await measure(() => syncFeeds(stores, as(2), { feeds: fresh }));
      const head = {
        communities: { version: 0 },
        yells: { version: 1 },
        notifications: { version: 1 },
        nominations: { version: 0 },
      };
      await measure(() => syncFeeds(stores, as(2), { feeds: head }));
      await measure(() => pushMutations(stores, as(3), { mutations: [yell(2)] }));
      await measure(() => syncFeeds(stores, as(2), { feeds: head }));
      return counts;
    };
    const twin = await scenario(createMemoryStores());
    const adapter = await scenario(createFirestoreStores(firestore()));
    expect(twin).toEqual(adapter);
    // The no-change sync: three head documents (yells and notifications share one).
    expect(adapter[2]).toBe(3);
  });
});

describe('drift: a feature’s twin and its adapter retry alike', () => {
  it.each(SERVER_FEATURES.map((f) => [f.name, f] as const))('%s', (name, feature) => {
    const adapter = createFirestoreStores(firestore())[name].retry;
    const twin = createMemoryStores()[name].retry;
    expect(adapter).toBe(feature.retry);
    expect(twin).toBe(adapter);
  });
});

describe('Firestore stand-in: known gaps, checked so that a change in them is noticed', () => {
  it('answers a documentId() range filter with no documents (so the adapter pages staff by its `id` field)', async () => {
    const col = firestore().collection(`gap/${freshOrgId()}/docs`);
    await Promise.all(['a', 'b', 'c'].map((id) => col.doc(id).set({ id })));
    const byDocId = await col.where(FieldPath.documentId(), '>', 'a').orderBy(FieldPath.documentId()).get();
    expect(byDocId.docs.map((d) => d.id)).toEqual([]);
    const byField = await col.where('id', '>', 'a').orderBy('id').get();
    expect(byField.docs.map((d) => d.id)).toEqual(['b', 'c']);
  });

  it('applies a batch write by write: a refused create leaves the writes before it (real Firestore leaves none)', async () => {
    const base = `gap/${freshOrgId()}/docs`;
    await firestore().doc(`${base}/taken`).set({ n: 0 });
    const batch = firestore().batch();
    batch.set(firestore().doc(`${base}/first`), { n: 1 });
    batch.create(firestore().doc(`${base}/taken`), { n: 2 });
    await expect(batch.commit()).rejects.toMatchObject({ code: 6 });
    expect((await firestore().doc(`${base}/first`).get()).exists).toBe(true);
  });

  it('accepts documents over the 1 MiB limit (real Firestore refuses them), so chunk sizes are asserted in code', async () => {
    const ref = firestore().doc(`gap/${freshOrgId()}/docs/big`);
    await ref.set({ data: new Uint8Array(1_100_000) });
    expect((await ref.get()).exists).toBe(true);
  });

  it('refuses an increment on a nested field (real Firestore applies it), so kit/counters.ts keeps counters in top-level fields', async () => {
    const ref = firestore().doc(`gap/${freshOrgId()}/docs/counters`);
    await ref.set({ flat: FieldValue.increment(1) }, { merge: true });
    expect((await ref.get()).data()).toEqual({ flat: 1 });
    await expect(ref.set({ nested: { n: FieldValue.increment(1) } }, { merge: true })).rejects.toMatchObject({
      code: 2,
    });
  });

  it.skip('transaction isolation (putSnapshot flips the pointer in a transaction): the stand-in has no locks or conflict detection, so it cannot show this', () => {});
});
