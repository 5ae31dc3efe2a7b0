import { describe, expect, it, vi } from 'vitest';

describe('first screen signal', () => {
  it('waits for the first screen, and at most the timeout', async () => {
    vi.resetModules();
    vi.useFakeTimers();
    try {
      const { afterFirstScreen, firstScreenShown } = await import('./first-screen');
      let early = false;
      void afterFirstScreen(10_000).then(() => (early = true));
      await vi.advanceTimersByTimeAsync(100);
      expect(early).toBe(false);
      firstScreenShown();
      await vi.advanceTimersByTimeAsync(0);
      expect(early).toBe(true);
      // Shown once: later waiters do not wait.
      await expect(afterFirstScreen(10_000)).resolves.toBeUndefined();

      vi.resetModules();
      const fresh = await import('./first-screen');
      let late = false;
      void fresh.afterFirstScreen(1500).then(() => (late = true));
      await vi.advanceTimersByTimeAsync(1499);
      expect(late).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(late).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
