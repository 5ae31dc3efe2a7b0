import { answerGroupsKey, countByGroup, type AnswerGroups } from '../../../../src/domain/campaigns/campaign';
import { mergeFolds } from '../../../../src/domain/surveys/fold';
import type { SurveyResults } from '../../../../src/domain/surveys/results';
import type { Answers, Survey } from '../../../../src/domain/surveys/survey';
import type { HeadHandle } from '../../kit/batch-read';
import { memoryHead, tick } from '../../kit/memory';
import { serverClock } from '../../kit/clock';
import type { RetryPolicy } from '../../kit/versioned';
import type { AudienceFacts, IssueOutcome, Opening, Reminder } from '../../campaigns/port';
import type { CampaignKey } from '../../campaigns/tokens';
import type { MemoryEnv } from '../stores';
import type { AnswerDelta, Folds, PaperTally, SurveyStore, SurveyText, SurveysHead } from './port';

/** One organisation's surveys, as the twin keeps them (inspect() shows all of it). */
interface OrgSurveys {
  head: SurveysHead;
  surveys: Map<string, Survey>;
  /** `{surveyId}_{staffId}` → the member's answer groups. */
  members: Map<string, AnswerGroups>;
  audience: Map<string, AudienceFacts>;
  keys: Map<string, CampaignKey>;
  /** `{surveyId}_{staffId}` → hash of the blinded message signed. */
  issued: Map<string, string>;
  /** `{surveyId}_{tokenHash}`: nothing else. */
  spent: Set<string>;
  /** `{surveyId}_{staffId}`: nothing else. */
  participation: Set<string>;
  /** `{surveyId}` → respondents per group key. */
  respondents: Map<string, Record<string, number>>;
  reminders: Map<string, Reminder[]>;
  folds: Map<string, Folds>;
  texts: Map<string, SurveyText[]>;
  named: Map<string, { surveyId: string; staffId: string; mutationId: string; answers: Answers }>;
  paper: Set<string>;
  results: Map<string, SurveyResults>;
}

/** The in-memory twin of the surveys' Firestore adapter. */
export class MemorySurveys implements SurveyStore {
  readonly #orgs = new Map<string, OrgSurveys>();

  constructor(
    private readonly env: MemoryEnv,
    readonly retry: RetryPolicy,
  ) {}

  now(): Date {
    return serverClock.now();
  }

