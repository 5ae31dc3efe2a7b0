import { yellClappedNotificationId, yellReceivedNotificationId } from '../../../src/domain/notifications';
import {
  addAggregates,
  emptyScope,
  yellDelta,
  type RecognitionAggregate,
  type ScopeAggregate,
} from '../../../src/domain/yell-aggregate';
import {
  applyClap,
  checkYellSend,
  DEFAULT_RECOGNITION_SETTINGS,
  tokyoDay,
  YELL_MESSAGES,
  yellForViewer,
  type RecognitionSettings,
  type StoredYell,
  type Yell,
} from '../../../src/domain/yells';
import { emptyRecognitionOrg, tick, type MemoryRecognitionOrg } from './notification-memory';
import { notificationDocId } from './notification-port';
import { replayOutcome, type MutationOutcome, type MutationRecord } from './port';
import { CONFLICT } from './retry';
import { retryYellWrite } from './yell-retry';
import {
  clapDocId,
  type YellContext,
  type YellIntent,
  type YellPersonCounts,
  type YellsSince,
  type YellStore,
} from './yell-port';

/**
 * The in-memory twin of the エール part of the Store (MemoryStore delegates to it). Like the rest
 * of the twin, a read and its commit are separate steps, so concurrent callers really collide, and
 * a commit checks every create-if-absent (version, mutation, yell, clap) before applying anything.
 */
export class MemoryYells implements YellStore {
  constructor(
    /** The organisation's mutation records, shared with profile and community mutations. */
    private readonly mutations: (orgId: string) => Map<string, MutationRecord>,
    private readonly org: (orgId: string) => MemoryRecognitionOrg,
  ) {}

