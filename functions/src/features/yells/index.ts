/** エール (R1-R4): sending and clapping, the recognition settings, the summary and my counts. */
import { API_PATHS } from '../../../../src/domain/protocol';
import { json } from '../../api/http';
import { exact, parseJsonBody } from '../../api/params';
import { defineFeature, defineFeed } from '../feature';
import { RECOGNITION_RETRY } from '../notifications/sequence';
import { FirestoreYells } from './firestore';
import { applyYellMutation, yellsAnswer } from './handlers';
import { MemoryYells } from './memory';
import { getRecognitionSummary, putRecognitionSettings } from './recognition';

export const yells = defineFeature({
  name: 'yells',
  retry: RECOGNITION_RETRY,
  store: {
    memory: (env) => new MemoryYells(env, RECOGNITION_RETRY),
    firestore: (env) => new FirestoreYells(env, RECOGNITION_RETRY),
  },
  mutations: {
    'yell.send': (stores, claims, m) => applyYellMutation(stores, claims, m),
    'yell.clap': (stores, claims, m) => applyYellMutation(stores, claims, m),
  },
  feeds: [
    defineFeed({
      name: 'yells',
      plan: (stores, claims, cursor) => {
        const head = stores.yells.feedHead(claims.orgId);
        return {
          reads: [head.read],
          answer: () => yellsAnswer(stores, claims, head.value(), cursor.version),
        };
      },
    }),
  ],
  routes: [
    {
      method: 'POST',
      pattern: exact(API_PATHS.recognitionSettings),
      roles: ['hr'],
      handle: async ({ claims, request, stores }) =>
        json(200, await putRecognitionSettings(stores, claims.orgId, parseJsonBody(request.body))),
    },
    {
      method: 'GET',
      pattern: exact(API_PATHS.recognitionSummary),
      handle: async ({ claims, request, stores }) =>
        json(200, await getRecognitionSummary(stores, claims, request.query.get('unit'))),
    },
  ],
});
