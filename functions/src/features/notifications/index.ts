/** Notifications (P4): each person's inbox, added to by other features, and its feed. */
import { defineFeature, defineFeed } from '../feature';
import { FirestoreNotifications } from './firestore';
import { notificationsAnswer } from './handlers';
import { MemoryNotifications } from './memory';
import { RECOGNITION_RETRY } from './sequence';

export const notifications = defineFeature({
  name: 'notifications',
  retry: RECOGNITION_RETRY,
  store: {
    memory: (env) => new MemoryNotifications(env, RECOGNITION_RETRY),
    firestore: (env) => new FirestoreNotifications(env, RECOGNITION_RETRY),
  },
  feeds: [
    defineFeed({
      name: 'notifications',
      plan: (stores, claims, cursor) => {
        const head = stores.notifications.feedHead(claims.orgId);
        return {
          reads: [head.read],
          answer: () => notificationsAnswer(stores, claims, head.value(), cursor.version),
        };
      },
    }),
  ],
});
