import { render, screen, within } from '@testing-library/react';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { describe, expect, it } from 'vitest';
import { record } from '../../../tests/fixtures/records';
import { directoryView } from '../../../tests/fixtures/directory-view';
import type { MatchReason } from '../../domain/search/explain';
import { PeopleList } from './PeopleList';
import type { Explain } from './use-match-reasons';

const people = [
  record({ id: 'a', familyName: '柴田', givenName: '直樹', altFamilyName: '田中', altFamilyKana: 'たなか' }),
  record({ id: 'b', familyName: '佐藤', givenName: '美咲', familyKana: 'さとう', givenKana: 'みさき' }),
  record({ id: 'c', familyName: '鈴木', givenName: '一郎', skills: ['手話'] }),
];
const directory = directoryView(people);
const REASONS: Record<string, MatchReason> = {
  a: { field: 'altName', text: '田中' },
  b: { field: 'extension', text: '5678' },
  c: { field: 'skill', text: '手話' },
};
const explain: Explain = (ids) => Promise.resolve(ids.map((id) => REASONS[id] ?? null));

describe('PeopleList (jsdom)', () => {
  it('names only the reasons a row does not show: the skill, not the 旧姓 beside the name or the extension', async () => {
    const location = memoryLocation({ path: '/' });
    render(
      <Router hook={location.hook}>
        <PeopleList people={people} directory={directory} explain={explain} />
      </Router>,
    );
    // All three reasons came in one answer: once the skill's is on screen, the others had their chance.
    const suzuki = screen.getByRole('link', { name: '鈴木 一郎' });
    await within(suzuki).findByText('スキル：手話');
    for (const name of ['柴田 直樹', '佐藤 美咲']) {
      const row = screen.getByRole('link', { name });
      expect(row.querySelector('.match-reason'), name).toBeNull();
      expect(row.querySelector('.person-kana'), name).not.toBeNull();
    }
    // The 旧姓 the row shows instead, beside the name.
    expect(screen.getByRole('link', { name: '柴田 直樹' }).querySelector('.person-name')?.textContent).toBe(
      '柴田 直樹（田中）',
    );
  });
});
