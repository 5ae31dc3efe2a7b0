import type { Role } from '../../../src/domain/org';

/**
 * What the roster import asks of sign-in and rights, written once so that the import (issue 21
 * A1, functions/src/features/roster) and the access module (A2, functions/src/features/access)
 * meet at one interface. The import decides *what* a person's rights become; the access module
 * owns *how*: Auth users, custom claims, token revocation, the second HR confirmation.
 */
export interface AccessChange {
  staffId: string;
  /** Main role after the change (管理職 follows from 職層 unless 役割 says otherwise: decided by the import). */
  role: Role;
  /** Extra duties, e.g. 'committee' (表彰委員) and 'dx' (DX推進委員). */
  duties: readonly string[];
  /** Sign-in address from the roster; a new hire with one gets an Auth user. */
  email?: string;
  /** false for 退職: the Auth user is disabled and every token refused at once. */
  active: boolean;
}

export interface AccessOutcome {
  /** Staff whose grant of 人事 waits for a second HR account's confirmation (not applied yet). */
  pendingHr: string[];
  /** Staff whose claims changed (their refresh tokens were revoked). */
  changed: string[];
}

export interface AccessPort {
  /**
   * Applies the rights of the given people, idempotently (the same change twice changes nothing
   * the second time). `by` is the HR person applying the import: a grant of 人事 by them alone is
   * left pending for a second HR account; removing the last 人事 is refused.
   */
  apply(orgId: string, changes: readonly AccessChange[], by: { staffId: string }): Promise<AccessOutcome>;
}
