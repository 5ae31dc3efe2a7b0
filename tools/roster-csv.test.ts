import { describe, expect, it } from 'vitest';
import { readCsv, type CsvRow } from '../src/domain/csv/read';
import { encodeCp932 } from '../src/domain/csv/testing/cp932';
import type { Claims } from '../src/domain/protocol';
import { ROWS_PER_PART } from '../src/domain/roster/protocol';
import { createMemoryStores } from '../functions/src/features';
import { seedOrganisation } from '../functions/src/features/directory/seed';
import { createImport, dryRun, putImportPart } from '../functions/src/features/roster/handlers';
import type { ServerStores } from '../functions/src/features/stores';
import { generateDemoOrg } from './demo-org';
import { changeRosterCsv, wholeRosterCsv } from './roster-csv';

const org = generateDemoOrg({ staff: 600 });
const TODAY = new Date('2026-03-10T03:00:00Z');

async function dry(csv: string) {
  const store: ServerStores = createMemoryStores();
  await seedOrganisation(store, { orgId: org.orgId, units: org.units, staff: org.staff });
  const read = readCsv(encodeCp932(csv, { gaiji: true }));
  if (!read.ok) throw new Error(read.problem.code);
  const claims: Claims = { orgId: org.orgId, staffId: 'hr', role: 'hr', duties: [] };
  const rows: CsvRow[] = read.table.rows;
  const { importId } = await createImport(
    store,
    claims,
    { fileName: 'r.csv', bytes: 1, encoding: read.table.encoding, header: read.table.header, rowCount: rows.length },
    TODAY,
  );
  for (let n = 0; n * ROWS_PER_PART < rows.length; n++)
    await putImportPart(store, claims, importId, n, { rows: rows.slice(n * ROWS_PER_PART, (n + 1) * ROWS_PER_PART) });
  return dryRun(store, claims, importId, {}, TODAY);
}

describe('the demo ward as a Shift_JIS roster', () => {
  it('the whole roster as it stands changes nobody but the names CP932 cannot hold (sent as 外字, flagged)', async () => {
    const answer = await dry(wholeRosterCsv(org));
    const gaiji = answer.problems.filter((p) => p.problem.code === 'roster.gaiji');
    expect(answer.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(answer.summary).toMatchObject({ new: 0, transfer: 0, retire: 0, change: gaiji.length, rejected: 0 });
    expect(answer.summary.unchanged).toBe(org.staff.length - gaiji.length);
  });

  it("issue 21's ten changes: 3 異動 (one ahead), 2 採用, 1 退職, role changes, and 2 bad rows explained", async () => {
    const file = changeRosterCsv(org, '2026-03-10', '2026-04-01');
    const answer = await dry(file.csv);
    expect(answer.summary).toEqual({ new: 2, transfer: 3, retire: 1, change: 2, unchanged: 0, future: 1, rejected: 2 });
    expect(answer.problems.filter((p) => p.severity === 'error').map((p) => [p.line, p.problem.code])).toEqual([
      [10, 'roster.unknownUnit'],
      [11, 'roster.emailDomain'],
    ]);
  });
});
