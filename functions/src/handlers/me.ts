import type { Claims, MeResponse } from '../../../src/domain/protocol';

/** Who the caller is, as the token's custom claims say: the client shows and routes by it. */
export function me(claims: Claims): MeResponse {
  return { staffId: claims.staffId, orgId: claims.orgId, role: claims.role, duties: claims.duties };
}
