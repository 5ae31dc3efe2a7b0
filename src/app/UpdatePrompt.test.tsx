import { act, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';

/** The service worker's registration, as a test sets it: "ready offline" or "an update is ready". */
const state = { offlineReady: false, needRefresh: false };
vi.mock('virtual:pwa-register/react', () => ({
  useRegisterSW: () => {
    const offline = useState(state.offlineReady);
    const refresh = useState(state.needRefresh);
    return { offlineReady: offline, needRefresh: refresh, updateServiceWorker: () => Promise.resolve() };
  },
}));

const { OFFLINE_READY_MS, UpdatePrompt } = await import('./UpdatePrompt');

afterEach(() => {
  vi.useRealTimers();
  state.offlineReady = false;
  state.needRefresh = false;
});

describe('UpdatePrompt (issue 22)', () => {
  it('lets "ready offline" go by itself after a few seconds', async () => {
    vi.useFakeTimers();
    state.offlineReady = true;
    render(<UpdatePrompt />);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(100);
    });
    expect(screen.getByText('オフラインでも使えるようになりました')).toBeTruthy();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(OFFLINE_READY_MS);
    });
    expect(screen.queryByText('オフラインでも使えるようになりました')).toBeNull();
  });

  it('keeps an update waiting for an answer', async () => {
    vi.useFakeTimers();
    state.needRefresh = true;
    state.offlineReady = true;
    render(<UpdatePrompt />);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(OFFLINE_READY_MS * 3);
    });
    expect(screen.getByRole('status').className).toBe('toast');
  });
});
