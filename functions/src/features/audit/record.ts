import type { AuditKind, AuditLogEntry } from '../../../../src/domain/audit';
import type { Claims } from '../../../../src/domain/protocol';
import type { ServerStores } from '../stores';

/** What a feature says about one sensitive access; who and when come from the call. */
export interface AuditEvent {
  kind: AuditKind;
  /** Whose data it was; null for an access to no one person's data (a whole survey's export). */
  subject: string | null;
  fields?: readonly string[];
  /** Method and path as called, e.g. `GET /staff/s00012`. */
  endpoint: string;
  /** A short machine-readable detail; never a value that was read. */
  detail?: string;
}

/**
 * Appends one entry per event to the audit log (A3). The feature calls it before it answers, and
 * awaits it: if the entry cannot be written, the read fails rather than go unrecorded. The roster
 * import (`roster.import`), survey exports (`survey.export`) and 360 views (`feedback360.view`)
 * call this as well.
 */
export async function recordAudit(
  stores: Pick<ServerStores, 'audit'>,
  who: Pick<Claims, 'orgId' | 'staffId' | 'role'>,
  events: AuditEvent | readonly AuditEvent[],
  now: Date = new Date(),
): Promise<void> {
  const list: readonly AuditEvent[] = Array.isArray(events) ? events : [events as AuditEvent];
  if (list.length === 0) return;
  const at = now.toISOString();
  const entries: AuditLogEntry[] = list.map((e) => ({
    id: crypto.randomUUID(),
    at,
    actor: who.staffId,
    actorRole: who.role,
    kind: e.kind,
    subject: e.subject,
    fields: [...(e.fields ?? [])],
    endpoint: e.endpoint,
    detail: e.detail ?? '',
  }));
  await stores.audit.append(who.orgId, entries);
}

/** `GET /staff/s00012`: the endpoint of a request, as the log keeps it (no query string). */
export function endpointOf(request: { method: string; path: string }): string {
  return `${request.method} ${request.path.replace(/^\/api(?=\/|$)/, '')}`;
}
