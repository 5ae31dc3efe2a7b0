import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppDb } from '../../db/schema';
import { dropDb, renderAppAt, seededDb } from '../../../tests/fixtures/app';

let db: AppDb;
beforeEach(async () => {
  db = await seededDb();
});
afterEach(() => dropDb(db));

function unitButton(name: RegExp): HTMLElement {
  return screen.getByRole('button', { name });
}

describe('organisation tree on the device store, with no connection', () => {
  it('shows each 部 as a heading with its head count, and my own units open', async () => {
    renderAppAt(db, '/org');
    await screen.findByRole('button', { name: /^総務部/ }); // The directory has been read from the device store.
    expect(screen.getByRole('heading', { level: 2, name: /総務部/ })).toBeTruthy();
    expect(unitButton(/^総務部 2人$/).getAttribute('aria-expanded')).toBe('true');
    expect(unitButton(/^福祉部 2人$/).getAttribute('aria-expanded')).toBe('false');
    // My 係 is open: my face links to my profile; the 課長 sits in the 課 itself.
    expect(
      within(screen.getByRole('list', { name: '人事係の職員' })).getByRole('link', { name: '髙橋 一郎' }),
    ).toBeTruthy();
    expect(screen.getByRole('list', { name: '人事課の職員' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: /人事課/ })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 4, name: /人事係/ })).toBeTruthy();
  });

  it('opens a closed 部 down to a 係 and shows its faces, linking to each profile', async () => {
    renderAppAt(db, '/org');
    await screen.findByRole('button', { name: /^総務部/ }); // The directory has been read from the device store.
    expect(screen.queryByRole('link', { name: '佐藤 美咲' })).toBeNull();
    await userEvent.click(unitButton(/^福祉部/));
    await userEvent.click(unitButton(/^高齢者福祉課/));
    await userEvent.click(unitButton(/^地域支援係/));
    const faces = screen.getByRole('list', { name: '地域支援係の職員' });
    expect(within(faces).getAllByRole('link')).toHaveLength(2);
    const sato = within(faces).getByRole('link', { name: '佐藤 美咲' });
    const tanaka = within(faces).getByRole('link', { name: '田中 陽菜' });
    expect([sato.getAttribute('href'), tanaka.getAttribute('href')]).toEqual(['/people/p2', '/people/p4']);
    expect(sato.compareDocumentPosition(tanaka) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy(); // by reading
  });

  it('closes an open unit and hides its faces', async () => {
    renderAppAt(db, '/org');
    await screen.findByRole('link', { name: '髙橋 一郎' });
    await userEvent.click(unitButton(/^総務部/));
    expect(unitButton(/^総務部/).getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('link', { name: '髙橋 一郎' })).toBeNull();
  });

  it('goes to a profile when a face is tapped', async () => {
    const location = renderAppAt(db, '/org');
    await userEvent.click(await screen.findByRole('link', { name: '髙橋 一郎' }));
    expect(location.history?.at(-1)).toBe('/people/me');
  });
});
