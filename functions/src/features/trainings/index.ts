/** Trainings (T1-T2): the catalogue (HR edits it online, every device holds it) and applications to runs. */
import { TRAINING_ATTENDANCE_PATH, TRAININGS_PATH } from '../../../../src/domain/trainings';
import { json } from '../../api/http';
import { exact, parseJsonBody } from '../../api/params';
import { STANDARD_RETRY } from '../../kit/versioned';
import { defineFeature, defineFeed } from '../feature';
import { FirestoreTrainings } from './firestore';
import { applyTrainingMutation, putTraining, recordAttendance, trainingsAnswer } from './handlers';
import { MemoryTrainings } from './memory';

export const trainings = defineFeature({
  name: 'trainings',
  retry: STANDARD_RETRY,
  store: {
    memory: (env) => new MemoryTrainings(env, STANDARD_RETRY),
    firestore: (env) => new FirestoreTrainings(env, STANDARD_RETRY),
  },
  mutations: {
    'training.apply': applyTrainingMutation,
    'training.cancel': applyTrainingMutation,
    'training.decide': applyTrainingMutation,
  },
  feeds: [
    defineFeed({
      name: 'trainings',
      plan: (stores, claims, cursor) => {
        const head = stores.trainings.feedHead(claims.orgId);
        return {
          reads: [head.read],
          answer: () => trainingsAnswer(stores, claims, head.value(), cursor.version),
        };
      },
    }),
  ],
  routes: [
    {
      method: 'POST',
      pattern: exact(TRAININGS_PATH),
      roles: ['hr'],
      handle: async ({ claims, request, stores }) =>
        json(200, await putTraining(stores, claims.orgId, parseJsonBody(request.body))),
    },
    {
      method: 'POST',
      pattern: exact(TRAINING_ATTENDANCE_PATH),
      roles: ['hr'],
      handle: async ({ claims, request, stores }) =>
        json(200, await recordAttendance(stores, claims.orgId, parseJsonBody(request.body))),
    },
    {
      method: 'GET',
      pattern: /^\/trainings\/runs\/([A-Za-z0-9-]{4,64})$/,
      roles: ['hr'],
      handle: async ({ claims, params, stores }) =>
        json(200, { applications: await stores.trainings.applicationsOfRun(claims.orgId, params[0] ?? '') }),
    },
  ],
});
