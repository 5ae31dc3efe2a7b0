import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { describe, expect, it } from 'vitest';
import { record } from '../../../tests/fixtures/records';
import { directoryView } from '../../../tests/fixtures/directory-view';
import { personNamed } from '../../../tests/fixtures/dom';
import { FaceGrid } from './FaceGrid';
import { FIRST_SCREEN_FACES } from './first-screen';

const people = Array.from({ length: 2000 }, (_, i) =>
  record({ id: `S${String(i).padStart(6, '0')}`, familyName: `姓${i}`, givenName: '名' }),
);
const directory = directoryView(people);

function renderGrid(firstScreen: boolean) {
  const location = memoryLocation({ path: '/', record: true });
  const view = render(
    <Router hook={location.hook}>
      <FaceGrid people={people} directory={directory} firstScreen={firstScreen} />
    </Router>,
  );
  return { location, cards: () => view.container.querySelectorAll('li.face-card').length };
}

describe('FaceGrid (jsdom, window 1024x768)', () => {
  it('renders a first screen of at least 50 faces, and only a window of a long list', () => {
    const { cards } = renderGrid(true);
    expect(cards()).toBeGreaterThanOrEqual(FIRST_SCREEN_FACES);
    expect(cards()).toBeLessThan(200);
  });

  it('renders fewer cards for search results: what is on screen and a little more', () => {
    const first = renderGrid(true).cards();
    const { cards } = renderGrid(false);
    expect(cards()).toBeGreaterThan(0);
    expect(cards()).toBeLessThan(first);
  });

  it('opens a profile on a plain click of a card, through the router, and leaves modified clicks to the browser', () => {
    const { location } = renderGrid(false);
    const link = screen.getByRole('link', { name: personNamed('姓3 名') });
    expect(link.getAttribute('href')).toBe('/people/S000003');
    fireEvent.click(link, { ctrlKey: true });
    expect(location.history?.at(-1)).toBe('/');
    fireEvent.click(link);
    expect(location.history?.at(-1)).toBe('/people/S000003');
  });

  it('shows new results on the cards on screen at once, and on the overscan rows after that frame', async () => {
    const others = people.map((p, i) => ({ ...p, id: `T${i}`, familyName: `別${i}` }));
    const location = memoryLocation({ path: '/' });
    const grid = (list: typeof people) => (
      <Router hook={location.hook}>
        <FaceGrid people={list} directory={directory} />
      </Router>
    );
    const view = render(grid(people));
    const names = () => Array.from(view.container.querySelectorAll('.face-name'), (e) => e.textContent ?? '');
    // 1024x768: six columns, five rows on screen, and two overscan rows below them.
    expect(names()).toHaveLength(42);
    view.rerender(grid(others));
    expect(names().slice(0, 30)).toEqual(others.slice(0, 30).map((p) => `${p.familyName} 名`));
    expect(names().slice(30)).toEqual(people.slice(30, 42).map((p) => `${p.familyName} 名`));
    await waitFor(() => expect(names()).toEqual(others.slice(0, 42).map((p) => `${p.familyName} 名`)));
  });
});
