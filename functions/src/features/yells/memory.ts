import { yellClappedNotificationId } from '../../../../src/domain/notifications';
import type { ScopeAggregate } from '../../../../src/domain/yell-aggregate';
import {
  applyClap,
  checkYellSend,
  DEFAULT_RECOGNITION_SETTINGS,
  tokyoDay,
  yellForViewer,
  type RecognitionSettings,
  type StoredYell,
  type Yell,
} from '../../../../src/domain/yells';
import type { HeadHandle } from '../../kit/batch-read';
import { MemoryCounters } from '../../kit/counters';
import { memoryHead, memoryVersionBump, memoryVersionedWrite, tick } from '../../kit/memory';
import { rejectWith, UNCHANGED, type MutationOutcome, type RetryPolicy } from '../../kit/versioned';
import { notificationDocId } from '../notifications/port';
import { memoryRecognition, type MemoryRecognition } from '../notifications/sequence';
import type { MemoryEnv } from '../stores';
import { scopeFields, scopeFromFields } from './counts';
import { receivedNotifications, sendDelta, sentYell } from './records';
import {
  clapDocId,
  type YellContext,
  type YellFeedHead,
  type YellIntent,
  type YellPersonCounts,
  type YellsSince,
  type YellStore,
} from './port';
import { problem } from '../../../../src/domain/problems';

interface OrgYells {
  yells: Map<string, StoredYell>;
  /** Clap document ids `{yellId}_{staffId}`. */
  claps: Set<string>;
  settings: RecognitionSettings | null;
  /** `{staffId}~{day}` → yells sent that Asia/Tokyo day. */
  daily: Map<string, number>;
}

/**
 * The in-memory twin of the エール Firestore adapter (kit/memory.ts says what it keeps of
 * Firestore). The version sequence and the inboxes are the recognition sequence's
 * (notifications/sequence.ts), shared with the notifications twin of the same stores.
 */
export class MemoryYells implements YellStore {
  readonly #orgs = new Map<string, OrgYells>();
  readonly #counters: MemoryCounters;

  constructor(
    private readonly env: MemoryEnv,
    readonly retry: RetryPolicy,
  ) {
    this.#counters = new MemoryCounters(env.reads);
  }

  applyYellMutation(
    orgId: string,
    mutationId: string,
    actorStaffId: string,
    intent: YellIntent,
    context: YellContext,
  ): Promise<MutationOutcome> {
    const appliedAt = context.now.toISOString();
    const rec = () => this.#recognition(orgId);
    const base = {
      policy: this.retry,
      reads: this.env.reads,
      mutations: () => this.env.mutations(orgId),
      gate: () => rec().gate,
      mutationId,
      actor: actorStaffId,
      appliedAt: () => appliedAt,
    };
    const org = this.#org(orgId);
    if (intent.kind === 'yell.send') {
      const dayKey = `${actorStaffId}~${tokyoDay(context.now)}`;
      return memoryVersionedWrite({
        ...base,
        extraReads: 2,
        decide: () => {
          if (org.yells.has(intent.yellId)) return rejectWith(problem('yell.idTaken'));
          const check = checkYellSend(intent, actorStaffId, {
            settings: context.settings,
            sentToday: org.daily.get(dayKey) ?? 0,
            isStaff: (id) => context.paths.has(id),
          });
          if (!check.ok) return rejectWith(check.problem);
          return {
            write: {
              conflicts: () => org.yells.has(intent.yellId),
              commit: (version) => {
                const yell = sentYell(intent, actorStaffId, appliedAt, version);
                org.yells.set(yell.id, yell);
                for (const { recipient, notification } of receivedNotifications(yell))
                  rec().notifications.set(notificationDocId(recipient, notification.id), { recipient, notification });
                const delta = sendDelta(yell, context);
                for (const [scope, s] of Object.entries(delta.scopes))
                  this.#counters.increment(scopeKey(orgId, scope), scopeFields(s));
                for (const [staffId, p] of Object.entries(delta.people))
                  this.#counters.increment(personKey(orgId, staffId), { received: p.received, sent: p.sent });
                org.daily.set(dayKey, (org.daily.get(dayKey) ?? 0) + 1);
              },
            },
          };
        },
      });
    }
    return memoryVersionedWrite({
      ...base,
      extraReads: 1,
      decide: () => {
        const stored = org.yells.get(intent.yellId) ?? null;
        const outcome = applyClap(stored, actorStaffId, rec().feedOptOut);
        if (!outcome.ok) return rejectWith(outcome.problem);
        // Recorded all the same, so the id stays taken (as communities do for a no-op join).
        if (!stored || !outcome.changed) return UNCHANGED;
        const clap = clapDocId(stored.id, actorStaffId);
        return {
          write: {
            conflicts: () => org.claps.has(clap),
            commit: (version) => {
              org.claps.add(clap);
              org.yells.set(stored.id, { ...stored, clappers: outcome.clappers, version });
              const id = yellClappedNotificationId(stored.id, actorStaffId);
              rec().notifications.set(notificationDocId(stored.from, id), {
                recipient: stored.from,
                notification: {
                  id,
                  kind: 'yell.clapped',
                  createdAt: appliedAt,
                  actor: actorStaffId,
                  yellId: stored.id,
                  version,
                },
              });
            },
          },
        };
      },
    });
  }

