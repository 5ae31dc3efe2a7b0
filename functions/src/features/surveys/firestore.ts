/**
 * The surveys' store port on Cloud Firestore.
 *
 *   orgs/{orgId}/surveys/{surveyId}                          Survey (definition and status)
 *   orgs/{orgId}/surveyMeta/head                             { headVersion, nextDueAt }
 *   orgs/{orgId}/surveyAudience/{surveyId}                   { counts, combos }  (fixed at opening)
 *   orgs/{orgId}/surveyMembers/{surveyId}_{staffId}          { surveyId, staffId, groups }
 *   orgs/{orgId}/surveyKeys/{surveyId}                       { privateKey, publicKey }  (anonymous only)
 *   orgs/{orgId}/surveyTokens/{surveyId}_{staffId}           { blindedId }  (one signature per person)
 *   orgs/{orgId}/surveySpent/{surveyId}_{tokenHash}          {}  (created with the answer's folds, nothing else)
 *   orgs/{orgId}/surveyParticipation/{surveyId}_{staffId}    { surveyId, staffId }  (its own commit)
 *   orgs/{orgId}/surveyRespondents/{surveyId}/shards/{0-9}   `g_{hex group key}`: respondents (counters)
 *   orgs/{orgId}/surveyFolds/{surveyId}~{groupKey}/shards/{0-9}  `q_{hex q}_n`, `_s`, `_ss`, `_c{i}`
 *   orgs/{orgId}/surveyTexts/{random id}                     { surveyId, questionId, buId, text }
 *   orgs/{orgId}/surveyNamed/{surveyId}_{staffId}            { surveyId, staffId, mutationId, answers }
 *   orgs/{orgId}/surveyPaper/{surveyId}_{tallyId}            { surveyId }
 *   orgs/{orgId}/surveyReminders/{surveyId}                  { reminders: Reminder[] }
 *   orgs/{orgId}/surveyResults/{surveyId}                    SurveyResults (created once, at close)
 *   orgs/{orgId}/surveyExports/{random id}                   ExportRecord
 *
 * Folds and respondents are sharded counters (kit/counters.ts) on a random shard: 500 answers at
 * once spread over ten documents per group. The spent token is created in the same batch as the
 * fold increments and texts it admits (a refused create is a duplicate); participation is written
 * by a separate request at another moment, so no commit and no update time holds both.
 *
 * What the stand-in cannot prove: batches are applied write by write there (the spent create is
 * first, so a duplicate leaves nothing); Firestore's own create and update times of documents are
 * not modelled; status changes are a read then a write (HR's rare actions), and a close that races
 * another is made idempotent by the results document's create.
 */
import type { DocumentReference, WriteBatch } from 'firebase-admin/firestore';
import * as v from 'valibot';
import { answerGroupsKey, countByGroup, type AnswerGroups } from '../../../../src/domain/campaigns/campaign';
import type { Fold } from '../../../../src/domain/surveys/model';
import type { SurveyResults } from '../../../../src/domain/surveys/results';
import type { Answers, Survey } from '../../../../src/domain/surveys/survey';
import type { HeadHandle } from '../../kit/batch-read';
import { FirestoreCounters, COUNTER_SHARDS, type Counts } from '../../kit/counters';
import { commitOrConflict, fieldValueFor, firestoreHead, readDoc, readDocs, readQuery } from '../../kit/firestore';
import { CONFLICT } from '../../kit/versioned';
import { serverClock } from '../../kit/clock';
import type { RetryPolicy } from '../../kit/versioned';
import type { AudienceFacts, IssueOutcome, Opening, Reminder } from '../../campaigns/port';
import type { CampaignKey } from '../../campaigns/tokens';
import type { FirestoreEnv } from '../stores';
import type { AnswerDelta, Folds, PaperTally, SurveyStore, SurveyText, SurveysHead } from './port';

const randomShard = () => Math.floor(Math.random() * COUNTER_SHARDS);

/**
 * Counter field names are plain identifiers (letters, digits, underscore): question ids and group
 * keys (`bu:…`, `level:主事`) are hex-encoded, so no field path needs quoting.
 */
