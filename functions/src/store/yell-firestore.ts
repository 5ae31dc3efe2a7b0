/**
 * The エール part of the Store port on Cloud Firestore (FirestoreStore delegates to it).
 *
 *   orgs/{orgId}/yells/{yellId}                       StoredYell (clappers included; its last version)
 *   orgs/{orgId}/yellClaps/{yellId}_{staffId}         { yellId, staffId }  (one clap per person per yell)
 *   orgs/{orgId}/yellVersions/{000000000042}          { version, kind }  (the version gate, shared with notifications)
 *   orgs/{orgId}/yellMeta/head                        { headVersion, feedOptOut: staffId[] }
 *   orgs/{orgId}/yellMeta/settings                    RecognitionSettings
 *   orgs/{orgId}/yellScopes/{scope}/shards/{0-9}      part of a ScopeAggregate (ORG_SCOPE or a unit id)
 *   orgs/{orgId}/yellPeople/{staffId}/shards/{0-9}    { received, sent }
 *   orgs/{orgId}/yellDaily/{staffId}~{YYYY-MM-DD}     { count }  (sends that Asia/Tokyo day)
 *   orgs/{orgId}/inboxes/{recipient}/notifications/…  see notification-firestore.ts
 *   orgs/{orgId}/mutations/{mutationId}               { actor, version, appliedAt }  (shared with every mutation kind)
 *
 * Indexes: the automatic single-field ones (`yells.version`, `yells.to` array-contains,
 * `notifications.version`).
 *
 * Every write that changes a yell or adds a notification creates the next version document first
 * (head + 1, the head read in the same getAll as everything the write depends on) and sets the
 * head last, in one batch. A write committed after that read took a version this attempt wants,
 * so the attempt's create is refused and it re-reads: no decision is made on a stale read. The version
 * create is the only write in such a batch that can be refused (every other create is of a
 * document that only a versioned write makes, and those up to the head were read), so on the
 * stand-in, which applies a batch write by write, a refused batch leaves nothing.
 *
 * Counters that many senders hit at once (the organisation's and each unit's aggregate, a
 * popular recipient's received count) are sharded: the batch increments shard `version % 10`, so
 * consecutive sends land on different documents (Firestore sustains about one write per second per
 * document); a read sums the shards. The sender's own day count is one document: one person does
 * not send more than once a second for long, and the cap stops them anyway.
 */
import { FieldValue, type DocumentReference, type DocumentSnapshot, type Firestore } from 'firebase-admin/firestore';
import * as v from 'valibot';
import {
  yellClappedNotificationId,
  yellReceivedNotificationId,
  type AppNotification,
} from '../../../src/domain/notifications';
import { addScopes, emptyScope, yellDelta, type ScopeAggregate } from '../../../src/domain/yell-aggregate';
import {
  applyClap,
  checkYellSend,
  DEFAULT_RECOGNITION_SETTINGS,
  RecognitionSettingsSchema,
  tokyoDay,
  YELL_MESSAGES,
  yellForViewer,
  YellVisibilitySchema,
  type RecognitionSettings,
  type StoredYell,
  type Yell,
} from '../../../src/domain/yells';
import { commitOrConflict, inboxRef, recognitionHeadRef, yellVersionRef } from './notification-firestore';
import { replayOutcome, type MutationOutcome, type MutationRecord } from './port';
import { retryYellWrite } from './yell-retry';
import {
  clapDocId,
  YELL_COUNTER_SHARDS,
  YELL_RELOG_PER_BATCH,
  type YellContext,
  type YellIntent,
  type YellPersonCounts,
  type YellsSince,
  type YellStore,
} from './yell-port';

const HeadSchema = v.object({
  headVersion: v.optional(v.number(), 0),
  feedOptOut: v.optional(v.array(v.string()), []),
});
type Head = v.InferOutput<typeof HeadSchema>;
const MutationRecordSchema = v.object({ actor: v.string(), version: v.number(), appliedAt: v.string() });
const StoredYellSchema = v.object({
  id: v.string(),
  from: v.string(),
  to: v.array(v.string()),
  message: v.string(),
  value: v.string(),
  visibility: YellVisibilitySchema,
  createdAt: v.string(),
  version: v.number(),
  clappers: v.optional(v.array(v.string()), []),
});
const ScopeShardSchema = v.record(v.string(), v.number());
const PersonShardSchema = v.object({ received: v.optional(v.number(), 0), sent: v.optional(v.number(), 0) });
const DailySchema = v.object({ count: v.optional(v.number(), 0) });