  async yellHead(orgId: string): Promise<number> {
    await this.#read(1);
    return this.#recognition(orgId).gate.head;
  }

  feedHead(orgId: string): HeadHandle<YellFeedHead> {
    return memoryHead(`${orgId}/recognitionMeta/head`, () => {
      const rec = this.#recognition(orgId);
      return { headVersion: rec.gate.head, feedOptOut: [...rec.feedOptOut].sort() };
    });
  }

  async yellsSince(orgId: string, viewer: string, version: number, limit: number): Promise<YellsSince> {
    await this.#read(1);
    const org = this.#org(orgId);
    const rec = this.#recognition(orgId);
    const head = rec.gate.head;
    if (version === head)
      return { yells: [], removed: [], version, more: false, feedOptOut: [...rec.feedOptOut].sort(), head };
    const scanned = [...org.yells.values()]
      .filter((y) => y.version > version)
      .sort((a, b) => a.version - b.version)
      .slice(0, limit);
    this.env.reads.addQuery(scanned.length);
    // The adapter reads the opt-out set again after the scan; counted alike.
    this.env.reads.add(1);
    const yells: Yell[] = [];
    const removed: string[] = [];
    for (const stored of scanned) {
      const shown = yellForViewer(stored, viewer, rec.feedOptOut);
      if (shown && 'yell' in shown) yells.push(structuredClone(shown.yell));
      else if (shown) removed.push(shown.removed);
    }
    const more = scanned.length === limit;
    const last = scanned.at(-1)?.version ?? version;
    return {
      yells,
      removed,
      version: more ? last : Math.max(last, head, version),
      more,
      feedOptOut: [...rec.feedOptOut].sort(),
      head,
    };
  }

  async getYells(orgId: string, ids: readonly string[]): Promise<StoredYell[]> {
    await this.#read(ids.length);
    const org = this.#org(orgId);
    return ids.flatMap((id) => {
      const y = org.yells.get(id);
      return y ? [structuredClone(y)] : [];
    });
  }

  async getYellFeedOptOut(orgId: string): Promise<string[]> {
    await this.#read(1);
    return [...this.#recognition(orgId).feedOptOut].sort();
  }

  async setYellFeedOptOut(orgId: string, staffId: string, optOut: boolean): Promise<void> {
    const org = this.#org(orgId);
    let targets: StoredYell[] = [];
    await memoryVersionBump({
      policy: this.retry,
      reads: this.env.reads,
      gate: () => this.#recognition(orgId).gate,
      decide: () => {
        if (this.#recognition(orgId).feedOptOut.has(staffId) === optOut) return 0;
        targets = [...org.yells.values()]
          .filter((y) => y.visibility === 'public' && y.to.includes(staffId))
          .sort((a, b) => a.version - b.version);
        this.env.reads.addQuery(targets.length);
        // At least one version even with nothing to re-log: it is what serialises opt-out changes.
        return Math.max(targets.length, 1);
      },
      commit: (first) => {
        targets.forEach((y, k) => org.yells.set(y.id, { ...y, version: first + k }));
        const rec = this.#recognition(orgId);
        if (optOut) rec.feedOptOut.add(staffId);
        else rec.feedOptOut.delete(staffId);
      },
    });
  }

  async getRecognitionSettings(orgId: string): Promise<RecognitionSettings> {
    await this.#read(1);
    return structuredClone(this.#org(orgId).settings ?? DEFAULT_RECOGNITION_SETTINGS);
  }

  putRecognitionSettings(orgId: string, settings: RecognitionSettings): Promise<void> {
    const copy = structuredClone(settings);
    return memoryVersionBump({
      policy: this.retry,
      reads: this.env.reads,
      gate: () => this.#recognition(orgId).gate,
      decide: () => 1,
      commit: () => {
        this.#org(orgId).settings = copy;
      },
    });
  }

  async getYellScope(orgId: string, scope: string): Promise<ScopeAggregate> {
    await tick();
    const [fields] = this.#counters.read([scopeKey(orgId, scope)]);
    return scopeFromFields(fields ?? {});
  }

  async getYellPerson(orgId: string, staffId: string, day: string): Promise<YellPersonCounts> {
    await tick();
    const [p] = this.#counters.read([personKey(orgId, staffId)]);
    this.env.reads.add(1);
    return {
      received: p?.received ?? 0,
      sent: p?.sent ?? 0,
      sentOnDay: this.#org(orgId).daily.get(`${staffId}~${day}`) ?? 0,
    };
  }

  #recognition(orgId: string): MemoryRecognition {
    return memoryRecognition(this.env, orgId);
  }

  async #read(documents: number): Promise<void> {
    await tick();
    this.env.reads.add(documents);
  }

  #org(orgId: string): OrgYells {
    let org = this.#orgs.get(orgId);
    if (!org) {
      org = { yells: new Map(), claps: new Set(), settings: null, daily: new Map() };
      this.#orgs.set(orgId, org);
    }
    return org;
  }
}

const scopeKey = (orgId: string, scope: string) => `${orgId}/scope/${scope}`;
const personKey = (orgId: string, staffId: string) => `${orgId}/person/${staffId}`;
