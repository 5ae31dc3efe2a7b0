import { VersionContentionError } from './port';
import { CONFLICT } from './retry';

/**
 * Recognition writes share one version sequence per organisation, and a burst is expected: 200
 * people sending to one colleague at the same moment (the integration test does it). Each round
 * has one winner, so N writers need up to N rounds; the general MAX_VERSION_ATTEMPTS (40) would
 * turn a burst into errors. The backoff grows with the attempt so the losers spread out instead
 * of colliding all over again; past the last attempt the client retries the push later.
 */
export const MAX_YELL_ATTEMPTS = 400;

export async function retryYellWrite<T>(attempt: () => Promise<T | typeof CONFLICT>): Promise<T> {
  for (let n = 0; n < MAX_YELL_ATTEMPTS; n++) {
    const result = await attempt();
    if (result !== CONFLICT) return result;
    // Full jitter over a window that doubles per loss (10 ms, 20 ms, ... up to 2 s): with N
    // writers in a burst the window soon covers N commit times, so most attempts then succeed.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10 * 2 ** n, 2000)));
  }
  throw new VersionContentionError(`could not allocate a recognition version in ${MAX_YELL_ATTEMPTS} attempts`);
}
