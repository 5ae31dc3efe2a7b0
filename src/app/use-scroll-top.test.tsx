import { act, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { useScrollTopOnNavigate } from './use-scroll-top';

function Probe() {
  useScrollTopOnNavigate();
  return null;
}

afterEach(() => vi.restoreAllMocks());

describe('useScrollTopOnNavigate', () => {
  it('scrolls to the top when a link or a save opens another screen, not on the first one', () => {
    const scroll = vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
    const location = memoryLocation({ path: '/' });
    render(
      <Router hook={location.hook}>
        <Probe />
      </Router>,
    );
    expect(scroll).not.toHaveBeenCalled();
    act(() => location.navigate('/people/p2'));
    expect(scroll).toHaveBeenCalledTimes(1);
    expect(scroll).toHaveBeenCalledWith(0, 0);
  });

  it('leaves back and forward to the browser, which restores where the page was', () => {
    const scroll = vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
    const location = memoryLocation({ path: '/people/p2' });
    render(
      <Router hook={location.hook}>
        <Probe />
      </Router>,
    );
    act(() => {
      window.dispatchEvent(new PopStateEvent('popstate'));
      location.navigate('/');
    });
    expect(scroll).not.toHaveBeenCalled();
    act(() => location.navigate('/org'));
    expect(scroll).toHaveBeenCalledTimes(1);
  });
});
