import type { NominationApi } from '../../platform/api';

/**
 * Where the nomination detail fetches the committee's audit log (online only). Set by the app
 * once firebase has loaded (src/app/connect.ts); until then, and in component tests, the detail
 * shows the status history it synced.
 */
let api: NominationApi | null = null;

export function setNominationApi(next: NominationApi | null): void {
  api = next;
}

export function getNominationApi(): NominationApi | null {
  return api;
}
