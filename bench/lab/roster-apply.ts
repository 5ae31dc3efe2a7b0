/**
 * The roster bench's first import of 40,000 on the Firestore stand-in (in this process), with each
 * phase timed: parts upload, dry run, each apply call (issue 21). For profiling the apply job:
 *
 *   node --cpu-prof --import tsx bench/lab/roster-apply.ts [--staff=40000]
 */
import { deleteApp, initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { readCsv } from '../../src/domain/csv/read';
import { encodeCp932 } from '../../src/domain/csv/testing/cp932';
import type { Claims } from '../../src/domain/protocol';
import { ROWS_PER_PART, type ApplyAnswer } from '../../src/domain/roster/protocol';
import { createFirestoreStores } from '../../functions/src/features';
import { MemoryAuthAdmin } from '../../functions/src/features/access/auth-admin';
import { applyImport, createImport, dryRun, putImportPart } from '../../functions/src/features/roster/handlers';
import { rosterWiringFor } from '../../functions/src/features/roster/wiring';
import { generateDemoOrg } from '../../tools/demo-org';
import { startFirestoreStandIn } from '../../tools/firestore-standin';
import { wholeRosterCsv } from '../../tools/roster-csv';

const TODAY = new Date('2026-03-10T03:00:00Z');
const staff = Number(process.argv.find((a) => a.startsWith('--staff='))?.slice(8) ?? 40_000);
const org = generateDemoOrg({ staff });
const file = encodeCp932(wholeRosterCsv(org), { gaiji: true });
const standIn = await startFirestoreStandIn({ host: '127.0.0.1', port: 0 });
process.env.FIRESTORE_EMULATOR_HOST = standIn.address;
const app = initializeApp({ projectId: 'demo-lab' }, 'roster-apply-lab');
const t = (from: number) => `${((performance.now() - from) / 1000).toFixed(1)} s`;
try {
  const stores = createFirestoreStores(getFirestore(app), { auth: new MemoryAuthAdmin() });
  const orgId = 'lab-roster';
  const claims: Claims = { orgId, staffId: 'bench-hr', role: 'hr', duties: [] };
  await stores.directory.putUnits(orgId, org.units);
  const read = readCsv(file);
  if (!read.ok) throw new Error(read.problem.code);
  const { header, rows, encoding } = read.table;
  let t0 = performance.now();
  const started = t0;
  const { importId } = await createImport(
    stores,
    claims,
    { fileName: 'lab.csv', bytes: file.byteLength, encoding, header, rowCount: rows.length },
    TODAY,
  );
  for (let n = 0; n * ROWS_PER_PART < rows.length; n++)
    await putImportPart(stores, claims, importId, n, {
      rows: rows.slice(n * ROWS_PER_PART, (n + 1) * ROWS_PER_PART),
    });
  console.log(`parts: ${t(t0)}`);
  t0 = performance.now();
  await dryRun(stores, claims, importId, {}, TODAY);
  console.log(`dry run: ${t(t0)}`);
  for (;;) {
    t0 = performance.now();
    const answer: ApplyAnswer = await applyImport(stores, claims, importId, {}, () => TODAY, rosterWiringFor(stores));
    console.log(`apply call: ${t(t0)}, ${answer.processed}/${answer.total}`);
    if (answer.done) break;
  }
  console.log(`total ${t(started)}`);
} finally {
  await deleteApp(app);
  await standIn.stop();
}
