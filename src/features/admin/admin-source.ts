import type { AccessApi, AdminApi } from '../../platform/api';

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

/** The audit log, grants of 人事 and sign-out everywhere (online only); null until firebase has loaded. */
let access: AccessApi | null = null;

export function setAccessApi(next: AccessApi | null): void {
  access = next;
}

export function getAccessApi(): AccessApi | null {
  return access;
}
