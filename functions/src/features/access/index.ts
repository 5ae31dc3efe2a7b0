/**
 * Rights from the roster (A2) and signing a person out of every device (A6): custom claims set
 * through the Auth port, the state every request's token is checked against (token.ts), grants of
 * 人事 waiting for a second HR account. The roster import reaches it as AccessPort
 * (`accessPort(stores)`, kit/access.ts).
 */
import { ACCESS_PATHS } from '../../../../src/domain/access';
import { json } from '../../api/http';
import { exact, parseStaffId } from '../../api/params';
import { STANDARD_RETRY } from '../../kit/versioned';
import { endpointOf } from '../audit/record';
import { defineFeature } from '../feature';
import { MemoryAuthAdmin, NO_AUTH } from './auth-admin';
import { FirestoreAccess } from './firestore';
import { MemoryAccess } from './memory';
import { confirmGrant, listPendingGrants, signOutEverywhere } from './service';

export { accessPort, uidFor } from './service';
export { tokenCheck, type TokenCheck, type TokenTimes } from './token';
export { firebaseAuthAdmin, MemoryAuthAdmin, type AuthAdmin } from './auth-admin';

export const access = defineFeature({
  name: 'access',
  retry: STANDARD_RETRY,
  store: {
    memory: (env) => new MemoryAccess(env, STANDARD_RETRY, env.auth ?? new MemoryAuthAdmin()),
    firestore: (env) => new FirestoreAccess(env, STANDARD_RETRY, env.auth ?? NO_AUTH),
  },
  routes: [
    {
      method: 'GET',
      pattern: exact(ACCESS_PATHS.pendingGrants),
      roles: ['hr'],
      handle: async ({ claims, stores }) => json(200, { grants: await listPendingGrants(stores, claims) }),
    },
    {
      method: 'POST',
      pattern: /^\/access\/pending\/([^/]+)\/confirm$/,
      roles: ['hr'],
      handle: async ({ claims, params, request, stores }) => {
        const state = await confirmGrant(stores, claims, parseStaffId(params[0]), endpointOf(request));
        return json(200, { staffId: state.staffId, role: state.role, duties: state.duties });
      },
    },
    {
      method: 'POST',
      pattern: /^\/access\/([^/]+)\/sign-out$/,
      handle: async ({ claims, params, request, stores }) =>
        json(200, await signOutEverywhere(stores, claims, parseStaffId(params[0]), endpointOf(request))),
    },
  ],
});
