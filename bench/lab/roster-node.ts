/**
 * The roster import's server work in Node, one phase at a time (issue 21): the dry run's comparison
 * of a 40,000-row file with a 40,000-person roster on the in-memory stores, each phase timed.
 *
 *   npx tsx bench/lab/roster-node.ts [--runs=3]
 *   node --cpu-prof --import tsx bench/lab/roster-node.ts   (then bench/lab/profile-summary.ts)
 */
import { readCsv } from '../../src/domain/csv/read';
import { encodeCp932 } from '../../src/domain/csv/testing/cp932';
import type { Claims } from '../../src/domain/protocol';
import { ROWS_PER_PART } from '../../src/domain/roster/protocol';
import { createMemoryStores } from '../../functions/src/features';
import { seedOrganisation } from '../../functions/src/features/directory/seed';
import { createImport, dryRun, putImportPart } from '../../functions/src/features/roster/handlers';
import { generateDemoOrg } from '../../tools/demo-org';
import { wholeRosterCsv } from '../../tools/roster-csv';

const TODAY = new Date('2026-03-10T03:00:00Z');
const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 3);
const org = generateDemoOrg({ staff: 40_000 });
const file = encodeCp932(wholeRosterCsv(org), { gaiji: true });
const store = createMemoryStores();
await seedOrganisation(store, { orgId: org.orgId, units: org.units, staff: org.staff });
const claims: Claims = { orgId: org.orgId, staffId: 'bench-hr', role: 'hr', duties: [] };
const read = readCsv(file);
if (!read.ok) throw new Error(read.problem.code);
const { header, rows, encoding } = read.table;
const { importId } = await createImport(
  store,
  claims,
  { fileName: 'bench.csv', bytes: file.byteLength, encoding, header, rowCount: rows.length },
  TODAY,
);
for (let n = 0; n * ROWS_PER_PART < rows.length; n++)
  await putImportPart(store, claims, importId, n, { rows: rows.slice(n * ROWS_PER_PART, (n + 1) * ROWS_PER_PART) });
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  const dry = await dryRun(store, claims, importId, {}, TODAY);
  const t1 = performance.now();
  const json = JSON.stringify(dry);
  const t2 = performance.now();
  console.log(
    `dry run ${(t1 - t0).toFixed(0)} ms, answer JSON ${(t2 - t1).toFixed(0)} ms (${(json.length / 1024).toFixed(0)} KB, ${dry.problems.length} problems)`,
  );
}
if (process.argv.includes('--phases')) {
  const { loadRoster } = await import('../../functions/src/features/roster/handlers');
  const { checkRosterTable } = await import('../../src/domain/roster/check');
  let t = performance.now();
  const parts = await store.roster.getParts(org.orgId, importId, Math.ceil(rows.length / ROWS_PER_PART));
  console.log(`getParts ${(performance.now() - t).toFixed(0)} ms`);
  t = performance.now();
  checkRosterTable({ header, rows: parts.flatMap((p) => p ?? []) });
  console.log(`check ${(performance.now() - t).toFixed(0)} ms`);
  t = performance.now();
  await loadRoster(store, org.orgId);
  console.log(`loadRoster ${(performance.now() - t).toFixed(0)} ms`);
}
