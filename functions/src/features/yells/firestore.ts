/**
 * The エール store port on Cloud Firestore.
 *
 *   orgs/{orgId}/yells/{yellId}                       StoredYell (clappers included; its last version)
 *   orgs/{orgId}/yellClaps/{yellId}_{staffId}         { yellId, staffId }  (one clap per person per yell)
 *   orgs/{orgId}/recognitionVersions/…, recognitionMeta/head   the recognition sequence (notifications/sequence.ts)
 *   orgs/{orgId}/recognitionMeta/settings             RecognitionSettings (a write takes a recognition version)
 *   orgs/{orgId}/yellScopes/{scope}/shards/{0-9}      part of a ScopeAggregate (ORG_SCOPE or a unit id)
 *   orgs/{orgId}/yellPeople/{staffId}/shards/{0-9}    { received, sent }
 *   orgs/{orgId}/yellDaily/{staffId}~{YYYY-MM-DD}     { count }  (sends that Asia/Tokyo day)
 *   orgs/{orgId}/inboxes/{recipient}/notifications/…  see notifications/firestore.ts
 *   orgs/{orgId}/mutations/{mutationId}               MutationRecord, shared by every feature
 *
 * Indexes: the automatic single-field ones (`yells.version`, `yells.to` array-contains,
 * `notifications.version`).
 *
 * Every write that changes a yell or adds a notification is the kit's versioned write
 * (kit/firestore.ts): it creates the next version document first (head + 1, the head read in the
 * same getAll as everything the write depends on) and sets the head last, in one batch. A write committed after that read took a version this attempt wants,
 * so the attempt's create is refused and it re-reads: no decision is made on a stale read. The version
 * create is the only write in such a batch that can be refused (every other create is of a
 * document that only a versioned write makes, and those up to the head were read), so on the
 * stand-in, which applies a batch write by write, a refused batch leaves nothing.
 *
 * Counters that many senders hit at once (the organisation's and each unit's aggregate, a
 * popular recipient's received count) are the kit's sharded counters (kit/counters.ts). The sender's own day count is one document: one person does
 * not send more than once a second for long, and the cap stops them anyway.
 */
import type { DocumentReference, DocumentSnapshot, WriteBatch } from 'firebase-admin/firestore';
import * as v from 'valibot';
import { yellClappedNotificationId, type AppNotification } from '../../../../src/domain/notifications';
import type { ScopeAggregate } from '../../../../src/domain/yell-aggregate';
import {
  applyClap,
  checkYellSend,
  DEFAULT_RECOGNITION_SETTINGS,
  RecognitionSettingsSchema,
  tokyoDay,
  yellForViewer,
  YellVisibilitySchema,
  type RecognitionSettings,
  type StoredYell,
  type Yell,
} from '../../../../src/domain/yells';
import type { HeadHandle } from '../../kit/batch-read';
import { FirestoreCounters } from '../../kit/counters';
import {
  fieldValueFor,
  firestoreHead,
  firestoreVersionBump,
  firestoreVersionedWrite,
  readDoc,
  readDocs,
  readQuery,
} from '../../kit/firestore';
import { HeadSchema, rejectWith, UNCHANGED, type MutationOutcome, type RetryPolicy } from '../../kit/versioned';
import { inboxRef, recognitionHeadRef, recognitionVersionRef } from '../notifications/sequence';
import type { FirestoreEnv } from '../stores';
import { scopeFields, scopeFromFields } from './counts';
import { receivedNotifications, sendDelta, sentYell } from './records';
import {
  clapDocId,
  YELL_RELOG_PER_BATCH,
  type YellContext,
  type YellFeedHead,
  type YellIntent,
  type YellPersonCounts,
  type YellsSince,
  type YellStore,
} from './port';
import { problem } from '../../../../src/domain/problems';

/** The recognition head: the kit's head and who keeps エール about themselves out of the public feed. */
const RecognitionHeadSchema = v.object({
  ...HeadSchema.entries,
  feedOptOut: v.optional(v.array(v.string()), []),
});
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
const DailySchema = v.object({ count: v.optional(v.number(), 0) });

export class FirestoreYells implements YellStore {
  readonly #fv;
  readonly #counters: FirestoreCounters;

  constructor(
    private readonly env: FirestoreEnv,
    readonly retry: RetryPolicy,
  ) {
    this.#fv = fieldValueFor(env.db);
    this.#counters = new FirestoreCounters(env.db, env.reads);
  }

