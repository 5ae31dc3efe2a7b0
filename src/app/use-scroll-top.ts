import { useEffect, useRef } from 'react';
import { useLocation } from 'wouter';

/**
 * A new screen opens at its top. The router changes the URL with pushState, which leaves the page
 * where it was: a profile opened from far down the directory, or after saving a long edit form,
 * showed its bottom half. Back and forward are left to the browser, which puts the page back where
 * it was on that screen.
 */
export function useScrollTopOnNavigate(): void {
  const [location] = useLocation();
  const popped = useRef(false);
  const shown = useRef(location);

  useEffect(() => {
    const onPop = () => {
      popped.current = true;
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    if (shown.current === location) return;
    shown.current = location;
    if (popped.current) popped.current = false;
    else window.scrollTo(0, 0);
  }, [location]);
}
