import { describe, expect, it } from 'vitest';
import { record, UNITS } from '../../../tests/fixtures/records';
import type { DirectoryRecord } from '../staff';
import { explainMatch } from './explain';
import { buildSearchIndex, search } from './index';

const units = new Map(UNITS.map((u) => [u.id, u]));

const PEOPLE: DirectoryRecord[] = [
  record({
    id: 'shibata',
    familyName: '柴田',
    familyKana: 'しばた',
    givenName: '直樹',
    givenKana: 'なおき',
    altFamilyName: '田中',
    altFamilyKana: 'たなか',
    extension: '03-5678',
    skills: ['Excel', '手話'],
    hobbies: ['写真', 'ランニング'],
    qualifications: ['社会福祉士', 'TOEIC730'],
  }),
  record({ id: 'tanaka', familyName: '田中', familyKana: 'たなか', givenName: '翔太', givenKana: 'しょうた' }),
  record({
    id: 'takahashi',
    familyName: '髙橋',
    familyKana: 'たかはし',
    givenName: '由美',
    givenKana: 'ゆみ',
    unitId: 'b02k01s01',
    title: '係長',
    extension: '2345',
    skills: ['ファイナンシャル・プランニング'],
    hobbies: ['将棋'],
    // Also found by 福祉 through their unit (高齢者福祉課), which the card shows.
    qualifications: ['社会福祉士'],
  }),
];
// A name written in Latin letters, and a hobby read in romaji by others (しょうぎ).
PEOPLE.push(
  record({
    id: 'smith',
    familyName: 'Smith',
    familyKana: 'すみす',
    givenName: 'Anna',
    givenKana: 'あんな',
    extension: '5601',
    hobbies: ['しょうぎ', 'Excel'],
  }),
);
const [shibata, tanaka, takahashi] = PEOPLE as [DirectoryRecord, DirectoryRecord, DirectoryRecord];

describe('explainMatch', () => {
  it('names the 旧姓・通称 when the query is the old name, in kanji, kana or romaji', () => {
    for (const q of ['田中', 'たなか', 'タナカ', 'tanaka', 'ﾀﾅｶ', '田中直樹', 'たなか なおき'])
      expect(explainMatch(shibata, units, q), q).toEqual({ field: 'altName', text: '田中' });
  });

  it('says nothing when the card already shows why: the name, its reading, the title or the unit', () => {
    for (const q of ['田中', 'tanaka', 'しょう', '主事', '人事', 'じんじ', '総務部', 'soumu'])
      expect(explainMatch(tanaka, units, q), q).toBeNull();
    for (const q of ['高橋', 'takahasi', '係長', 'ちいき', '福祉'])
      expect(explainMatch(takahashi, units, q), q).toBeNull();
  });

  it('names the skill, hobby, qualification or extension, as the person wrote it', () => {
    expect(explainMatch(shibata, units, 'excel')).toEqual({ field: 'skill', text: 'Excel' });
    expect(explainMatch(shibata, units, '手話')).toEqual({ field: 'skill', text: '手話' });
    expect(explainMatch(shibata, units, 'ランニング')).toEqual({ field: 'hobby', text: 'ランニング' });
    expect(explainMatch(shibata, units, 'ranningu')).toEqual({ field: 'hobby', text: 'ランニング' });
    expect(explainMatch(shibata, units, '写真')).toEqual({ field: 'hobby', text: '写真' });
    expect(explainMatch(shibata, units, '福祉士')).toEqual({ field: 'qualification', text: '社会福祉士' });
    expect(explainMatch(shibata, units, 'toeic')).toEqual({ field: 'qualification', text: 'TOEIC730' });
    expect(explainMatch(shibata, units, '5678')).toEqual({ field: 'extension', text: '03-5678' });
    expect(explainMatch(takahashi, units, 'ファイナンシャルプランニング')).toEqual({
      field: 'skill',
      text: 'ファイナンシャル・プランニング',
    });
  });

  it('gives the reason of the term that needs one, whichever comes first in the query', () => {
    expect(explainMatch(shibata, units, '柴田 excel')).toEqual({ field: 'skill', text: 'Excel' });
    expect(explainMatch(shibata, units, 'excel 柴田')).toEqual({ field: 'skill', text: 'Excel' });
    expect(explainMatch(shibata, units, '柴田 人事')).toBeNull();
  });

  it('says nothing for someone the query does not find, even when one of its terms would need a reason', () => {
    expect(explainMatch(tanaka, units, 'excel')).toBeNull();
    expect(explainMatch(takahashi, units, '')).toBeNull();
    expect(explainMatch(shibata, units, 'zzz excel')).toBeNull();
    expect(explainMatch(shibata, units, 'excel 佐藤')).toBeNull();
  });

  // The index and this are two codings of one rule: a person found only through a field the card
  // does not show must get a reason, and one found through the card's fields must not.
  it("agrees with the index: a reason exactly when the card's own fields would not find the person", () => {
    const cardOnly = (r: DirectoryRecord): DirectoryRecord => ({
      ...r,
      altFamilyName: '',
      altFamilyKana: '',
      extension: '',
      skills: [],
      hobbies: [],
      qualifications: [],
    });
    // One letter or digit (read from the index's letter table), extensions as typed, romaji of a
    // hobby, a Latin name, and terms that find some people only through a hidden field.
    const queries = [
      ...['た', 'e', 'x', '5', '2', 'たな', 'tana', 'ta', 'ex', 'しゃ', '56', '23', '03-5678', '０３５６'],
      ...['福祉', 'しょうぎ', 'ranningu', 'shogi', 'smith', 'スミス', 'しば excel', 'ゆみ 将棋', 'fai', 'zzz'],
    ];
    let explained = 0;
    for (const q of queries) {
      for (const r of search(buildSearchIndex(PEOPLE, units), q)) {
        const byCard = search(buildSearchIndex([cardOnly(r)], units), q).length === 1;
        const reason = explainMatch(r, units, q);
        expect(reason === null, `${q} → ${r.id}`).toBe(byCard);
        if (reason) explained++;
      }
    }
    expect(explained).toBeGreaterThan(5);
  });
});
