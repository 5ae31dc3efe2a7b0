/**
 * Seeds the demo organisation into the local stack: Firestore (through the functions' own Store
 * adapter, so the data has exactly the shape the API reads) and Auth users with custom claims for
 * the demo accounts.
 */
import { deleteApp, initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';
import { createFirestoreStores } from '../functions/src/features';
import { seedOrganisation } from '../functions/src/features/directory/seed';
import { seedDemoSurveys } from '../functions/src/features/surveys/seed';
import { seedDemoTrainings } from '../functions/src/features/trainings/seed';
import { seedDemoYells } from '../functions/src/features/yells/seed';
import type { Claims } from '../src/domain/protocol';
import { generateDemoOrg, type DemoAccount } from './demo-org';

export interface SeedOptions {
  staff: number;
  firestoreHost: string;
  authHost: string;
  projectId: string;
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fetch(url);
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

export async function seedDemo(options: SeedOptions): Promise<DemoAccount[]> {
  // firebase-admin reads these when each service is first used.
  process.env.FIRESTORE_EMULATOR_HOST = options.firestoreHost;
  process.env.FIREBASE_AUTH_EMULATOR_HOST = options.authHost;
  process.env.METADATA_SERVER_DETECTION ??= 'none';
  const org = generateDemoOrg({ staff: options.staff });
  const app = initializeApp({ projectId: options.projectId }, `seed-${Date.now()}`);
  try {
    const store = createFirestoreStores(getFirestore(app));
    await seedOrganisation(store, {
      orgId: org.orgId,
      units: org.units,
      staff: org.staff,
    });
    // A few hundred public エール (and claps) between demo staff, the demo accounts among them,
    // through the store's mutation path so the summary counts are what use would leave.
    await seedDemoYells(store, {
      orgId: org.orgId,
      units: org.units,
      staff: org.staff,
      focus: org.accounts.map((a) => a.staffId),
    });
    await seedDemoTrainings(store, { orgId: org.orgId }); // about 220 trainings of this fiscal year (T1)

    // Last year's staff survey closed (about 55% answered) and this year's open (S1-S6).
    await seedDemoSurveys(store, { orgId: org.orgId, units: org.units, staff: org.staff });

    await waitFor(`http://${options.authHost}/`, 180_000);
    const auth = getAuth(app);
    const byId = new Map(org.staff.map((s) => [s.id, s]));
    for (const account of org.accounts) {
      const person = byId.get(account.staffId);
      if (!person) throw new Error(`demo account ${account.email} has no roster entry`);
      const claims: Claims = { orgId: org.orgId, staffId: person.id, role: person.role, duties: person.duties };
      const existing = await auth.getUserByEmail(account.email).catch(() => null);
      const user =
        existing ??
        (await auth.createUser({
          email: account.email,
          password: account.password,
          displayName: `${person.familyName} ${person.givenName}`,
        }));
      await auth.setCustomUserClaims(user.uid, claims);
    }
    return org.accounts;
  } finally {
    await deleteApp(app);
  }
}
