/** Surveys (S1-S6) on the campaign module (functions/src/campaigns). */
import { SURVEY_PATHS } from '../../../../src/domain/surveys/survey';
import { json } from '../../api/http';
import { exact, parseJsonBody } from '../../api/params';
import { STANDARD_RETRY } from '../../kit/versioned';
import { endpointOf } from '../audit/record';
import { defineFeature, defineFeed, type AnyRoute } from '../feature';
import { FirestoreSurveys } from './firestore';
import {
  addPaperTally,
  addReminder,
  closedSurveys,
  answerAnonymously,
  applyNamedAnswer,
  applyParticipate,
  listSurveys,
  namedAnswers,
  openSurvey,
  recordExport,
  refreshNextDue,
  requestToken,
  responseRate,
  runDue,
  saveDraft,
  surveyResults,
  surveysAnswer,
} from './handlers';
import { MemorySurveys } from './memory';

const ID = '([A-Za-z0-9_-]{8,64})';
const path = (suffix: string) => new RegExp(`^/surveys/${ID}/${suffix}$`);

const routes: AnyRoute[] = [
  {
    method: 'GET',
    pattern: exact(SURVEY_PATHS.closed),
    handle: async ({ claims, stores }) => json(200, await closedSurveys(stores, claims)),
  },
  {
    method: 'GET',
    pattern: exact(SURVEY_PATHS.surveys),
    roles: ['hr'],
    handle: async ({ claims, stores }) => json(200, await listSurveys(stores, claims)),
  },
  {
    method: 'POST',
    pattern: exact(SURVEY_PATHS.surveys),
    roles: ['hr'],
    handle: async ({ claims, stores, request }) =>
      json(200, await saveDraft(stores, claims, parseJsonBody(request.body))),
  },
  {
    method: 'POST',
    pattern: path('open'),
    roles: ['hr'],
    handle: async ({ claims, stores, params }) => json(200, await openSurvey(stores, claims, params[0] ?? '')),
  },
  {
    method: 'POST',
    pattern: path('token'),
    handle: async ({ claims, stores, params, request }) =>
      json(200, await requestToken(stores, claims, params[0] ?? '', parseJsonBody(request.body))),
  },
  {
    method: 'POST',
    pattern: path('answer'),
    anonymous: true,
    handle: async ({ stores, params, request }) =>
      json(200, await answerAnonymously(stores, params[0] ?? '', parseJsonBody(request.body))),
  },
  {
    method: 'POST',
    pattern: path('remind'),
    roles: ['hr'],
    handle: async ({ claims, stores, params, request }) =>
      json(200, await addReminder(stores, claims, params[0] ?? '', parseJsonBody(request.body))),
  },
  {
    method: 'GET',
    pattern: path('rate'),
    handle: async ({ claims, stores, params, request }) =>
      json(200, await responseRate(stores, claims, params[0] ?? '', request.query.get('unit'))),
  },
  {
    method: 'GET',
    pattern: path('results'),
    handle: async ({ claims, stores, params, request }) =>
      json(200, await surveyResults(stores, claims, params[0] ?? '', request.query.get('unit'))),
  },
  {
    method: 'POST',
    pattern: path('export'),
    handle: async ({ claims, stores, params, request }) =>
      json(200, await recordExport(stores, claims, params[0] ?? '', parseJsonBody(request.body), endpointOf(request))),
  },
  {
    method: 'POST',
    pattern: path('paper'),
    roles: ['hr'],
    handle: async ({ claims, stores, params, request }) =>
      json(200, await addPaperTally(stores, claims, params[0] ?? '', parseJsonBody(request.body))),
  },
  {
    method: 'GET',
    pattern: path('named'),
    roles: ['hr'],
    handle: async ({ claims, stores, params }) => json(200, await namedAnswers(stores, claims, params[0] ?? '')),
  },
];

export const surveys = defineFeature({
  name: 'surveys',
  retry: STANDARD_RETRY,
  store: {
    memory: (env) => new MemorySurveys(env, STANDARD_RETRY),
    firestore: (env) => new FirestoreSurveys(env, STANDARD_RETRY),
  },
  mutations: {
    'survey.participate': applyParticipate,
    'survey.answerNamed': applyNamedAnswer,
  },
  feeds: [
    defineFeed({
      name: 'surveys',
      plan: (stores, claims, cursor) => {
        const head = stores.surveys.feedHead(claims.orgId);
        return {
          reads: [head.read],
          answer: async () => {
            let { version, nextDueAt } = head.value();
            const now = stores.surveys.now();
            // No scheduler: closes and reminders that are due happen at the first sync after them.
            if (nextDueAt !== null && Date.parse(nextDueAt) <= now.getTime()) {
              await runDue(stores, claims.orgId, now);
              await refreshNextDue(stores, claims.orgId);
              ({ version, nextDueAt } = await stores.surveys.currentHead(claims.orgId));
            }
            if (version === cursor.version) return { version, more: false, reset: false };
            return surveysAnswer(stores, claims, version);
          },
        };
      },
    }),
  ],
  routes,
});
