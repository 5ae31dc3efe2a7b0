import type { LockManager } from '../sync/ports';

/**
 * Web Locks: held per origin across tabs and released when a tab dies, which is what keeps two
 * tabs from sending the same outbox at once.
 */
export function webLocks(locks: globalThis.LockManager | undefined = globalThis.navigator?.locks): LockManager {
  return {
    async withLock(name, { ifAvailable }, fn) {
      if (!locks) return fn(); // Browsers without Web Locks (very old ones) fall back to one-tab behaviour.
      let ran = false;
      const result = await locks.request(name, { ifAvailable }, async (lock) => {
        if (!lock) return null;
        ran = true;
        return fn();
      });
      return ran ? result : null;
    },
  };
}