  /** Tests: everything this twin stores, as plain data (the privacy test reads it all). */
  inspect(): unknown {
    return structuredClone(
      [...this.#orgs].map(([orgId, o]) => ({
        orgId,
        ...Object.fromEntries(
          Object.entries(o).map(([k, val]) => [
            k,
            val instanceof Map ? [...val.entries()] : val instanceof Set ? [...val] : val,
          ]),
        ),
      })),
    );
  }

  async saveDraft(orgId: string, survey: Survey): Promise<'saved' | 'frozen'> {
    await this.#read(1);
    const o = this.#org(orgId);
    const current = o.surveys.get(survey.id);
    if (current && current.status !== 'draft') return 'frozen';
    o.surveys.set(survey.id, structuredClone({ ...survey, status: 'draft', openedAt: null, closedAt: null }));
    return 'saved';
  }

  async getSurvey(orgId: string, surveyId: string): Promise<Survey | null> {
    await this.#read(1);
    const s = this.#org(orgId).surveys.get(surveyId);
    return s ? structuredClone(s) : null;
  }

  async listSurveys(orgId: string): Promise<Survey[]> {
    await tick();
    const list = [...this.#org(orgId).surveys.values()].map((s) => structuredClone(s));
    this.env.reads.addQuery(list.length);
    return list;
  }

  async open(orgId: string, surveyId: string, opening: Opening): Promise<'opened' | 'notDraft'> {
    await this.#read(1);
    const o = this.#org(orgId);
    const s = o.surveys.get(surveyId);
    if (!s || s.status !== 'draft') return 'notDraft';
    s.status = 'open';
    s.openedAt = opening.openedAt;
    const combos = new Set<string>();
    for (const m of opening.members) {
      const g = opening.groups.get(m.staffId);
      if (!g) continue;
      o.members.set(`${surveyId}_${m.staffId}`, { ...g });
      combos.add(answerGroupsKey(g));
    }
    o.audience.set(surveyId, { counts: countByGroup(opening.groups.values()), combos: [...combos] });
    if (opening.key) o.keys.set(surveyId, { ...opening.key });
    o.head.version += 1;
    return 'opened';
  }

  async close(
    orgId: string,
    surveyId: string,
    closedAt: string,
    results: SurveyResults,
  ): Promise<'closed' | 'notOpen'> {
    await this.#read(1);
    const o = this.#org(orgId);
    const s = o.surveys.get(surveyId);
    if (!s || s.status !== 'open') return 'notOpen';
    s.status = 'closed';
    s.closedAt = closedAt;
    o.results.set(surveyId, structuredClone(results));
    o.head.version += 1;
    return 'closed';
  }

  async memberGroups(orgId: string, surveyId: string, staffId: string): Promise<AnswerGroups | null> {
    await this.#read(1);
    const g = this.#org(orgId).members.get(`${surveyId}_${staffId}`);
    return g ? { ...g } : null;
  }

  async audience(orgId: string, surveyId: string): Promise<AudienceFacts> {
    await this.#read(1);
    return structuredClone(this.#org(orgId).audience.get(surveyId) ?? { counts: {}, combos: [] });
  }

  async key(orgId: string, surveyId: string): Promise<CampaignKey | null> {
    await this.#read(1);
    const k = this.#org(orgId).keys.get(surveyId);
    return k ? { ...k } : null;
  }

  async issueToken(orgId: string, surveyId: string, staffId: string, blindedId: string): Promise<IssueOutcome> {
    await this.#read(1);
    const o = this.#org(orgId);
    const id = `${surveyId}_${staffId}`;
    await tick();
    const had = o.issued.get(id);
    if (had !== undefined) return had === blindedId ? 'again' : 'taken';
    o.issued.set(id, blindedId);
    return 'issued';
  }

  async addAnonymousAnswer(orgId: string, surveyId: string, tokenId: string, delta: AnswerDelta) {
    await this.#read(1);
    const o = this.#org(orgId);
    const id = `${surveyId}_${tokenId}`;
    await tick();
    // The create-if-absent and the content in one commit, as the adapter's batch.
    if (o.spent.has(id)) return 'duplicate' as const;
    o.spent.add(id);
    this.#addDelta(o, surveyId, delta);
    return 'applied' as const;
  }

  async addNamedAnswer(
    orgId: string,
    surveyId: string,
    mutationId: string,
    staffId: string,
    answers: Answers,
    groups: AnswerGroups,
    delta: AnswerDelta,
  ) {
    await this.#read(1);
    const o = this.#org(orgId);
    const id = `${surveyId}_${staffId}`;
    await tick();
    const had = o.named.get(id);
    if (had) return had.mutationId === mutationId ? ('duplicate' as const) : ('taken' as const);
    o.named.set(id, { surveyId, staffId, mutationId, answers: structuredClone(answers) });
    this.#addDelta(o, surveyId, delta);
    this.#participate(o, surveyId, staffId, groups);
    return 'applied' as const;
  }

  async namedAnswers(orgId: string, surveyId: string) {
    await tick();
    const list = [...this.#org(orgId).named.values()]
      .filter((a) => a.surveyId === surveyId)
      .map((a) => ({ staffId: a.staffId, answers: structuredClone(a.answers) }));
    this.env.reads.addQuery(list.length);
    return list;
  }

  async participate(orgId: string, surveyId: string, staffId: string, groups: AnswerGroups) {
    await this.#read(1);
    const o = this.#org(orgId);
    await tick();
    if (o.participation.has(`${surveyId}_${staffId}`)) return 'duplicate' as const;
    this.#participate(o, surveyId, staffId, groups);
    return 'applied' as const;
  }

  async hasParticipated(orgId: string, surveyId: string, staffId: string): Promise<boolean> {
    await this.#read(1);
    return this.#org(orgId).participation.has(`${surveyId}_${staffId}`);
  }

  async respondentCounts(orgId: string, surveyId: string): Promise<Record<string, number>> {
    await this.#read(10);
    return { ...this.#org(orgId).respondents.get(surveyId) };
  }

  async nonRespondents(orgId: string, surveyId: string): Promise<string[]> {
    await tick();
    const o = this.#org(orgId);
    const prefix = `${surveyId}_`;
    const members = [...o.members.keys()].filter((k) => k.startsWith(prefix));
    this.env.reads.addQuery(members.length);
    return members.filter((k) => !o.participation.has(k)).map((k) => k.slice(prefix.length));
  }

  async addReminder(orgId: string, surveyId: string, reminder: Reminder): Promise<void> {
    await this.#read(1);
    const o = this.#org(orgId);
    const list = o.reminders.get(surveyId) ?? [];
    if (!list.some((r) => r.id === reminder.id)) list.push({ ...reminder });
    o.reminders.set(surveyId, list);
  }

  async reminders(orgId: string, surveyId: string): Promise<Reminder[]> {
    await this.#read(1);
    return structuredClone(this.#org(orgId).reminders.get(surveyId) ?? []);
  }

  async markReminderSent(orgId: string, surveyId: string, reminderId: string): Promise<void> {
    await this.#read(1);
    const r = this.#org(orgId)
      .reminders.get(surveyId)
      ?.find((x) => x.id === reminderId);
    if (r) r.sent = true;
  }

  async addPaperTally(orgId: string, surveyId: string, tally: PaperTally, delta: AnswerDelta) {
    await this.#read(1);
    const o = this.#org(orgId);
    const id = `${surveyId}_${tally.id}`;
    if (o.paper.has(id)) return 'duplicate' as const;
    o.paper.add(id);
    this.#addDelta(o, surveyId, delta);
    const counts = o.respondents.get(surveyId) ?? {};
    for (const [k, n] of Object.entries(countByGroup([tally.groups])))
      counts[k] = (counts[k] ?? 0) + n * tally.respondents;
    o.respondents.set(surveyId, counts);
    return 'applied' as const;
  }

  async readFolds(orgId: string, surveyId: string): Promise<Folds> {
    await tick();
    const folds = this.#org(orgId).folds.get(surveyId) ?? {};
    this.env.reads.add(Object.keys(folds).length * 10);
    return structuredClone(folds);
  }

  async readTexts(orgId: string, surveyId: string): Promise<SurveyText[]> {
    await tick();
    const texts = this.#org(orgId).texts.get(surveyId) ?? [];
    this.env.reads.addQuery(texts.length);
    return structuredClone(texts);
  }

  async getResults(orgId: string, surveyId: string): Promise<SurveyResults | null> {
    await this.#read(1);
    const r = this.#org(orgId).results.get(surveyId);
    return r ? structuredClone(r) : null;
  }

  async assignedTo(orgId: string, staffId: string) {
    await tick();
    const o = this.#org(orgId);
    const out = [];
    for (const s of o.surveys.values()) {
      const g = o.members.get(`${s.id}_${staffId}`);
      if (!g || s.status === 'draft') continue;
      out.push({ survey: structuredClone(s), groups: { ...g }, publicKey: o.keys.get(s.id)?.publicKey ?? null });
    }
    this.env.reads.addQuery(out.length * 2);
    return out;
  }

  feedHead(orgId: string): HeadHandle<SurveysHead> {
    return memoryHead(`${orgId}/surveyMeta/head`, () => ({ ...this.#org(orgId).head }));
  }

  async currentHead(orgId: string): Promise<SurveysHead> {
    await this.#read(1);
    return { ...this.#org(orgId).head };
  }

  async setNextDue(orgId: string, nextDueAt: string | null): Promise<void> {
    await tick();
    this.#org(orgId).head.nextDueAt = nextDueAt;
  }

  #participate(o: OrgSurveys, surveyId: string, staffId: string, groups: AnswerGroups): void {
    o.participation.add(`${surveyId}_${staffId}`);
    const counts = o.respondents.get(surveyId) ?? {};
    for (const [k, n] of Object.entries(countByGroup([groups]))) counts[k] = (counts[k] ?? 0) + n;
    o.respondents.set(surveyId, counts);
  }

  #addDelta(o: OrgSurveys, surveyId: string, delta: AnswerDelta): void {
    const folds = o.folds.get(surveyId) ?? {};
    for (const g of delta.groups) {
      const group = (folds[g] ??= {});
      for (const [q, f] of Object.entries(delta.folds)) {
        const had = group[q];
        group[q] = had ? mergeFolds(had, f) : structuredClone(f);
      }
    }
    o.folds.set(surveyId, folds);
    if (delta.texts.length > 0) {
      const texts = o.texts.get(surveyId) ?? [];
      // Kept in no order that follows arrival: each text goes to a random place.
      for (const t of delta.texts) texts.splice(Math.floor(Math.random() * (texts.length + 1)), 0, { ...t });
      o.texts.set(surveyId, texts);
    }
  }

  async #read(documents: number): Promise<void> {
    await tick();
    this.env.reads.add(documents);
  }

  #org(orgId: string): OrgSurveys {
    let o = this.#orgs.get(orgId);
    if (!o) {
      o = {
        head: { version: 0, nextDueAt: null },
        surveys: new Map(),
        members: new Map(),
        audience: new Map(),
        keys: new Map(),
        issued: new Map(),
        spent: new Set(),
        participation: new Set(),
        respondents: new Map(),
        reminders: new Map(),
        folds: new Map(),
        texts: new Map(),
        named: new Map(),
        paper: new Set(),
        results: new Map(),
      };
      this.#orgs.set(orgId, o);
    }
    return o;
  }
}
