/**
 * The audit log of sensitive access (A3): append-only, read by HR with filters. Other features
 * write to it through `recordAudit` (record.ts).
 */
import { AUDIT_PATH } from '../../../../src/domain/audit';
import { json } from '../../api/http';
import { exact } from '../../api/params';
import { STANDARD_RETRY } from '../../kit/versioned';
import { defineFeature } from '../feature';
import { FirestoreAudit } from './firestore';
import { readAuditLog } from './handlers';
import { MemoryAudit } from './memory';
import { endpointOf } from './record';

export { recordAudit, endpointOf, type AuditEvent } from './record';

export const audit = defineFeature({
  name: 'audit',
  retry: STANDARD_RETRY,
  store: {
    memory: (env) => new MemoryAudit(env, STANDARD_RETRY),
    firestore: (env) => new FirestoreAudit(env, STANDARD_RETRY),
  },
  routes: [
    {
      method: 'GET',
      pattern: exact(AUDIT_PATH),
      roles: ['hr'],
      handle: async ({ claims, request, stores }) =>
        json(200, await readAuditLog(stores, claims, request.query, endpointOf(request))),
    },
  ],
});
