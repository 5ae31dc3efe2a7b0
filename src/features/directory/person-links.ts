import type { MouseEvent } from 'react';
import { useLocation } from 'wouter';

/**
 * One click handler for a whole list of people's links, instead of a router Link per card: each
 * Link subscribes to the location and builds its href with hooks, and a list re-renders its cards
 * on every keystroke and scroll. The links stay plain <a href>, so they open in a new tab,
 * are announced as links and work without this handler.
 */
export function usePersonLinkClicks(): (event: MouseEvent<HTMLElement>) => void {
  const [, navigate] = useLocation();
  return (event) => {
    // A modified or middle click is the browser's: a new tab or window.
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    const link = event.target instanceof Element ? event.target.closest('a[data-person-link]') : null;
    const href = link?.getAttribute('href');
    if (!href) return;
    event.preventDefault();
    navigate(href);
  };
}

export const personHref = (id: string): string => `/people/${id}`;
