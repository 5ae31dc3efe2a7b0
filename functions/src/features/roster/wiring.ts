import type { AccessPort } from '../../kit/access';
import { accessPort } from '../access/service';
import { recordAudit } from '../audit/record';
import type { ServerStores } from '../stores';
import type { RosterSummary } from '../../../../src/domain/roster/plan';

/**
 * What the roster import is given from outside its folder (issue 21): the AccessPort that turns
 * each row's AccessChange into Auth users, claims and token revocation (A2, features/access), and
 * where a finished import is recorded for the audit log (A3, features/audit). By default both are
 * the real modules on the request's stores (`rosterWiringFor`); a test or the bench may put its
 * own in with `wireRoster` (a recording AccessPort, say). With neither, an apply is refused with
 * `roster.accessUnavailable` rather than change people without their rights.
 */
export interface RosterAuditEntry {
  kind: 'roster.import';
  /** The HR person who applied the file. */
  by: string;
  /** When the job finished (server clock). */
  at: string;
  importId: string;
  file: { name: string; bytes: number; encoding: string; rows: number };
  summary: RosterSummary;
  endpoint: string;
}

export interface RosterWiring {
  access: AccessPort;
  audit?: (orgId: string, entry: RosterAuditEntry) => Promise<void>;
}

/**
 * Held on globalThis, not in a module variable: a script run by tsx may load this file twice (as
 * the functions' CommonJS and as ESM), and both copies must see one wiring.
 */
const KEY = Symbol.for('shokuin.rosterWiring');
const holder = globalThis as { [KEY]?: RosterWiring | null };

export function wireRoster(next: RosterWiring | null): void {
  holder[KEY] = next;
}

export function rosterWiring(): RosterWiring | null {
  return holder[KEY] ?? null;
}

/**
 * The wiring for a request: one put in by `wireRoster` (tests, the bench), else the access module
 * and the audit log on the request's stores. A finished import is recorded as who applied it, the
 * import's id and its counts (never a row's values).
 */
export function rosterWiringFor(stores: ServerStores): RosterWiring {
  const wired = rosterWiring();
  if (wired) return wired;
  return {
    access: accessPort(stores, { endpoint: 'POST /roster/imports/apply' }),
    audit: (orgId, entry) => {
      const s = entry.summary;
      return recordAudit(
        stores,
        { orgId, staffId: entry.by, role: 'hr' },
        {
          kind: 'roster.import',
          subject: null,
          endpoint: entry.endpoint,
          detail: `${entry.importId} rows=${entry.file.rows} new=${s.new} transfer=${s.transfer} retire=${s.retire} change=${s.change} unchanged=${s.unchanged} future=${s.future} rejected=${s.rejected}`,
        },
        new Date(entry.at),
      );
    },
  };
}
