import { describe, expect, it } from 'vitest';
import { rowWindow } from './use-window-rows';

describe('rowWindow (which rows a virtualised list renders)', () => {
  it('renders the rows on screen with overscan either side, within the list', () => {
    expect(rowWindow(100, 5, 13_334, 3, 17)).toMatchObject({ start: 97, end: 108, capacity: 17 });
    expect(rowWindow(13_333, 5, 13_334, 3, 17)).toMatchObject({ start: 13_326, end: 13_334 });
  });

  it('holds at least minRows at the top of the list (the first screen), and no more rows than there are', () => {
    expect(rowWindow(0, 5, 13_334, 3, 17)).toMatchObject({ start: 0, end: 17 });
    expect(rowWindow(2, 5, 13_334, 3, 17)).toMatchObject({ start: 0, end: 17 });
    expect(rowWindow(0, 5, 4, 3, 17)).toMatchObject({ start: 0, end: 4 });
  });

  it('follows a shorter list at once when the page was scrolled past its end (fewer results)', () => {
    expect(rowWindow(500, 5, 10, 3, 17)).toMatchObject({ start: 2, end: 10 });
    expect(rowWindow(500, 5, 0, 3, 17)).toMatchObject({ start: 0, end: 0 });
  });

  it('says which rendered rows reach into the viewport: the rest are overscan', () => {
    // The list starts below the top of the screen: 4 of the 5 rows that fit are on it.
    expect(rowWindow(0, 5, 13_334, 2, 0, 4)).toMatchObject({ start: 0, end: 7, shownStart: 0, shownEnd: 4 });
    expect(rowWindow(100, 5, 13_334, 2, 0, 5)).toMatchObject({ start: 98, end: 107, shownStart: 100, shownEnd: 105 });
    // Scrolled past the end of a shorter list: its last rows are the ones shown.
    expect(rowWindow(500, 5, 10, 3, 17)).toMatchObject({ shownStart: 5, shownEnd: 10 });
    expect(rowWindow(500, 5, 0, 3, 17)).toMatchObject({ shownStart: 0, shownEnd: 0 });
  });
});
