import {
  applyNominationIntent,
  type AuditEntry,
  type Award,
  type Nomination,
  type NominationContext,
  type NominationIntent,
} from '../../../src/domain/nominations';
import { endorsementDocId, type NominationStore } from './nomination-port';
import { replayOutcome, type MutationOutcome, type MutationRecord } from './port';
import { CONFLICT, retryOnVersionConflict } from './retry';

interface OrgNominations {
  head: number;
  nominations: Map<string, Nomination>;
  endorsements: Set<string>;
  versions: Set<number>;
  audit: AuditEntry[];
  awards: Award[] | null;
}

/**
 * The in-memory twin of the commendations part of the Store (MemoryStore delegates to it). A read
 * and its commit are separate steps, so concurrent callers really collide, and a commit checks
 * every create-if-absent before it applies anything.
 */
export class MemoryNominations implements NominationStore {
  readonly #orgs = new Map<string, OrgNominations>();

  /** `mutations` gives the organisation's mutation records, shared with the other mutation kinds. */
  constructor(private readonly mutations: (orgId: string) => Map<string, MutationRecord>) {}

  async applyNominationMutation(
    orgId: string,
    mutationId: string,
    actorStaffId: string,
    intent: NominationIntent,
    ctx: NominationContext,
  ): Promise<MutationOutcome> {
    return retryOnVersionConflict(async () => {
      await tick();
      const org = this.#org(orgId);
      const mutations = this.mutations(orgId);
      const head = org.head;
      const existing = mutations.get(mutationId);
      const stored = org.nominations.get(intent.nominationId);
      if (existing) return replayOutcome(existing, actorStaffId);
      const outcome = applyNominationIntent(stored ? withoutVersion(stored) : null, intent, actorStaffId, ctx);
      if (!outcome.ok) return { status: 'rejected', message: outcome.message } as const;
      await tick();
      const appliedAt = ctx.now;
      if (!outcome.changed) {
        if (mutations.has(mutationId)) return CONFLICT;
        mutations.set(mutationId, { actor: actorStaffId, version: 0, appliedAt });
        return { status: 'applied', version: 0 } as const;
      }
      const version = head + 1;
      const endorsement =
        intent.kind === 'nomination.endorse' ? endorsementDocId(intent.nominationId, actorStaffId) : null;
      if (org.versions.has(version) || mutations.has(mutationId) || (endorsement && org.endorsements.has(endorsement)))
        return CONFLICT;
      org.versions.add(version);
      mutations.set(mutationId, { actor: actorStaffId, version, appliedAt });
      if (endorsement) org.endorsements.add(endorsement);
      if (outcome.audit) org.audit.push({ ...outcome.audit, nominationId: intent.nominationId, version });
      org.nominations.set(intent.nominationId, structuredClone({ ...outcome.nomination, version }));
      org.head = version;
      return { status: 'applied', version } as const;
    });
  }

  async getNomination(orgId: string, nominationId: string): Promise<Nomination | null> {
    await tick();
    const n = this.#org(orgId).nominations.get(nominationId);
    return n ? structuredClone(n) : null;
  }

  async nominationHead(orgId: string): Promise<number> {
    await tick();
    return this.#org(orgId).head;
  }

  async nominationsSince(orgId: string, version: number, limit: number): Promise<Nomination[]> {
    await tick();
    return [...this.#org(orgId).nominations.values()]
      .filter((n) => n.version > version)
      .sort((a, b) => a.version - b.version)
      .slice(0, limit)
      .map((n) => structuredClone(n));
  }

  async nominationAudit(orgId: string, nominationId: string): Promise<AuditEntry[]> {
    await tick();
    return this.#org(orgId)
      .audit.filter((e) => e.nominationId === nominationId)
      .sort((a, b) => a.version - b.version)
      .map((e) => ({ ...e }));
  }

  async getAwards(orgId: string): Promise<Award[] | null> {
    await tick();
    const awards = this.#org(orgId).awards;
    return awards ? structuredClone(awards) : null;
  }

  async putAwards(orgId: string, awards: readonly Award[]): Promise<void> {
    await tick();
    this.#org(orgId).awards = structuredClone([...awards]);
  }

  #org(orgId: string): OrgNominations {
    let org = this.#orgs.get(orgId);
    if (!org) {
      org = { head: 0, nominations: new Map(), endorsements: new Set(), versions: new Set(), audit: [], awards: null };
      this.#orgs.set(orgId, org);
    }
    return org;
  }
}

function withoutVersion(n: Nomination): Omit<Nomination, 'version'> {
  const { version: _version, ...rest } = n;
  return rest;
}

function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