const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex');
const unhex = (s: string) => Buffer.from(s, 'hex').toString('utf8');
const encodeCounts = (c: Readonly<Counts>): Counts =>
  Object.fromEntries(Object.entries(c).map(([k, n]) => [`g_${hex(k)}`, n]));
const decodeCounts = (c: Readonly<Counts>): Counts =>
  Object.fromEntries(Object.entries(c).map(([k, n]) => [unhex(k.slice(2)), n]));

function foldFields(delta: Readonly<Record<string, Fold>>): Counts {
  const out: Counts = {};
  for (const [q, f] of Object.entries(delta)) {
    out[`q_${hex(q)}_n`] = f.n;
    if (f.sum !== 0) out[`q_${hex(q)}_s`] = f.sum;
    if (f.sumSq !== 0) out[`q_${hex(q)}_ss`] = f.sumSq;
    // Every count, zeros too: the fold's length is the scale's, read back from the fields.
    f.counts.forEach((c, i) => {
      out[`q_${hex(q)}_c${i}`] = c;
    });
  }
  return out;
}

function foldsOf(counts: Counts): Record<string, Fold> {
  const out: Record<string, Fold> = {};
  for (const [field, n] of Object.entries(counts)) {
    const [, qHex = '', part = ''] = field.split('_');
    const q = unhex(qHex);
    const f = (out[q] ??= { n: 0, sum: 0, sumSq: 0, counts: [] });
    if (part === 'n') f.n = n;
    else if (part === 's') f.sum = n;
    else if (part === 'ss') f.sumSq = n;
    else if (part.startsWith('c')) f.counts[Number(part.slice(1))] = n;
  }
  for (const f of Object.values(out)) for (let i = 0; i < f.counts.length; i++) f.counts[i] ??= 0;
  return out;
}

const HeadDocSchema = v.object({
  headVersion: v.optional(v.number(), 0),
  nextDueAt: v.optional(v.nullable(v.string()), null),
});

export class FirestoreSurveys implements SurveyStore {
  readonly #counters: FirestoreCounters;

  constructor(
    private readonly env: FirestoreEnv,
    readonly retry: RetryPolicy,
  ) {
    this.#counters = new FirestoreCounters(env.db, env.reads);
  }

  now(): Date {
    return serverClock.now();
  }

