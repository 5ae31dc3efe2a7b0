/**
 * The audit log on Cloud Firestore.
 *
 *   orgs/{orgId}/audit/{id}   AuditLogEntry + { key, people }   (only ever created)
 *
 * `key` is `auditKey(entry)` (time, then id): the one field the list orders and pages on, so a
 * page boundary never splits entries of one millisecond. `people` is [actor, subject], for the
 * person filter (array-contains). Indexes (firestore.indexes.json): key desc; kind + key desc;
 * people (array-contains) + key desc; people + kind + key desc.
 *
 * Append-only: entries are written with create(), which fails on an existing id; nothing in the
 * functions updates or deletes this collection, and the rules refuse every client.
 */
import * as v from 'valibot';
import {
  auditKey,
  auditPeriod,
  AuditLogEntrySchema,
  type AuditLogEntry,
  type AuditQuery,
} from '../../../../src/domain/audit';
import { readQuery } from '../../kit/firestore';
import type { FirestoreEnv } from '../stores';
import type { RetryPolicy } from '../../kit/versioned';
import type { AuditStore } from './port';

const BATCH = 500;

export class FirestoreAudit implements AuditStore {
  constructor(
    private readonly env: FirestoreEnv,
    readonly retry: RetryPolicy,
  ) {}

  async append(orgId: string, entries: readonly AuditLogEntry[]): Promise<void> {
    for (let i = 0; i < entries.length; i += BATCH) {
      const batch = this.env.db.batch();
      for (const e of entries.slice(i, i + BATCH)) {
        const people = e.subject && e.subject !== e.actor ? [e.actor, e.subject] : [e.actor];
        batch.create(this.#log(orgId).doc(e.id), { ...e, key: auditKey(e), people });
      }
      await batch.commit();
    }
  }

  async list(orgId: string, query: AuditQuery, limit: number): Promise<AuditLogEntry[]> {
    let q = this.#log(orgId).orderBy('key', 'desc');
    if (query.person) q = q.where('people', 'array-contains', query.person);
    if (query.kind) q = q.where('kind', '==', query.kind);
    const { fromIso, toIso } = auditPeriod(query);
    if (fromIso) q = q.where('key', '>=', fromIso);
    const upper = [toIso, query.before].filter((x): x is string => !!x).sort()[0];
    if (upper) q = q.where('key', '<', upper);
    const snap = await readQuery(this.env.reads, q.limit(limit));
    return snap.docs.map((d) => {
      const { key: _key, people: _people, ...entry } = d.data();
      return v.parse(AuditLogEntrySchema, entry);
    });
  }

  #log(orgId: string) {
    return this.env.db.collection('orgs').doc(orgId).collection('audit');
  }
}
