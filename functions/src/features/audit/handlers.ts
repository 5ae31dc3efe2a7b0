import * as v from 'valibot';
import { AUDIT_PAGE_SIZE, auditKey, AuditQuerySchema, auditSearch, type AuditPage } from '../../../../src/domain/audit';
import { problem } from '../../../../src/domain/problems';
import type { Claims } from '../../../../src/domain/protocol';
import { badRequest } from '../../api/errors';
import type { ServerStores } from '../stores';
import { recordAudit } from './record';

/**
 * GET /audit (HR): a page of the log, newest first, with the filters of AuditQuerySchema. The read
 * itself is logged (kind `audit.read`, the filter as its detail) before the page is answered, so
 * the entry of this very read is on the next page asked for, not this one.
 */
export async function readAuditLog(
  stores: Pick<ServerStores, 'audit'>,
  claims: Claims,
  search: URLSearchParams,
  endpoint: string,
): Promise<AuditPage> {
  const raw = Object.fromEntries([...search.entries()].filter(([, value]) => value !== ''));
  const parsed = v.safeParse(AuditQuerySchema, raw);
  if (!parsed.success) throw badRequest(problem('audit.query'));
  const query = parsed.output;
  if (query.from && query.to && query.from > query.to) throw badRequest(problem('audit.query'));
  const { before: _before, ...filter } = query;
  const page = await stores.audit.list(claims.orgId, query, AUDIT_PAGE_SIZE + 1);
  await recordAudit(stores, claims, {
    kind: 'audit.read',
    subject: query.person ?? null,
    endpoint,
    detail: auditSearch(filter).slice(1),
  });
  const entries = page.slice(0, AUDIT_PAGE_SIZE);
  const last = entries.at(-1);
  return { entries, next: page.length > AUDIT_PAGE_SIZE && last ? auditKey(last) : null };
}