  #org(orgId: string) {
    return this.env.db.collection('orgs').doc(orgId);
  }
  #col(orgId: string, name: string) {
    return this.#org(orgId).collection(name);
  }
  #headRef(orgId: string) {
    return this.#col(orgId, 'surveyMeta').doc('head');
  }
  #foldRef(orgId: string, surveyId: string, group: string): DocumentReference {
    return this.#col(orgId, 'surveyFolds').doc(`${surveyId}~${group}`);
  }
  #respondentsRef(orgId: string, surveyId: string): DocumentReference {
    return this.#col(orgId, 'surveyRespondents').doc(surveyId);
  }

  async saveDraft(orgId: string, survey: Survey): Promise<'saved' | 'frozen'> {
    const ref = this.#col(orgId, 'surveys').doc(survey.id);
    const snap = await readDoc(this.env.reads, ref);
    if (snap.exists && (snap.data() as Survey).status !== 'draft') return 'frozen';
    await ref.set(structuredClone({ ...survey, status: 'draft', openedAt: null, closedAt: null }));
    return 'saved';
  }

  async getSurvey(orgId: string, surveyId: string): Promise<Survey | null> {
    const snap = await readDoc(this.env.reads, this.#col(orgId, 'surveys').doc(surveyId));
    return snap.exists ? (snap.data() as Survey) : null;
  }

  async listSurveys(orgId: string): Promise<Survey[]> {
    const snap = await readQuery(this.env.reads, this.#col(orgId, 'surveys'));
    return snap.docs.map((d) => d.data() as Survey);
  }

  async open(orgId: string, surveyId: string, opening: Opening): Promise<'opened' | 'notDraft'> {
    const ref = this.#col(orgId, 'surveys').doc(surveyId);
    const snap = await readDoc(this.env.reads, ref);
    if (!snap.exists || (snap.data() as Survey).status !== 'draft') return 'notDraft';
    const combos = new Set<string>();
    const members = opening.members.flatMap((m) => {
      const g = opening.groups.get(m.staffId);
      if (!g) return [];
      combos.add(answerGroupsKey(g));
      return [{ staffId: m.staffId, groups: g }];
    });
    // Members in batches of 400; the status last, so a survey is open only with its audience in place.
    for (let i = 0; i < members.length; i += 400) {
      const batch = this.env.db.batch();
      for (const m of members.slice(i, i + 400))
        batch.set(this.#col(orgId, 'surveyMembers').doc(`${surveyId}_${m.staffId}`), {
          surveyId,
          staffId: m.staffId,
          groups: m.groups,
        });
      await batch.commit();
    }
    const batch = this.env.db.batch();
    batch.set(this.#col(orgId, 'surveyAudience').doc(surveyId), {
      counts: countByGroup(opening.groups.values()),
      combos: [...combos],
    });
    if (opening.key) batch.set(this.#col(orgId, 'surveyKeys').doc(surveyId), { ...opening.key });
    batch.set(ref, { status: 'open', openedAt: opening.openedAt }, { merge: true });
    batch.set(this.#headRef(orgId), { headVersion: fieldValueFor(this.env.db).increment(1) }, { merge: true });
    await batch.commit();
    return 'opened';
  }

  async close(
    orgId: string,
    surveyId: string,
    closedAt: string,
    results: SurveyResults,
  ): Promise<'closed' | 'notOpen'> {
    const ref = this.#col(orgId, 'surveys').doc(surveyId);
    const snap = await readDoc(this.env.reads, ref);
    if (!snap.exists || (snap.data() as Survey).status !== 'open') return 'notOpen';
    const batch = this.env.db.batch();
    batch.create(this.#col(orgId, 'surveyResults').doc(surveyId), structuredClone(results));
    batch.set(ref, { status: 'closed', closedAt }, { merge: true });
    batch.set(this.#headRef(orgId), { headVersion: fieldValueFor(this.env.db).increment(1) }, { merge: true });
    return (await commitOrConflict(batch.commit())) === CONFLICT ? 'notOpen' : 'closed';
  }

  async memberGroups(orgId: string, surveyId: string, staffId: string): Promise<AnswerGroups | null> {
    const snap = await readDoc(this.env.reads, this.#col(orgId, 'surveyMembers').doc(`${surveyId}_${staffId}`));
    return snap.exists ? (snap.data() as { groups: AnswerGroups }).groups : null;
  }

  async audience(orgId: string, surveyId: string): Promise<AudienceFacts> {
    const snap = await readDoc(this.env.reads, this.#col(orgId, 'surveyAudience').doc(surveyId));
    return snap.exists ? (snap.data() as AudienceFacts) : { counts: {}, combos: [] };
  }

  async key(orgId: string, surveyId: string): Promise<CampaignKey | null> {
    const snap = await readDoc(this.env.reads, this.#col(orgId, 'surveyKeys').doc(surveyId));
    return snap.exists ? (snap.data() as CampaignKey) : null;
  }

  async issueToken(orgId: string, surveyId: string, staffId: string, blindedId: string): Promise<IssueOutcome> {
    const ref = this.#col(orgId, 'surveyTokens').doc(`${surveyId}_${staffId}`);
    const batch = this.env.db.batch();
    batch.create(ref, { blindedId });
    if ((await commitOrConflict(batch.commit())) !== CONFLICT) return 'issued';
    const snap = await readDoc(this.env.reads, ref);
    return (snap.data() as { blindedId: string }).blindedId === blindedId ? 'again' : 'taken';
  }

  #stageDelta(batch: WriteBatch, orgId: string, surveyId: string, delta: AnswerDelta): void {
    const fields = foldFields(delta.folds);
    if (Object.keys(fields).length > 0)
      for (const g of delta.groups)
        this.#counters.increment(batch, this.#foldRef(orgId, surveyId, g), randomShard(), fields);
    for (const t of delta.texts)
      batch.set(this.#col(orgId, 'surveyTexts').doc(), {
        surveyId,
        questionId: t.questionId,
        buId: t.buId,
        text: t.text,
      });
  }

  async addAnonymousAnswer(orgId: string, surveyId: string, tokenId: string, delta: AnswerDelta) {
    const batch = this.env.db.batch();
    batch.create(this.#col(orgId, 'surveySpent').doc(`${surveyId}_${tokenId}`), {});
    this.#stageDelta(batch, orgId, surveyId, delta);
    return (await commitOrConflict(batch.commit())) === CONFLICT ? ('duplicate' as const) : ('applied' as const);
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
    const ref = this.#col(orgId, 'surveyNamed').doc(`${surveyId}_${staffId}`);
    const batch = this.env.db.batch();
    batch.create(ref, { surveyId, staffId, mutationId, answers });
    batch.create(this.#col(orgId, 'surveyParticipation').doc(`${surveyId}_${staffId}`), { surveyId, staffId });
    this.#stageDelta(batch, orgId, surveyId, delta);
    this.#counters.increment(
      batch,
      this.#respondentsRef(orgId, surveyId),
      randomShard(),
      encodeCounts(countByGroup([groups])),
    );
    if ((await commitOrConflict(batch.commit())) !== CONFLICT) return 'applied' as const;
    const snap = await readDoc(this.env.reads, ref);
    return snap.exists && (snap.data() as { mutationId: string }).mutationId === mutationId
      ? ('duplicate' as const)
      : ('taken' as const);
  }

  async namedAnswers(orgId: string, surveyId: string) {
    const snap = await readQuery(this.env.reads, this.#col(orgId, 'surveyNamed').where('surveyId', '==', surveyId));
    return snap.docs.map((d) => {
      const x = d.data() as { staffId: string; answers: Answers };
      return { staffId: x.staffId, answers: x.answers };
    });
  }

  async participate(orgId: string, surveyId: string, staffId: string, groups: AnswerGroups) {
    const batch = this.env.db.batch();
    batch.create(this.#col(orgId, 'surveyParticipation').doc(`${surveyId}_${staffId}`), { surveyId, staffId });
    this.#counters.increment(
      batch,
      this.#respondentsRef(orgId, surveyId),
      randomShard(),
      encodeCounts(countByGroup([groups])),
    );
    return (await commitOrConflict(batch.commit())) === CONFLICT ? ('duplicate' as const) : ('applied' as const);
  }

  async hasParticipated(orgId: string, surveyId: string, staffId: string): Promise<boolean> {
    return (await readDoc(this.env.reads, this.#col(orgId, 'surveyParticipation').doc(`${surveyId}_${staffId}`)))
      .exists;
  }

  async respondentCounts(orgId: string, surveyId: string): Promise<Record<string, number>> {
    const [counts] = await this.#counters.read([this.#respondentsRef(orgId, surveyId)]);
    return decodeCounts(counts ?? {});
  }

  async nonRespondents(orgId: string, surveyId: string): Promise<string[]> {
    const [members, done] = await Promise.all([
      readQuery(this.env.reads, this.#col(orgId, 'surveyMembers').where('surveyId', '==', surveyId)),
      readQuery(this.env.reads, this.#col(orgId, 'surveyParticipation').where('surveyId', '==', surveyId)),
    ]);
    const answered = new Set(done.docs.map((d) => (d.data() as { staffId: string }).staffId));
    return members.docs.map((d) => (d.data() as { staffId: string }).staffId).filter((id) => !answered.has(id));
  }

  async addReminder(orgId: string, surveyId: string, reminder: Reminder): Promise<void> {
    const list = await this.reminders(orgId, surveyId);
    if (list.some((r) => r.id === reminder.id)) return;
    await this.#col(orgId, 'surveyReminders')
      .doc(surveyId)
      .set({ reminders: [...list, reminder] });
  }

  async reminders(orgId: string, surveyId: string): Promise<Reminder[]> {
    const snap = await readDoc(this.env.reads, this.#col(orgId, 'surveyReminders').doc(surveyId));
    return snap.exists ? (snap.data() as { reminders: Reminder[] }).reminders : [];
  }

  async markReminderSent(orgId: string, surveyId: string, reminderId: string): Promise<void> {
    const list = await this.reminders(orgId, surveyId);
    await this.#col(orgId, 'surveyReminders')
      .doc(surveyId)
      .set({ reminders: list.map((r) => (r.id === reminderId ? { ...r, sent: true } : r)) });
  }

  async addPaperTally(orgId: string, surveyId: string, tally: PaperTally, delta: AnswerDelta) {
    const batch = this.env.db.batch();
    batch.create(this.#col(orgId, 'surveyPaper').doc(`${surveyId}_${tally.id}`), { surveyId });
    this.#stageDelta(batch, orgId, surveyId, delta);
    const counts = Object.fromEntries(
      Object.entries(countByGroup([tally.groups])).map(([k, n]) => [k, n * tally.respondents]),
    );
    this.#counters.increment(batch, this.#respondentsRef(orgId, surveyId), randomShard(), encodeCounts(counts));
    return (await commitOrConflict(batch.commit())) === CONFLICT ? ('duplicate' as const) : ('applied' as const);
  }

  async readFolds(orgId: string, surveyId: string): Promise<Folds> {
    const groups = Object.keys((await this.audience(orgId, surveyId)).counts);
    const sums = await this.#counters.read(groups.map((g) => this.#foldRef(orgId, surveyId, g)));
    const out: Folds = {};
    groups.forEach((g, i) => {
      const counts = sums[i] ?? {};
      if (Object.keys(counts).length > 0) out[g] = foldsOf(counts);
    });
    return out;
  }

  async readTexts(orgId: string, surveyId: string): Promise<SurveyText[]> {
    const snap = await readQuery(this.env.reads, this.#col(orgId, 'surveyTexts').where('surveyId', '==', surveyId));
    return snap.docs.map((d) => {
      const x = d.data() as SurveyText & { surveyId: string };
      return { questionId: x.questionId, buId: x.buId, text: x.text };
    });
  }

  async getResults(orgId: string, surveyId: string): Promise<SurveyResults | null> {
    const snap = await readDoc(this.env.reads, this.#col(orgId, 'surveyResults').doc(surveyId));
    return snap.exists ? (snap.data() as SurveyResults) : null;
  }

  async assignedTo(orgId: string, staffId: string) {
    const mine = await readQuery(this.env.reads, this.#col(orgId, 'surveyMembers').where('staffId', '==', staffId));
    const entries = mine.docs.map((d) => d.data() as { surveyId: string; groups: AnswerGroups });
    const refs = entries.flatMap((e) => [
      this.#col(orgId, 'surveys').doc(e.surveyId),
      this.#col(orgId, 'surveyKeys').doc(e.surveyId),
    ]);
    const snaps = await readDocs(this.env.reads, this.env.db, refs);
    return entries.flatMap((e, i) => {
      const s = snaps[2 * i];
      if (!s?.exists) return [];
      const survey = s.data() as Survey;
      if (survey.status === 'draft') return [];
      const key = snaps[2 * i + 1];
      return [{ survey, groups: e.groups, publicKey: key?.exists ? (key.data() as CampaignKey).publicKey : null }];
    });
  }

  feedHead(orgId: string): HeadHandle<SurveysHead> {
    return firestoreHead(this.#headRef(orgId), (snap) => {
      const h = snap.exists ? v.parse(HeadDocSchema, snap.data()) : { headVersion: 0, nextDueAt: null };
      return { version: h.headVersion, nextDueAt: h.nextDueAt };
    });
  }

  async currentHead(orgId: string): Promise<SurveysHead> {
    const snap = await readDoc(this.env.reads, this.#headRef(orgId));
    const h = snap.exists ? v.parse(HeadDocSchema, snap.data()) : { headVersion: 0, nextDueAt: null };
    return { version: h.headVersion, nextDueAt: h.nextDueAt };
  }

  async setNextDue(orgId: string, nextDueAt: string | null): Promise<void> {
    await this.#headRef(orgId).set({ nextDueAt }, { merge: true });
  }
}
