import { describe, expect, it } from 'vitest';
import { losesRights } from './access';
import { auditKey, auditPeriod, auditSearch, jstTime, matchesAudit, type AuditLogEntry } from './audit';

const entry = (at: string, overrides: Partial<AuditLogEntry> = {}): AuditLogEntry => ({
  id: 'x',
  at,
  actor: 'a',
  actorRole: 'hr',
  kind: 'profile.restricted',
  subject: 'b',
  fields: [],
  endpoint: 'GET /staff/b',
  detail: '',
  ...overrides,
});

describe('the audit period is days in Japan’s time', () => {
  it('from 00:00 JST of the first day to 00:00 JST after the last', () => {
    expect(auditPeriod({ from: '2026-04-01', to: '2026-04-01' })).toEqual({
      fromIso: '2026-03-31T15:00:00.000Z',
      toIso: '2026-04-01T15:00:00.000Z',
    });
  });

  it('an entry at 23:59 JST is in its day, one at 00:00 JST the next day is not', () => {
    const q = { from: '2026-04-01', to: '2026-04-01' };
    expect(matchesAudit(entry('2026-04-01T14:59:59.999Z'), q)).toBe(true);
    expect(matchesAudit(entry('2026-04-01T15:00:00.000Z'), q)).toBe(false);
    expect(matchesAudit(entry('2026-03-31T14:59:59.999Z'), q)).toBe(false);
    expect(jstTime('2026-04-01T14:59:59.999Z')).toBe('2026-04-01 23:59:59');
  });

  it('the person filter finds the actor and the subject; `before` pages by key', () => {
    const e = entry('2026-04-01T00:00:00.000Z');
    expect([
      matchesAudit(e, { person: 'a' }),
      matchesAudit(e, { person: 'b' }),
      matchesAudit(e, { person: 'c' }),
    ]).toEqual([true, true, false]);
    expect(matchesAudit(e, { before: auditKey(e) })).toBe(false);
    expect(auditSearch({ person: 'a', kind: 'audit.read' })).toBe('?person=a&kind=audit.read');
  });
});

describe('losesRights: which changes also end the sessions', () => {
  const r = (role: 'staff' | 'manager' | 'hr', duties: string[] = [], active = true) => ({ role, duties, active });
  it.each([
    ['hr → staff', r('hr'), r('staff'), true],
    ['manager → hr', r('manager'), r('hr'), false],
    ['staff → manager', r('staff'), r('manager'), false],
    ['a duty removed', r('staff', ['dx']), r('staff'), true],
    ['a duty added', r('staff'), r('staff', ['dx']), false],
    ['retired', r('staff'), r('staff', [], false), true],
  ] as const)('%s', (_name, before, after, loses) => {
    expect(losesRights(before, after)).toBe(loses);
  });
});