  async applyYellMutation(
    orgId: string,
    mutationId: string,
    actorStaffId: string,
    intent: YellIntent,
    context: YellContext,
  ): Promise<MutationOutcome> {
    return retryYellWrite(async () => {
      await tick();
      const org = this.org(orgId);
      const mutations = this.mutations(orgId);
      const head = org.head;
      const existing = mutations.get(mutationId);
      if (existing) return replayOutcome(existing, actorStaffId);
      const appliedAt = context.now.toISOString();
      const version = head + 1;
      if (intent.kind === 'yell.send') {
        if (org.yells.has(intent.yellId)) return { status: 'rejected', message: YELL_MESSAGES.yellIdTaken } as const;
        const dayKey = `${actorStaffId}~${tokyoDay(context.now)}`;
        const check = checkYellSend(intent, actorStaffId, {
          settings: context.settings,
          sentToday: org.daily.get(dayKey) ?? 0,
          isStaff: (id) => context.paths.has(id),
        });
        if (!check.ok) return { status: 'rejected', message: check.message } as const;
        await tick();
        if (org.versions.has(version) || mutations.has(mutationId) || org.yells.has(intent.yellId)) return CONFLICT;
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
        org.versions.add(version);
        mutations.set(mutationId, { actor: actorStaffId, version, appliedAt });
        org.yells.set(yell.id, yell);
        for (const recipient of yell.to) {
          const id = yellReceivedNotificationId(yell.id);
          org.notifications.set(notificationDocId(recipient, id), {
            recipient,
            notification: {
              id,
              kind: 'yell.received',
              createdAt: appliedAt,
              actor: actorStaffId,
              yellId: yell.id,
              version,
            },
          });
        }
        const path = (id: string) => context.paths.get(id) ?? [];
        applyDelta(
          org,
          yellDelta({
            value: yell.value,
            createdAt: appliedAt,
            from: { staffId: actorStaffId, path: path(actorStaffId) },
            to: yell.to.map((staffId) => ({ staffId, path: path(staffId) })),
          }),
        );
        org.daily.set(dayKey, (org.daily.get(dayKey) ?? 0) + 1);
        org.head = version;
        return { status: 'applied', version } as const;
      }
      const stored = org.yells.get(intent.yellId) ?? null;
      const outcome = applyClap(stored, actorStaffId, org.feedOptOut);
      if (!outcome.ok) return { status: 'rejected', message: outcome.message } as const;
      await tick();
      if (!stored || !outcome.changed) {
        // Recorded all the same, so the id stays taken (as communities do for a no-op join).
        if (mutations.has(mutationId)) return CONFLICT;
        mutations.set(mutationId, { actor: actorStaffId, version: 0, appliedAt });
        return { status: 'applied', version: 0 } as const;
      }
      const clap = clapDocId(stored.id, actorStaffId);
      if (org.versions.has(version) || mutations.has(mutationId) || org.claps.has(clap)) return CONFLICT;
      org.versions.add(version);
      mutations.set(mutationId, { actor: actorStaffId, version, appliedAt });
      org.claps.add(clap);
      org.yells.set(stored.id, { ...stored, clappers: outcome.clappers, version });
      const id = yellClappedNotificationId(stored.id, actorStaffId);
      org.notifications.set(notificationDocId(stored.from, id), {
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
      org.head = version;
      return { status: 'applied', version } as const;
    });
  }

  async yellHead(orgId: string): Promise<number> {
    await tick();
    return this.org(orgId).head;
  }

  async yellsSince(orgId: string, viewer: string, version: number, limit: number): Promise<YellsSince> {
    await tick();
    const org = this.org(orgId);
    const head = org.head;
    const scanned = [...org.yells.values()]
      .filter((y) => y.version > version)
      .sort((a, b) => a.version - b.version)
      .slice(0, limit);
    const yells: Yell[] = [];
    const removed: string[] = [];
    for (const stored of scanned) {
      const shown = yellForViewer(stored, viewer, org.feedOptOut);
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
      feedOptOut: [...org.feedOptOut].sort(),
      head,
    };
  }

  async getYells(orgId: string, ids: readonly string[]): Promise<StoredYell[]> {
    await tick();
    const org = this.org(orgId);
    return ids.flatMap((id) => {
      const y = org.yells.get(id);
      return y ? [structuredClone(y)] : [];
    });
  }

  async getYellFeedOptOut(orgId: string): Promise<string[]> {
    await tick();
    return [...this.org(orgId).feedOptOut].sort();
  }

  async setYellFeedOptOut(orgId: string, staffId: string, optOut: boolean): Promise<void> {
    await retryYellWrite(async () => {
      await tick();
      const org = this.org(orgId);
      const head = org.head;
      if (org.feedOptOut.has(staffId) === optOut) return undefined;
      const targets = [...org.yells.values()]
        .filter((y) => y.visibility === 'public' && y.to.includes(staffId))
        .sort((a, b) => a.version - b.version);
      // At least one version even with nothing to re-log: it is what serialises opt-out changes.
      const count = Math.max(targets.length, 1);
      await tick();
      for (let k = 1; k <= count; k++) if (org.versions.has(head + k)) return CONFLICT;
      for (let k = 1; k <= count; k++) org.versions.add(head + k);
      targets.forEach((y, k) => org.yells.set(y.id, { ...y, version: head + 1 + k }));
      if (optOut) org.feedOptOut.add(staffId);
      else org.feedOptOut.delete(staffId);
      org.head = head + count;
      return undefined;
    });
  }

  async getRecognitionSettings(orgId: string): Promise<RecognitionSettings> {
    await tick();
    return structuredClone(this.org(orgId).settings ?? DEFAULT_RECOGNITION_SETTINGS);
  }

  async putRecognitionSettings(orgId: string, settings: RecognitionSettings): Promise<void> {
    await tick();
    this.org(orgId).settings = structuredClone(settings);
  }

  async getYellScope(orgId: string, scope: string): Promise<ScopeAggregate> {
    await tick();
    return structuredClone(this.org(orgId).scopes.get(scope) ?? emptyScope());
  }

  async getYellPerson(orgId: string, staffId: string, day: string): Promise<YellPersonCounts> {
    await tick();
    const org = this.org(orgId);
    const p = org.people.get(staffId) ?? { received: 0, sent: 0 };
    return { received: p.received, sent: p.sent, sentOnDay: org.daily.get(`${staffId}~${day}`) ?? 0 };
  }
}

function applyDelta(org: MemoryRecognitionOrg, delta: RecognitionAggregate): void {
  const current: RecognitionAggregate = {
    scopes: Object.fromEntries([...Object.keys(delta.scopes)].map((k) => [k, org.scopes.get(k) ?? emptyScope()])),
    people: Object.fromEntries(
      [...Object.keys(delta.people)].map((k) => [k, org.people.get(k) ?? { received: 0, sent: 0 }]),
    ),
  };
  const next = addAggregates(current, delta);
  for (const [k, s] of Object.entries(next.scopes)) org.scopes.set(k, s);
  for (const [k, p] of Object.entries(next.people)) org.people.set(k, p);
}

export { emptyRecognitionOrg };
