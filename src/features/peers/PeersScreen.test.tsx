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

function listNamed(name: string): HTMLElement {
  return screen.getByRole('list', { name });
}

describe('peers screen on the device store, with no connection', () => {
  it('suggests people of other 部 who share a skill or hobby, named by full name, with what is shared', async () => {
    renderAppAt(db, '/peers');
    await screen.findByRole('heading', { level: 1, name: '仲間' });
    const list = listNamed('同じスキル・趣味の人');
    const links = within(list).getAllByRole('link');
    // 鈴木 shares Excel but is in my own 部; 田中 shares nothing.
    expect(links.map((a) => a.textContent)).toEqual(['佐藤 美咲']);
    expect(links[0]?.getAttribute('href')).toBe('/people/p2');
    expect(within(list).getByText('共通：Excel・ランニング')).toBeTruthy();
  });

  it('finds who can help with a DX skill at a level, and with any other skill by its tag', async () => {
    renderAppAt(db, '/peers');
    const skill = await screen.findByLabelText('スキル');
    await userEvent.selectOptions(skill, 'データ活用');
    const level = screen.getByLabelText('レベル');
    expect(screen.getByText('2人')).toBeTruthy(); // LV1 or above, me left out: 佐藤 (LV2), 鈴木 (LV1)
    await userEvent.selectOptions(level, '2');
    expect(screen.getByText('1人')).toBeTruthy();
    const helpers = listNamed('データ活用の職員');
    expect(within(helpers).getByRole('link', { name: '佐藤 美咲' })).toBeTruthy();
    expect(within(helpers).getByText('LV2')).toBeTruthy();

    await userEvent.selectOptions(skill, '手話');
    expect(screen.queryByLabelText('レベル')).toBeNull(); // a tag has no level
    expect(
      within(listNamed('手話の職員'))
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['田中 陽菜']);
  });

  it('offers each skill tag once, however it is spelled, and the five DX skills', async () => {
    renderAppAt(db, '/peers');
    const skill = await screen.findByLabelText('スキル');
    const options = within(skill)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options.filter((o) => o?.toLowerCase() === 'excel')).toHaveLength(1);
    expect(options).toContain('業務改革');
    expect(options).toContain('統計');
  });

  it('lists helpers in organisation order, not by level (no ranking)', async () => {
    renderAppAt(db, '/peers');
    await userEvent.selectOptions(await screen.findByLabelText('スキル'), 'データ活用');
    // 鈴木 (総務部, LV1) comes before 佐藤 (福祉部, LV2): the chart decides, not the level.
    expect(
      within(listNamed('データ活用の職員'))
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['鈴木 次郎', '佐藤 美咲']);
  });
});
