/** Test helpers for the D6/D7 screens: a device store (fake-indexeddb) seeded like a synced phone. Tests only. */
import { render } from '@testing-library/react';
import Dexie from 'dexie';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { record, UNITS } from '../../../tests/fixtures/records';
import { App } from '../../app/App';
import { saveSession } from '../../app/session';
import { dexieDirectoryStore } from '../../db/directory-store';
import { AppDb } from '../../db/schema';
import { toChunkText } from '../../domain/directory-codec';
import type { DirectoryRecord } from '../../domain/staff';

/** 髙橋 (me, 総務部), 佐藤 (福祉部, shares Excel and ランニング), 鈴木 (総務部, shares Excel), 田中 (福祉部, shares nothing). */
export const PEOPLE: DirectoryRecord[] = [
  record({
    id: 'me',
    familyName: '髙橋',
    givenName: '一郎',
    familyKana: 'たかはし',
    givenKana: 'いちろう',
    skills: ['Excel'],
    hobbies: ['ランニング'],
    dxLevels: [0, 0, 0, 3, 0],
  }),
  record({
    id: 'p2',
    familyName: '佐藤',
    givenName: '美咲',
    familyKana: 'さとう',
    givenKana: 'みさき',
    unitId: 'b02k01s01',
    skills: ['ＥＸＣＥＬ'],
    hobbies: ['らんにんぐ'],
    dxLevels: [0, 0, 0, 2, 0],
  }),
  record({
    id: 'p3',
    familyName: '鈴木',
    givenName: '次郎',
    familyKana: 'すずき',
    givenKana: 'じろう',
    unitId: 'b01k01',
    jobLevel: '課長級',
    title: '課長',
    skills: ['Excel', '統計'],
    hobbies: [],
    dxLevels: [0, 0, 0, 1, 0],
  }),
  record({
    id: 'p4',
    familyName: '田中',
    givenName: '陽菜',
    familyKana: 'たなか',
    givenKana: 'ひな',
    unitId: 'b02k01s01',
    skills: ['手話'],
    hobbies: ['釣り'],
    dxLevels: [0, 0, 0, 0, 0],
  }),
];

export async function seededDb(people: DirectoryRecord[] = PEOPLE): Promise<AppDb> {
  const db = new AppDb(`d6-${Math.random().toString(36).slice(2)}`);
  await dexieDirectoryStore(db).replaceSnapshot(
    { id: 's1', version: 1, chunkCount: 1, staffCount: people.length, createdAt: '2026-11-22T00:00:00.000Z' },
    UNITS,
    [toChunkText(people)],
  );
  await saveSession(db, { uid: 'u1', email: 'me@x.jp', staffId: 'me', orgId: 'demo-ku', role: 'staff', duties: [] });
  return db;
}

export async function dropDb(db: AppDb): Promise<void> {
  db.close();
  await Dexie.delete(db.name);
}

/** The whole app at `path`, with no connection: everything shown comes from the device store. */
export function renderAppAt(db: AppDb, path: string) {
  const location = memoryLocation({ path, record: true });
  render(
    <Router hook={location.hook}>
      <App db={db} />
    </Router>,
  );
  return location;
}
