import {
  applyNominationIntent,
  type AuditEntry,
  type Award,
  type Nomination,
  type NominationContext,
  type NominationIntent,
} from '../../../../src/domain/nominations';
import type { HeadHandle } from '../../kit/batch-read';
import {
  emptyGate,
  MemoryOrgs,
  memoryVersionBump,
  memoryVersionedWrite,
  tick,
  type MemoryGate,
} from '../../kit/memory';
import { rejectWith, UNCHANGED, type MutationOutcome, type RetryPolicy } from '../../kit/versioned';
import type { MemoryEnv } from '../stores';
import { endorsementDocId, withoutVersion, type NominationStore } from './port';

interface OrgNominations {
  gate: MemoryGate;
  nominations: Map<string, Nomination>;
  endorsements: Set<string>;
  audit: AuditEntry[];
  awards: Award[] | null;
}

/** The in-memory twin of the commendations' Firestore adapter (kit/memory.ts says what it keeps of Firestore). */
export class MemoryNominations implements NominationStore {
  readonly #orgs: MemoryOrgs<OrgNominations>;

  constructor(
    private readonly env: MemoryEnv,
    readonly retry: RetryPolicy,
  ) {
    this.#orgs = new MemoryOrgs(env.reads, 'nominationMeta', () => ({
      gate: emptyGate(),
      nominations: new Map(),
      endorsements: new Set(),
      audit: [],
      awards: null,
    }));
  }

  applyNominationMutation(
    orgId: string,
    mutationId: string,
    actorStaffId: string,
    intent: NominationIntent,
    ctx: NominationContext,
  ): Promise<MutationOutcome> {
    return memoryVersionedWrite({
      policy: this.retry,
      reads: this.env.reads,
      mutations: () => this.env.mutations(orgId),
      gate: () => this.#org(orgId).gate,
      mutationId,
      actor: actorStaffId,
      appliedAt: () => ctx.now,
      extraReads: 1,
      decide: () => {
        const org = this.#org(orgId);
        const stored = org.nominations.get(intent.nominationId);
        const outcome = applyNominationIntent(stored ? withoutVersion(stored) : null, intent, actorStaffId, ctx);
        if (!outcome.ok) return rejectWith(outcome.problem);
        if (!outcome.changed) return UNCHANGED;
        const endorsement =
          intent.kind === 'nomination.endorse' ? endorsementDocId(intent.nominationId, actorStaffId) : null;
        return {
          write: {
            conflicts: () => endorsement !== null && org.endorsements.has(endorsement),
            commit: (version) => {
              if (endorsement) org.endorsements.add(endorsement);
              if (outcome.audit) org.audit.push({ ...outcome.audit, nominationId: intent.nominationId, version });
              org.nominations.set(intent.nominationId, structuredClone({ ...outcome.nomination, version }));
            },
          },
        };
      },
    });
  }

  async getNomination(orgId: string, nominationId: string): Promise<Nomination | null> {
    await this.#read(1);
    const n = this.#org(orgId).nominations.get(nominationId);
    return n ? structuredClone(n) : null;
  }

  nominationHead(orgId: string): Promise<number> {
    return this.#orgs.head(orgId);
  }

  feedHead(orgId: string): HeadHandle<number> {
    return this.#orgs.feedHead(orgId);
  }

  nominationsSince(orgId: string, version: number, limit: number): Promise<Nomination[]> {
    return this.#orgs.since(orgId, (org) => org.nominations.values(), version, limit);
  }

  async nominationAudit(orgId: string, nominationId: string): Promise<AuditEntry[]> {
    await tick();
    const entries = this.#org(orgId)
      .audit.filter((e) => e.nominationId === nominationId)
      .sort((a, b) => a.version - b.version)
      .map((e) => ({ ...e }));
    this.env.reads.addQuery(entries.length);
    return entries;
  }

  async getAwards(orgId: string): Promise<Award[] | null> {
    await this.#read(1);
    const awards = this.#org(orgId).awards;
    return awards ? structuredClone(awards) : null;
  }

  putAwards(orgId: string, awards: readonly Award[]): Promise<void> {
    const copy = structuredClone([...awards]);
    return memoryVersionBump({
      policy: this.retry,
      reads: this.env.reads,
      gate: () => this.#org(orgId).gate,
      decide: () => 1,
      commit: () => {
        this.#org(orgId).awards = copy;
      },
    });
  }

  #read(documents: number): Promise<void> {
    return this.#orgs.read(documents);
  }

  #org(orgId: string): OrgNominations {
    return this.#orgs.of(orgId);
  }
}
