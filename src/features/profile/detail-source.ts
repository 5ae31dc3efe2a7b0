import type { ProfileApi } from '../../platform/api';

/**
 * Where the profile screens fetch per-person details. Set by the app once firebase has loaded
 * (src/app/connect.ts); until then, and in component tests, screens show what Dexie holds.
 */
let api: ProfileApi | null = null;
const listeners = new Set<() => void>();

export function setProfileApi(next: ProfileApi | null): void {
  api = next;
  for (const l of listeners) l();
}

export function getProfileApi(): ProfileApi | null {
  return api;
}

/** Calls back when the API becomes available, so a screen opened before it can fetch then. */
export function onProfileApi(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
