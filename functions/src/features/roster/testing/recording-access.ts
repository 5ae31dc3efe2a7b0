import type { AccessChange, AccessOutcome, AccessPort } from '../../../kit/access';

/**
 * A small AccessPort for the roster's tests: it records every call and keeps each person's rights,
 * so a test can say what the import asked of sign-in and rights. It grants 人事 at once unless
 * `holdHr` is set, when it leaves such a grant pending, as the access module does for a grant by
 * one HR account alone. `failOnCall` makes the n-th call throw (an interruption).
 */
export class RecordingAccess implements AccessPort {
  readonly calls: { orgId: string; changes: AccessChange[]; by: string }[] = [];
  readonly rights = new Map<string, AccessChange>();
  holdHr = false;
  failOnCall: number | null = null;

  async apply(orgId: string, changes: readonly AccessChange[], by: { staffId: string }): Promise<AccessOutcome> {
    await Promise.resolve();
    if (this.failOnCall !== null && this.calls.length + 1 === this.failOnCall) {
      this.failOnCall = null;
      throw new Error('access: interrupted');
    }
    this.calls.push({ orgId, changes: structuredClone([...changes]), by: by.staffId });
    const outcome: AccessOutcome = { pendingHr: [], changed: [] };
    for (const c of changes) {
      const before = this.rights.get(c.staffId);
      if (this.holdHr && c.role === 'hr' && before?.role !== 'hr') {
        outcome.pendingHr.push(c.staffId);
        continue;
      }
      if (JSON.stringify(before) !== JSON.stringify(c)) outcome.changed.push(c.staffId);
      this.rights.set(c.staffId, structuredClone(c));
    }
    return outcome;
  }
}
