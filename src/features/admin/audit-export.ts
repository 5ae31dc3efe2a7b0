import { auditCsvRows, type AuditLogEntry } from '../../domain/audit';
import { fullName } from '../../domain/person-name';
import type { DirectoryRecord } from '../../domain/staff';
import type { AdminWords } from './words';

/**
 * The audit log's CSV export as cells (the header row in the user's words, then one row per
 * entry, names from the device's directory). The file itself (CSV with BOM, Excel-clean) is made
 * by the shared CSV writer (src/domain/csv/write.ts) where the screen's export button is wired.
 */
export function auditExportRows(
  entries: readonly AuditLogEntry[],
  t: Pick<AdminWords, 'audit'>,
  people: ReadonlyMap<string, Pick<DirectoryRecord, 'familyName' | 'givenName'>>,
): string[][] {
  return auditCsvRows(
    entries,
    {
      header: t.audit.columns,
      kind: (k) => t.audit.kinds[k],
      role: (r) => t.audit.roles[r],
    },
    (id) => {
      const p = people.get(id);
      return p ? fullName(p) : undefined;
    },
  );
}
