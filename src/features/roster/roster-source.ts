import type { RosterApi } from '../../platform/api';

/**
 * Where the roster screen sends to (online only). Set by the app once firebase has loaded
 * (src/app/connect.ts); until then, and in component tests unless they set one, the screen says
 * it needs a connection.
 */
let api: RosterApi | null = null;

export function setRosterApi(next: RosterApi | null): void {
  api = next;
}

export function getRosterApi(): RosterApi | null {
  return api;
}