  applyYellMutation(
    orgId: string,
    mutationId: string,
    actorStaffId: string,
    intent: YellIntent,
    context: YellContext,
  ): Promise<MutationOutcome> {
    const { db } = this.env;
    const org = this.#org(orgId);
    const yellRef = org.collection('yells').doc(intent.yellId);
    const appliedAt = context.now.toISOString();
    const base = {
      db,
      policy: this.retry,
      reads: this.env.reads,
      headRef: recognitionHeadRef(db, orgId),
      versionRef: (version: number) => recognitionVersionRef(db, orgId, version),
      mutationRef: org.collection('mutations').doc(mutationId),
      actor: actorStaffId,
      appliedAt: () => appliedAt,
    };
    if (intent.kind === 'yell.send') {
      const dailyRef = org.collection('yellDaily').doc(`${actorStaffId}~${tokyoDay(context.now)}`);
      return firestoreVersionedWrite({
        ...base,
        extra: [yellRef, dailyRef],
        decide: (_head, [yellSnap, dailySnap]) => {
          if (yellSnap?.exists) return rejectWith(problem('yell.idTaken'));
          const sentToday = dailySnap?.exists ? v.parse(DailySchema, dailySnap.data()).count : 0;
          const check = checkYellSend(intent, actorStaffId, {
            settings: context.settings,
            sentToday,
            isStaff: (id) => context.paths.has(id),
          });
          if (!check.ok) return rejectWith(check.problem);
          return {
            write: {
              gate: { kind: 'yell.send', yellId: intent.yellId },
              stage: (batch, version) => {
                const yell = sentYell(intent, actorStaffId, appliedAt, version);
                batch.create(yellRef, yell);
                for (const { recipient, notification } of receivedNotifications(yell))
                  batch.create(inboxRef(db, orgId, recipient, notification.id), notification);
                this.#count(batch, orgId, version, yell, context);
                batch.set(dailyRef, { count: this.#fv.increment(1) }, { merge: true });
              },
            },
          };
        },
      });
    }
    const clapRef = org.collection('yellClaps').doc(clapDocId(intent.yellId, actorStaffId));
    return firestoreVersionedWrite({
      ...base,
      extra: [yellRef],
      decide: (_head, [yellSnap], headSnap) => {
        const stored = yellSnap?.exists ? v.parse(StoredYellSchema, yellSnap.data()) : null;
        const outcome = applyClap(stored, actorStaffId, new Set(parseHead(headSnap).feedOptOut));
        if (!outcome.ok) return rejectWith(outcome.problem);
        // Recorded all the same, so the id stays taken (as communities do for a no-op join).
        if (!stored || !outcome.changed) return UNCHANGED;
        return {
          write: {
            gate: { kind: 'yell.clap', yellId: stored.id },
            stage: (batch, version) => {
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
              batch.create(inboxRef(db, orgId, stored.from, n.id), n);
            },
          },
        };
      },
    });
  }

  /** The send's counts (yellDelta), on the kit's sharded counters, in the send's own batch. */
  #count(batch: WriteBatch, orgId: string, version: number, yell: StoredYell, context: YellContext): void {
    const delta = sendDelta(yell, context);
    for (const [scope, s] of Object.entries(delta.scopes))
      this.#counters.increment(batch, this.#scopeRef(orgId, scope), version, scopeFields(s));
    for (const [staffId, p] of Object.entries(delta.people))
      this.#counters.increment(batch, this.#personRef(orgId, staffId), version, { received: p.received, sent: p.sent });
  }

  async yellHead(orgId: string): Promise<number> {
    return (await this.#head(orgId)).headVersion;
  }

  feedHead(orgId: string): HeadHandle<YellFeedHead> {
    return firestoreHead(recognitionHeadRef(this.env.db, orgId), parseHead);
  }

  async yellsSince(orgId: string, viewer: string, version: number, limit: number): Promise<YellsSince> {
    const before = await this.#head(orgId);
    if (version === before.headVersion) {
      return { yells: [], removed: [], version, more: false, feedOptOut: [...before.feedOptOut].sort(), head: version };
    }
    const snap = await readQuery(
      this.env.reads,
      this.#org(orgId).collection('yells').where('version', '>', version).orderBy('version').limit(limit),
    );
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
    const yells = this.#org(orgId).collection('yells');
    const snaps = await readDocs(
      this.env.reads,
      this.env.db,
      ids.map((id) => yells.doc(id)),
    );
    return snaps.flatMap((s) => (s.exists ? [v.parse(StoredYellSchema, s.data())] : []));
  }

  async getYellFeedOptOut(orgId: string): Promise<string[]> {
    return [...(await this.#head(orgId)).feedOptOut].sort();
  }

  async setYellFeedOptOut(orgId: string, staffId: string, optOut: boolean): Promise<void> {
    const { db } = this.env;
    const yells = this.#org(orgId).collection('yells');
    const headRef = recognitionHeadRef(db, orgId);
    let remaining: string[] = [];
    await firestoreVersionBump({
      db,
      policy: this.retry,
      reads: this.env.reads,
      headRef,
      versionRef: (version) => recognitionVersionRef(db, orgId, version),
      decide: async (_head, headSnap) => {
        const head = parseHead(headSnap);
        if (head.feedOptOut.includes(staffId) === optOut) return { count: 0 };
        const snap = await readQuery(this.env.reads, yells.where('to', 'array-contains', staffId));
        const targets = snap.docs
          .map((d) => v.parse(StoredYellSchema, d.data()))
          .filter((y) => y.visibility === 'public')
          .sort((a, b) => a.version - b.version)
          .map((y) => y.id);
        const first = targets.slice(0, YELL_RELOG_PER_BATCH);
        remaining = targets.slice(YELL_RELOG_PER_BATCH);
        const next = optOut
          ? [...new Set([...head.feedOptOut, staffId])].sort()
          : head.feedOptOut.filter((id) => id !== staffId);
        return {
          // At least one version even with nothing to re-log: it is what serialises opt-out changes.
          count: Math.max(first.length, 1),
          gate: { kind: 'yell.relog' },
          stage: (batch, from) => {
            first.forEach((id, k) => batch.update(yells.doc(id), { version: from + k }));
            batch.set(headRef, { feedOptOut: next }, { merge: true });
          },
        };
      },
    });
    // The rest, if this person received more than one batch's worth: each its own atomic write.
    // If this stops half way, those yells keep their old version until the next change of them.
    for (let i = 0; i < remaining.length; i += YELL_RELOG_PER_BATCH) {
      const slice = remaining.slice(i, i + YELL_RELOG_PER_BATCH);
      await firestoreVersionBump({
        db,
        policy: this.retry,
        reads: this.env.reads,
        headRef,
        versionRef: (version) => recognitionVersionRef(db, orgId, version),
        decide: async () => ({
          count: slice.length,
          gate: { kind: 'yell.relog' },
          stage: (batch, from) => slice.forEach((id, k) => batch.update(yells.doc(id), { version: from + k })),
        }),
      });
    }
  }

  async getRecognitionSettings(orgId: string): Promise<RecognitionSettings> {
    const snap = await readDoc(this.env.reads, this.#settingsRef(orgId));
    return snap.exists
      ? v.parse(RecognitionSettingsSchema, snap.data())
      : structuredClone(DEFAULT_RECOGNITION_SETTINGS);
  }

  putRecognitionSettings(orgId: string, settings: RecognitionSettings): Promise<void> {
    const { db } = this.env;
    return firestoreVersionBump({
      db,
      policy: this.retry,
      reads: this.env.reads,
      headRef: recognitionHeadRef(db, orgId),
      versionRef: (version) => recognitionVersionRef(db, orgId, version),
      decide: async () => ({
        count: 1,
        gate: { kind: 'settings' },
        stage: (batch) =>
          void batch.set(this.#settingsRef(orgId), {
            values: settings.values.map((x) => ({ ...x })),
            dailyCap: settings.dailyCap,
          }),
      }),
    });
  }

  async getYellScope(orgId: string, scope: string): Promise<ScopeAggregate> {
    const [fields] = await this.#counters.read([this.#scopeRef(orgId, scope)]);
    return scopeFromFields(fields ?? {});
  }

  async getYellPerson(orgId: string, staffId: string, day: string): Promise<YellPersonCounts> {
    const dailyRef = this.#org(orgId).collection('yellDaily').doc(`${staffId}~${day}`);
    const [[counts], daily] = await Promise.all([
      this.#counters.read([this.#personRef(orgId, staffId)]),
      readDoc(this.env.reads, dailyRef),
    ]);
    return {
      received: counts?.received ?? 0,
      sent: counts?.sent ?? 0,
      sentOnDay: daily.exists ? v.parse(DailySchema, daily.data()).count : 0,
    };
  }

  async #head(orgId: string): Promise<YellFeedHead> {
    return parseHead(await readDoc(this.env.reads, recognitionHeadRef(this.env.db, orgId)));
  }

  #org(orgId: string): DocumentReference {
    return this.env.db.collection('orgs').doc(orgId);
  }

  #settingsRef(orgId: string): DocumentReference {
    return this.#org(orgId).collection('recognitionMeta').doc('settings');
  }

  #scopeRef(orgId: string, scope: string): DocumentReference {
    // Unit ids are free text up to 40 characters; encoded so that a slash cannot nest a path.
    return this.#org(orgId).collection('yellScopes').doc(encodeURIComponent(scope));
  }

  #personRef(orgId: string, staffId: string): DocumentReference {
    return this.#org(orgId).collection('yellPeople').doc(staffId);
  }
}

function parseHead(snap: DocumentSnapshot | undefined): YellFeedHead {
  return snap?.exists ? v.parse(RecognitionHeadSchema, snap.data()) : { headVersion: 0, feedOptOut: [] };
}
