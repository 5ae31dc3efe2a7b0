import { VersionContentionError } from './port';

/** Returned by an attempt that lost the race for the next version; it is re-run with fresh reads. */
export const CONFLICT: unique symbol = Symbol('version conflict');

/**
 * Enough tries for a burst of concurrent writers on one organisation (each round has a winner, so
 * N writers need at most N rounds); past that the caller gets an error and the client retries.
 */
export const MAX_VERSION_ATTEMPTS = 40;

export async function retryOnVersionConflict<T>(attempt: () => Promise<T | typeof CONFLICT>): Promise<T> {
  for (let n = 0; n < MAX_VERSION_ATTEMPTS; n++) {
    const result = await attempt();
    if (result !== CONFLICT) return result;
    // Jitter spreads the losers out so the next round does not collide all over again.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(2 ** n, 50)));
  }
  throw new VersionContentionError(`could not allocate a directory version in ${MAX_VERSION_ATTEMPTS} attempts`);
}

/** Change document ids sort in version order as strings. */
export function versionDocId(version: number): string {
  return String(version).padStart(12, '0');
}
