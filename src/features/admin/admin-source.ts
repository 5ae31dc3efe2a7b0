import type { AdminApi } from '../../platform/api';

/**
 * Where HR's settings screen saves to (online only). Set by the app once firebase has loaded
 * (src/app/connect.ts); until then, and in component tests unless they set one, saving says
 * that it needs a connection.
 */
let api: AdminApi | null = null;

export function setAdminApi(next: AdminApi | null): void {
  api = next;
}

export function getAdminApi(): AdminApi | null {
  return api;
}
