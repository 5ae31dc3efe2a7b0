import { useSyncExternalStore } from 'react';
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
const accessListeners = new Set<() => void>();

export function setAccessApi(next: AccessApi | null): void {
  access = next;
  for (const l of accessListeners) l();
}

/**
 * The access API as a screen sees it: null until firebase has loaded, then the API, re-rendering
 * the screen when it arrives (a screen opened by its address comes up before firebase has).
 */
export function useAccessApi(): AccessApi | null {
  return useSyncExternalStore(
    (l) => {
      accessListeners.add(l);
      return () => accessListeners.delete(l);
    },
    () => access,
  );
}

export function getAccessApi(): AccessApi | null {
  return access;
}
