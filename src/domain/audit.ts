import * as v from 'valibot';
import { RoleSchema } from './org';

/**
 * The audit log of sensitive access (A3): who, what, whose, when, from which endpoint. Pure:
 * shared by the functions (which append and serve it) and HR's screen (which filters, shows and
 * exports it). Append-only on the server: no endpoint edits or deletes an entry.
 */
export const AUDIT_PATH = '/audit';

export const AUDIT_KINDS = [
  /** Fields of a profile with the audience 管理職と人事 (or 本人のみ), or its 異動歴, read by someone else. */
  'profile.restricted',
  /** A nomination's audit log read by the award committee. */
  'nomination.audit',
  /** A role or duty set on a person (applied), including 退職. */
  'access.role',
  /** A grant of 人事 asked for, waiting for a second HR account. */
  'access.pending',
  /** A grant of 人事 confirmed by a second HR account. */
  'access.confirm',
  /** A person signed out of every device. */
  'access.signOut',
  /** The audit log itself read (with the filter used). */
  'audit.read',
  /** Wired by the features that own them: a roster import applied (A1), a survey export (S4), a 360 aggregate view (R5). */
  'roster.import',
  /** An organisation batch (組織改正) applied (A4), on its day for one dated ahead. */
  'org.batch',
  'survey.export',
  'feedback360.view',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];
export const AuditKindSchema = v.picklist(AUDIT_KINDS);

export const AuditLogEntrySchema = v.object({
  id: v.string(),
  at: v.pipe(v.string(), v.isoTimestamp()),
  /** Who: the caller's staff id and role at the time. */
  actor: v.string(),
  actorRole: RoleSchema,
  kind: AuditKindSchema,
  /** Whose: the person whose data it was, or null (an export of a whole survey). */
  subject: v.nullable(v.string()),
  /** What: the fields read (`privatePhone`, `history`), empty when the kind says it all. */
  fields: v.array(v.string()),
  /** From which endpoint: method and path as called. */
  endpoint: v.string(),
  /** A short machine-readable detail (`staff→hr`, a filter, a nomination id); never a value that was read. */
  detail: v.string(),
});
export type AuditLogEntry = v.InferOutput<typeof AuditLogEntrySchema>;

export const AUDIT_PAGE_SIZE = 100;

/** A day as `YYYY-MM-DD` (the period filter, in Japan's time). */
const DaySchema = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));

/** The query of GET /audit, as the screen sends it. */
export const AuditQuerySchema = v.object({
  /** Entries where the person is the actor or the subject. */
  person: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,40}$/))),
  kind: v.optional(AuditKindSchema),
  /** First day of the period (inclusive), JST. */
  from: v.optional(DaySchema),
  /** Last day of the period (inclusive), JST. */
  to: v.optional(DaySchema),
  /** The next page: entries older than this key (the last entry's `key` of the previous page). */
  before: v.optional(v.pipe(v.string(), v.maxLength(80))),
});
export type AuditQuery = v.InferOutput<typeof AuditQuerySchema>;

export const AuditPageSchema = v.object({
  entries: v.array(AuditLogEntrySchema),
  /** Pass as `before` for the next (older) page; null when this is the last. */
  next: v.nullable(v.string()),
});
export type AuditPage = v.InferOutput<typeof AuditPageSchema>;

/** An entry's sort key: its time, then its id, so entries of one millisecond keep an order. */
export function auditKey(entry: Pick<AuditLogEntry, 'at' | 'id'>): string {
  return `${entry.at}~${entry.id}`;
}

const JST_OFFSET_MS = 9 * 3_600_000;

/** The period of a query as a half-open range of instants (ISO, UTC): [from 00:00 JST, day after `to` 00:00 JST). */
export function auditPeriod(q: Pick<AuditQuery, 'from' | 'to'>): { fromIso?: string; toIso?: string } {
  const startOf = (day: string) => new Date(Date.parse(`${day}T00:00:00.000Z`) - JST_OFFSET_MS);
  const out: { fromIso?: string; toIso?: string } = {};
  if (q.from) out.fromIso = startOf(q.from).toISOString();
  if (q.to) out.toIso = new Date(startOf(q.to).getTime() + 86_400_000).toISOString();
  return out;
}

/** The query as the URL's search part (`?person=…&kind=…`), empty values left out. */
export function auditSearch(q: AuditQuery): string {
  const params = new URLSearchParams();
  for (const key of ['person', 'kind', 'from', 'to', 'before'] as const) {
    const value = q[key];
    if (value) params.set(key, value);
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Whether an entry passes a filter: the rule the store's query implements, and the twin's. */
export function matchesAudit(entry: AuditLogEntry, q: AuditQuery): boolean {
  const { fromIso, toIso } = auditPeriod(q);
  const key = auditKey(entry);
  if (q.person && entry.actor !== q.person && entry.subject !== q.person) return false;
  if (q.kind && entry.kind !== q.kind) return false;
  if (fromIso && key < fromIso) return false;
  if (toIso && key >= toIso) return false;
  if (q.before && key >= q.before) return false;
  return true;
}

/** Column keys of the CSV export, in order; the screen gives each its words (the header row). */
export const AUDIT_CSV_COLUMNS = [
  'at',
  'actor',
  'actorName',
  'actorRole',
  'kind',
  'subject',
  'subjectName',
  'fields',
  'endpoint',
  'detail',
] as const;
export type AuditCsvColumn = (typeof AUDIT_CSV_COLUMNS)[number];

/**
 * The rows of the CSV export (as cells; the CSV writer quotes them and adds the BOM): the header
 * in the user's words, then one row per entry, times in JST as Excel reads them
 * (`2026-04-01 09:30:00`), names from the directory when the device has them.
 */
export function auditCsvRows(
  entries: readonly AuditLogEntry[],
  words: {
    header: Readonly<Record<AuditCsvColumn, string>>;
    kind: (kind: AuditKind) => string;
    role: (role: AuditLogEntry['actorRole']) => string;
  },
  nameOf: (staffId: string) => string | undefined = () => undefined,
): string[][] {
  const rows: string[][] = [AUDIT_CSV_COLUMNS.map((c) => words.header[c])];
  for (const e of entries) {
    const cells: Record<AuditCsvColumn, string> = {
      at: jstTime(e.at),
      actor: e.actor,
      actorName: nameOf(e.actor) ?? '',
      actorRole: words.role(e.actorRole),
      kind: words.kind(e.kind),
      subject: e.subject ?? '',
      subjectName: e.subject ? (nameOf(e.subject) ?? '') : '',
      fields: e.fields.join(' '),
      endpoint: e.endpoint,
      detail: e.detail,
    };
    rows.push(AUDIT_CSV_COLUMNS.map((c) => cells[c]));
  }
  return rows;
}

/** `2026-04-01 09:30:00` in Japan's time. */
export function jstTime(iso: string): string {
  const d = new Date(Date.parse(iso) + JST_OFFSET_MS).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 19)}`;
}