export class FirestoreYells implements YellStore {
  readonly #fv: typeof FieldValue;

  constructor(private readonly db: Firestore) {
    this.#fv = fieldValueFor(db);
  }

  async applyYellMutation(
    orgId: string,
    mutationId: string,
    actorStaffId: string,
    intent: YellIntent,
    context: YellContext,
  ): Promise<MutationOutcome> {
    const org = this.#org(orgId);
    const mutationRef = org.collection('mutations').doc(mutationId);
    const yellRef = org.collection('yells').doc(intent.yellId);
    return retryYellWrite(async () => {
      const appliedAt = context.now.toISOString();
      const headRef = recognitionHeadRef(this.db, orgId);
      if (intent.kind === 'yell.send') {
        const day = tokyoDay(context.now);
        const dailyRef = org.collection('yellDaily').doc(`${actorStaffId}~${day}`);
        // One getAll is one consistent read (on the stand-in too: it answers a read in one go).
        const [headSnap, mutationSnap, yellSnap, dailySnap] = await this.db.getAll(
          headRef,
          mutationRef,
          yellRef,
          dailyRef,
        );
        const version = parseHead(headSnap).headVersion + 1;
        if (mutationSnap?.exists)
          return replayOutcome(v.parse(MutationRecordSchema, mutationSnap.data()), actorStaffId);
        if (yellSnap?.exists) return { status: 'rejected', message: YELL_MESSAGES.yellIdTaken } as const;
        const sentToday = dailySnap?.exists ? v.parse(DailySchema, dailySnap.data()).count : 0;
        const check = checkYellSend(intent, actorStaffId, {
          settings: context.settings,
          sentToday,
          isStaff: (id) => context.paths.has(id),
        });
        if (!check.ok) return { status: 'rejected', message: check.message } as const;
        const yell: StoredYell = {
          id: intent.yellId,
          from: actorStaffId,
          to: [...intent.to],
          message: intent.message,
          value: intent.value,
          visibility: intent.visibility,
          createdAt: appliedAt,
          version,
          clappers: [],
        };
        const record: MutationRecord = { actor: actorStaffId, version, appliedAt };
        const batch = this.db.batch();
        batch.create(yellVersionRef(this.db, orgId, version), { version, kind: 'yell.send', yellId: yell.id });
        batch.create(mutationRef, record);
        batch.create(yellRef, yell);
        for (const recipient of yell.to) {
          const n: AppNotification = {
            id: yellReceivedNotificationId(yell.id),
            kind: 'yell.received',
            createdAt: appliedAt,
            actor: actorStaffId,
            yellId: yell.id,
            version,
          };
          batch.create(inboxRef(this.db, orgId, recipient, n.id), n);
        }
        const path = (id: string) => context.paths.get(id) ?? [];
        const delta = yellDelta({
          value: yell.value,
          createdAt: appliedAt,
          from: { staffId: actorStaffId, path: path(actorStaffId) },
          to: yell.to.map((staffId) => ({ staffId, path: path(staffId) })),
        });
        const shard = String(version % YELL_COUNTER_SHARDS);
        for (const [scope, s] of Object.entries(delta.scopes)) {
          batch.set(this.#scopeShardRef(orgId, scope, shard), incrementsOf(this.#fv, s), { merge: true });
        }
        for (const [staffId, p] of Object.entries(delta.people)) {
          batch.set(
            this.#personShardRef(orgId, staffId, shard),
            { received: this.#fv.increment(p.received), sent: this.#fv.increment(p.sent) },
            { merge: true },
          );
        }
        batch.set(dailyRef, { count: this.#fv.increment(1) }, { merge: true });
        batch.set(recognitionHeadRef(this.db, orgId), { headVersion: version }, { merge: true });
        return (await commitOrConflict(batch.commit())) ?? ({ status: 'applied', version } as const);
      }
      const clapRef = org.collection('yellClaps').doc(clapDocId(intent.yellId, actorStaffId));
      const [headSnap, mutationSnap, yellSnap] = await this.db.getAll(headRef, mutationRef, yellRef);
      const head = parseHead(headSnap);
      const version = head.headVersion + 1;
      if (mutationSnap?.exists) return replayOutcome(v.parse(MutationRecordSchema, mutationSnap.data()), actorStaffId);
      const stored = yellSnap?.exists ? v.parse(StoredYellSchema, yellSnap.data()) : null;
      const outcome = applyClap(stored, actorStaffId, new Set(head.feedOptOut));
      if (!outcome.ok) return { status: 'rejected', message: outcome.message } as const;
      const batch = this.db.batch();
      if (!stored || !outcome.changed) {
        // Recorded all the same, so the id stays taken (as communities do for a no-op join).
        batch.create(mutationRef, { actor: actorStaffId, version: 0, appliedAt } satisfies MutationRecord);
        return (await commitOrConflict(batch.commit())) ?? ({ status: 'applied', version: 0 } as const);
      }
      batch.create(yellVersionRef(this.db, orgId, version), { version, kind: 'yell.clap', yellId: stored.id });
      batch.create(mutationRef, { actor: actorStaffId, version, appliedAt } satisfies MutationRecord);
      batch.create(clapRef, { yellId: stored.id, staffId: actorStaffId });
      batch.set(yellRef, { ...stored, clappers: outcome.clappers, version });
      const n: AppNotification = {
        id: yellClappedNotificationId(stored.id, actorStaffId),
        kind: 'yell.clapped',
        createdAt: appliedAt,
        actor: actorStaffId,
        yellId: stored.id,
        version,
      };
      batch.create(inboxRef(this.db, orgId, stored.from, n.id), n);
      batch.set(recognitionHeadRef(this.db, orgId), { headVersion: version }, { merge: true });
      return (await commitOrConflict(batch.commit())) ?? ({ status: 'applied', version } as const);
    });
  }

  async yellHead(orgId: string): Promise<number> {
    return (await this.#head(orgId)).headVersion;
  }

  async yellsSince(orgId: string, viewer: string, version: number, limit: number): Promise<YellsSince> {
    const before = await this.#head(orgId);
    if (version === before.headVersion) {
      return { yells: [], removed: [], version, more: false, feedOptOut: [...before.feedOptOut].sort(), head: version };
    }
    const snap = await this.#org(orgId)
      .collection('yells')
      .where('version', '>', version)
      .orderBy('version')
      .limit(limit)
      .get();
    const scanned = snap.docs.map((d) => v.parse(StoredYellSchema, d.data()));
    // The opt-out set is read after the scan: a newer set than the scan is safe (each change
    // re-logs the yells it affects, so they come again), an older one could show a hidden yell.
    const after = await this.#head(orgId);
    const optOut = new Set(after.feedOptOut);
    const yells: Yell[] = [];
    const removed: string[] = [];
    for (const stored of scanned) {
      const shown = yellForViewer(stored, viewer, optOut);
      if (shown && 'yell' in shown) yells.push(shown.yell);
      else if (shown) removed.push(shown.removed);
    }
    const more = scanned.length === limit;
    const last = scanned.at(-1)?.version ?? version;
    return {
      yells,
      removed,
      // Without more, everything up to the head read before the scan was in it (versions are a prefix).
      version: more ? last : Math.max(last, before.headVersion, version),
      more,
      feedOptOut: [...optOut].sort(),
      head: before.headVersion,
    };
  }

  async getYells(orgId: string, ids: readonly string[]): Promise<StoredYell[]> {
    if (ids.length === 0) return [];
    const yells = this.#org(orgId).collection('yells');
    const snaps = await this.db.getAll(...ids.map((id) => yells.doc(id)));
    return snaps.flatMap((s) => (s.exists ? [v.parse(StoredYellSchema, s.data())] : []));
  }

  async getYellFeedOptOut(orgId: string): Promise<string[]> {
    return [...(await this.#head(orgId)).feedOptOut].sort();
  }

  async setYellFeedOptOut(orgId: string, staffId: string, optOut: boolean): Promise<void> {
    const yells = this.#org(orgId).collection('yells');
    let remaining: string[] = [];
    await retryYellWrite(async () => {
      const head = await this.#head(orgId);
      if (head.feedOptOut.includes(staffId) === optOut) return undefined;
      const snap = await yells.where('to', 'array-contains', staffId).get();
      const targets = snap.docs
        .map((d) => v.parse(StoredYellSchema, d.data()))
        .filter((y) => y.visibility === 'public')
        .sort((a, b) => a.version - b.version)
        .map((y) => y.id);
      const first = targets.slice(0, YELL_RELOG_PER_BATCH);
      remaining = targets.slice(YELL_RELOG_PER_BATCH);
      // At least one version even with nothing to re-log: it is what serialises opt-out changes.
      const count = Math.max(first.length, 1);
      const batch = this.db.batch();
      for (let k = 1; k <= count; k++) {
        batch.create(yellVersionRef(this.db, orgId, head.headVersion + k), {
          version: head.headVersion + k,
          kind: 'yell.relog',
        });
      }
      first.forEach((id, k) => batch.update(yells.doc(id), { version: head.headVersion + 1 + k }));
      const next = optOut
        ? [...new Set([...head.feedOptOut, staffId])].sort()
        : head.feedOptOut.filter((id) => id !== staffId);
      batch.set(recognitionHeadRef(this.db, orgId), { headVersion: head.headVersion + count, feedOptOut: next });
      return commitOrConflict(batch.commit());
    });
    // The rest, if this person received more than one batch's worth: each its own atomic write.
    // If this stops half way, those yells keep their old version until the next change of them.
    for (let i = 0; i < remaining.length; i += YELL_RELOG_PER_BATCH) {
      const slice = remaining.slice(i, i + YELL_RELOG_PER_BATCH);
      await retryYellWrite(async () => {
        const head = await this.#head(orgId);
        const batch = this.db.batch();
        slice.forEach((id, k) => {
          const version = head.headVersion + 1 + k;
          batch.create(yellVersionRef(this.db, orgId, version), { version, kind: 'yell.relog' });
        });
        slice.forEach((id, k) => batch.update(yells.doc(id), { version: head.headVersion + 1 + k }));
        batch.set(
          recognitionHeadRef(this.db, orgId),
          { headVersion: head.headVersion + slice.length },
          { merge: true },
        );
        return commitOrConflict(batch.commit());
      });
    }
  }

  async getRecognitionSettings(orgId: string): Promise<RecognitionSettings> {
    const snap = await this.#settingsRef(orgId).get();
    return snap.exists
      ? v.parse(RecognitionSettingsSchema, snap.data())
      : structuredClone(DEFAULT_RECOGNITION_SETTINGS);
  }

  async putRecognitionSettings(orgId: string, settings: RecognitionSettings): Promise<void> {
    await this.#settingsRef(orgId).set({ values: settings.values.map((x) => ({ ...x })), dailyCap: settings.dailyCap });
  }

  async getYellScope(orgId: string, scope: string): Promise<ScopeAggregate> {
    const refs = shards().map((k) => this.#scopeShardRef(orgId, scope, k));
    const snaps = await this.db.getAll(...refs);
    return snaps.reduce(
      (sum, s) => (s.exists ? addScopes(sum, scopeFromFields(v.parse(ScopeShardSchema, s.data()))) : sum),
      emptyScope(),
    );
  }

  async getYellPerson(orgId: string, staffId: string, day: string): Promise<YellPersonCounts> {
    const refs = shards().map((k) => this.#personShardRef(orgId, staffId, k));
    const dailyRef = this.#org(orgId).collection('yellDaily').doc(`${staffId}~${day}`);
    const snaps = await this.db.getAll(...refs, dailyRef);
    const daily = snaps.at(-1);
    let received = 0;
    let sent = 0;
    for (const s of snaps.slice(0, -1)) {
      if (!s.exists) continue;
      const p = v.parse(PersonShardSchema, s.data());
      received += p.received;
      sent += p.sent;
    }
    return { received, sent, sentOnDay: daily?.exists ? v.parse(DailySchema, daily.data()).count : 0 };
  }

  async #head(orgId: string): Promise<Head> {
    return parseHead(await recognitionHeadRef(this.db, orgId).get());
  }

  #org(orgId: string): DocumentReference {
    return this.db.collection('orgs').doc(orgId);
  }

  #settingsRef(orgId: string): DocumentReference {
    return this.#org(orgId).collection('yellMeta').doc('settings');
  }

  #scopeShardRef(orgId: string, scope: string, shard: string): DocumentReference {
    // Unit ids are free text up to 40 characters; encoded so that a slash cannot nest a path.
    return this.#org(orgId).collection('yellScopes').doc(encodeURIComponent(scope)).collection('shards').doc(shard);
  }

  #personShardRef(orgId: string, staffId: string, shard: string): DocumentReference {
    return this.#org(orgId).collection('yellPeople').doc(staffId).collection('shards').doc(shard);
  }
}

function parseHead(snap: DocumentSnapshot | undefined): Head {
  return snap?.exists ? v.parse(HeadSchema, snap.data()) : { headVersion: 0, feedOptOut: [] };
}

function shards(): string[] {
  return Array.from({ length: YELL_COUNTER_SHARDS }, (_, k) => String(k));
}

/**
 * A scope shard is one flat document of counters: the stand-in applies increments only to
 * top-level fields (a nested one fails with "Not implemented"), so the aggregate's maps are
 * flattened into field names, and keys (value ids, unit ids, months) are encoded to plain
 * identifiers so that no field path needs quoting:
 *   total, crossDepartment, v_<value>, r_<unit>, s_<unit>, mc_<month>, mx_<month>
 */
function encodeKey(key: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(key)) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9]/.test(c) ? c : `_${byte.toString(16).padStart(2, '0')}`;
  }
  return out;
}

function decodeKey(encoded: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < encoded.length; i++) {
    if (encoded[i] === '_') {
      bytes.push(parseInt(encoded.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(encoded.charCodeAt(i));
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

const FIELD_PREFIXES = ['v', 'r', 's', 'mc', 'mx'] as const;

export function scopeFields(s: ScopeAggregate): Record<string, number> {
  const out: Record<string, number> = { total: s.total, crossDepartment: s.crossDepartment };
  for (const [k, n] of Object.entries(s.byValue)) out[`v_${encodeKey(k)}`] = n;
  for (const [k, n] of Object.entries(s.received)) out[`r_${encodeKey(k)}`] = n;
  for (const [k, n] of Object.entries(s.sent)) out[`s_${encodeKey(k)}`] = n;
  for (const [k, m] of Object.entries(s.byMonth)) {
    out[`mc_${encodeKey(k)}`] = m.count;
    out[`mx_${encodeKey(k)}`] = m.crossDepartment;
  }
  return out;
}

export function scopeFromFields(fields: Readonly<Record<string, number>>): ScopeAggregate {
  const s = emptyScope();
  for (const [field, n] of Object.entries(fields)) {
    if (field === 'total') s.total = n;
    else if (field === 'crossDepartment') s.crossDepartment = n;
    else {
      const sep = field.indexOf('_');
      const prefix = field.slice(0, sep);
      if (sep < 0 || !(FIELD_PREFIXES as readonly string[]).includes(prefix)) continue;
      const key = decodeKey(field.slice(sep + 1));
      if (prefix === 'v') s.byValue[key] = n;
      else if (prefix === 'r') s.received[key] = n;
      else if (prefix === 's') s.sent[key] = n;
      else {
        const m = (s.byMonth[key] ??= { count: 0, crossDepartment: 0 });
        if (prefix === 'mc') m.count = n;
        else m.crossDepartment = n;
      }
    }
  }
  return s;
}

/** A scope's delta as merge-set increments on its flat fields. */
function incrementsOf(
  fv: typeof FieldValue,
  s: ScopeAggregate,
): Record<string, ReturnType<typeof FieldValue.increment>> {
  return Object.fromEntries(Object.entries(scopeFields(s)).map(([k, n]) => [k, fv.increment(n)]));
}

/**
 * FieldValue from the firebase-admin copy that made `db`: the seed script and the stack tests
 * use the repo root's copy, the functions their own, and one copy refuses another's sentinels
 * ("Couldn't serialize object of type NumericIncrementTransform"). @google-cloud/firestore hangs
 * its exports on the Firestore constructor, so the instance leads to its own FieldValue.
 */
function fieldValueFor(db: Firestore): typeof FieldValue {
  // The constructor's static members are not in its type; this reads one that the package sets.
  const own = (db.constructor as unknown as { FieldValue?: typeof FieldValue }).FieldValue;
  return own ?? FieldValue;
}
