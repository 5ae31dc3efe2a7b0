import type { LockManager } from '../ports';
import { deferred } from './time';

interface Holder {
  tab: string;
}

/**
 * Web Locks as the browser gives them to the tabs of one origin: one holder per name, waiters served in order,
 * `ifAvailable` answered at once, and a closed tab's locks released even though its code never finished.
 */
export class LockHub {
  private readonly holders = new Map<string, Holder>();
  private readonly waiters = new Map<string, { holder: Holder; grant: () => void }[]>();

  tab(tab: string): LockManager {
    return {
      withLock: async <T>(name: string, options: { ifAvailable: boolean }, fn: () => Promise<T>) => {
        const holder: Holder = { tab };
        if (this.holders.has(name)) {
          if (options.ifAvailable) return null;
          const granted = deferred();
          const queue = this.waiters.get(name) ?? [];
          queue.push({ holder, grant: () => granted.resolve() });
          this.waiters.set(name, queue);
          await granted.promise;
        } else {
          this.holders.set(name, holder);
        }
        try {
          return await fn();
        } finally {
          this.release(name, holder);
        }
      },
    };
  }

  heldBy(name: string): string | null {
    return this.holders.get(name)?.tab ?? null;
  }

  /** The tab is closed: its locks go to the next waiter, and its queued requests vanish. */
  kill(tab: string): void {
    for (const [name, queue] of this.waiters) {
      this.waiters.set(
        name,
        queue.filter((w) => w.holder.tab !== tab),
      );
    }
    for (const [name, holder] of [...this.holders]) {
      if (holder.tab === tab) this.release(name, holder);
    }
  }

  private release(name: string, holder: Holder): void {
    // A killed tab's code may still finish later; its lock was already handed on.
    if (this.holders.get(name) !== holder) return;
    const next = this.waiters.get(name)?.shift();
    if (next === undefined) {
      this.holders.delete(name);
      return;
    }
    this.holders.set(name, next.holder);
    next.grant();
  }
}
