import type { AccessPort } from '../../kit/access';
import type { RosterSummary } from '../../../../src/domain/roster/plan';

/**
 * What the roster import is given from outside its folder (issue 21): the AccessPort that turns
 * each row's AccessChange into Auth users, claims and token revocation (A2, features/access), and
 * where a finished import is recorded for the audit log (A3, features/audit). The lead plugs both
 * in at start-up with `wireRoster` (functions/src/index.ts and the stack's API); until then an
 * apply is refused with `roster.accessUnavailable` rather than changing people without their rights.
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
