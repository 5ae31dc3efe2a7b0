import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { dexieCommunityCache } from './communities';
import { dexieDirectoryStore, readDirectoryMeta } from './directory-store';
import { dexieNominationCache, readAwards } from './nominations';
import { dexieNotificationCache } from './notifications';
import { AppDb, VERSION_HISTORY } from './schema';
import { readSettings, readYellSyncState } from './yells';

const names: string[] = [];
function freshName() {
  const name = `test-${Math.random().toString(36).slice(2)}`;
  names.push(name);
  return name;
}
afterEach(async () => {
  await Promise.all(names.splice(0).map((n) => Dexie.delete(n)));
});

describe('AppDb versions', () => {
  it('the latest version creates every table with its keys and indexes from an empty device', async () => {
    const db = new AppDb(freshName());
    await db.open();
    expect(db.verno).toBe(9);
    const schema = Object.fromEntries(
      db.tables.map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)]]),
    );
    expect(schema).toEqual({
      directoryChunks: ['n'],
      directoryOverlay: ['id'],
      directoryIncoming: ['n'],
      units: ['id', 'parentId'],
      meta: ['key'],
      outbox: ['++seq', '&id'],
      rejected: ['id'],
      profileDetails: ['id'],
      communities: ['id', 'name'],
      yells: ['id', 'version', 'from', '*to', 'createdAt'],
      notifications: ['id', 'version', 'createdAt'],
      readNotifications: ['id'],
      recognition: ['key'],
      nominations: ['id', 'version', 'status', 'createdAt'],
      nominationMeta: ['key'],
      nominationDrafts: ['id', 'updatedAt'],
      trainings: ['id', 'version', 'area'],
      trainingApplications: ['runId', 'trainingId'],
      trainingApprovals: ['[runId+staffId]', 'trainingId'],
      feedCursors: ['feed'],
      surveys: ['id'],
      surveyDrafts: ['surveyId'],
      surveyTokens: ['surveyId'],
      surveySends: ['surveyId', 'state'],
    });
    db.close();
  });

  it('version 2 opens a version 1 device and keeps its directory, session and unsent changes', async () => {
    const name = freshName();
    // The version 1 schema exactly as released, written to by a version 1 app.
    const v1 = new Dexie(name);
    v1.version(1).stores({
      directoryChunks: 'n',
      directoryOverlay: 'id',
      units: 'id, parentId',
      meta: 'key',
      outbox: '++seq, &id',
      rejected: 'id',
    });
    await v1.table('directoryChunks').add({ n: 0, snapshotId: 's1', count: 0, json: '{}' });
    await v1.table('meta').add({ key: 'session', value: { staffId: 'me' } });
    await v1.table('outbox').add({ id: 'mmmmmmmm', mutation: {}, attempts: 2, notBefore: 5, lastError: 'x' });
    v1.close();

    const db = new AppDb(name);
    await db.open();
    // Later versions open it too (each upgrade runs in turn); v2's tables are there, empty.
    expect(db.verno).toBeGreaterThanOrEqual(2);
    expect(await db.directoryChunks.get(0)).toMatchObject({ snapshotId: 's1' });
    expect(await db.meta.get('session')).toMatchObject({ value: { staffId: 'me' } });
    expect(await db.outbox.toArray()).toMatchObject([{ id: 'mmmmmmmm', attempts: 2 }]);
    expect(await db.communities.count()).toBe(0);
    db.close();
  });

  it('version 3 opens a version 2 device and keeps its communities, details and unsent changes; エール tables start empty', async () => {
    const name = freshName();
    // The version 2 schema exactly as released (v1 plus v2's tables), written to by a version 2 app.
    const v2 = new Dexie(name);
    v2.version(1).stores({
      directoryChunks: 'n',
      directoryOverlay: 'id',
      units: 'id, parentId',
      meta: 'key',
      outbox: '++seq, &id',
      rejected: 'id',
    });
    v2.version(2).stores({ profileDetails: 'id', communities: 'id, name' });
    await v2.table('meta').add({ key: 'session', value: { staffId: 'me' } });
    await v2.table('communities').add({ id: 'design-0001', name: 'デザイン', memberIds: ['me'], version: 4 });
    await v2.table('profileDetails').add({ id: 'p2', detail: { intro: 'x' }, fetchedAt: 1 });
    await v2
      .table('outbox')
      .add({ id: 'nnnnnnnn', mutation: { kind: 'community.join' }, attempts: 1, notBefore: 0, lastError: null });
    v2.close();

    const db = new AppDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(3);
    expect(await db.meta.get('session')).toMatchObject({ value: { staffId: 'me' } });
    expect(await db.communities.get('design-0001')).toMatchObject({ name: 'デザイン', version: 4 });
    expect(await db.profileDetails.get('p2')).toMatchObject({ fetchedAt: 1 });
    expect(await db.outbox.toArray()).toMatchObject([{ id: 'nnnnnnnn', attempts: 1 }]);
    expect(await db.yells.count()).toBe(0);
    expect(await db.notifications.count()).toBe(0);
    // The multi-entry index on recipients works on the upgraded device.
    await db.yells.add({
      id: 'yell-0001',
      from: 'me',
      to: ['p2', 'p3'],
      message: 'ありがとう',
      value: 'tasukeai',
      visibility: 'public',
      createdAt: '2026-11-22T00:00:00.000Z',
      version: 1,
      clapCount: 0,
      clappedByMe: false,
    });
    expect((await db.yells.where('to').equals('p3').toArray()).map((y) => y.id)).toEqual(['yell-0001']);
    db.close();
  });

  it('version 4 opens a version 3 device and keeps its エール, notifications and unsent changes; nomination tables start empty', async () => {
    const name = freshName();
    // The version 3 schema exactly as released, written to by a version 3 app.
    const v3 = new Dexie(name);
    v3.version(1).stores({
      directoryChunks: 'n',
      directoryOverlay: 'id',
      units: 'id, parentId',
      meta: 'key',
      outbox: '++seq, &id',
      rejected: 'id',
    });
    v3.version(2).stores({ profileDetails: 'id', communities: 'id, name' });
    v3.version(3).stores({
      yells: 'id, version, from, *to, createdAt',
      notifications: 'id, version, createdAt',
      readNotifications: 'id',
      recognition: 'key',
    });
    await v3.table('yells').add({ id: 'yell-0001', from: 'me', to: ['p2'], version: 3 });
    await v3.table('notifications').add({ id: 'n1', kind: 'yell.received', version: 2, createdAt: 'x', actor: 'p2' });
    await v3
      .table('outbox')
      .add({ id: 'oooooooo', mutation: { kind: 'yell.send' }, attempts: 0, notBefore: 0, lastError: null });
    v3.close();

    const db = new AppDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(4);
    expect(await db.yells.get('yell-0001')).toMatchObject({ to: ['p2'], version: 3 });
    expect(await db.notifications.get('n1')).toMatchObject({ version: 2 });
    expect(await db.outbox.toArray()).toMatchObject([{ id: 'oooooooo' }]);
    expect(await db.nominations.count()).toBe(0);
    expect(await db.nominationMeta.count()).toBe(0);
    await db.nominationDrafts.put({
      id: 'draft-1',
      awardId: 'shokuin',
      nominees: ['p2'],
      teamName: '',
      reason: '下書き',
      yellIds: ['yell-0001'],
      updatedAt: 5,
    });
    expect((await db.nominationDrafts.orderBy('updatedAt').first())?.reason).toBe('下書き');
    db.close();
  });

  it('version 5 opens a version 4 device: every feed resumes from its cursor, moved to one table; outbox, directory and rows kept', async () => {
    const name = freshName();
    // The version 4 schema exactly as released, written to by a version 4 app.
    const v4 = new Dexie(name);
    v4.version(1).stores({
      directoryChunks: 'n',
      directoryOverlay: 'id',
      units: 'id, parentId',
      meta: 'key',
      outbox: '++seq, &id',
      rejected: 'id',
    });
    v4.version(2).stores({ profileDetails: 'id', communities: 'id, name' });
    v4.version(3).stores({
      yells: 'id, version, from, *to, createdAt',
      notifications: 'id, version, createdAt',
      readNotifications: 'id',
      recognition: 'key',
    });
    v4.version(4).stores({
      nominations: 'id, version, status, createdAt',
      nominationMeta: 'key',
      nominationDrafts: 'id, updatedAt',
    });
    // Where version 4 kept each feed's cursor.
    await v4.table('meta').bulkAdd([
      { key: 'directory', value: { snapshotId: 'snap-12', version: 31, staffCount: 3, syncedAt: 1000 } },
      { key: 'session', value: { staffId: 'me' } },
    ]);
    await v4.table('directoryChunks').add({ n: 0, snapshotId: 'snap-12', count: 3, json: '[]' });
    await v4.table('directoryOverlay').add({ id: 'p9', version: 31, record: null });
    await v4.table('communities').bulkAdd([
      { id: 'c1', name: 'a', memberIds: [], version: 4 },
      { id: 'c2', name: 'b', memberIds: [], version: 9 },
    ]);
    await v4.table('yells').add({ id: 'yell-0001', from: 'me', to: ['p2'], version: 3 });
    await v4.table('recognition').bulkAdd([
      { key: 'yells', value: { version: 17, feedOptOut: ['p5'] }, fetchedAt: 1 },
      { key: 'notifications', value: { version: 6 }, fetchedAt: 1 },
      { key: 'settings', value: { values: [{ id: 'kansha', label: '感謝' }], dailyCap: 5 }, fetchedAt: 1 },
    ]);
    await v4.table('notifications').add({ id: 'n1', kind: 'yell.received', version: 6, createdAt: 'x', actor: 'p2' });
    await v4.table('nominationMeta').bulkAdd([
      { key: 'version', value: 23 },
      { key: 'awards', value: { awards: [{ id: 'kaizen', label: '改善賞' }] } },
    ]);
    // What the person typed and has not sent yet, and what the server refused.
    await v4.table('outbox').bulkAdd([
      { id: 'pppppppp', mutation: { kind: 'profile.update' }, attempts: 3, notBefore: 9, lastError: 'offline' },
      { id: 'qqqqqqqq', mutation: { kind: 'yell.send' }, attempts: 0, notBefore: 0, lastError: null },
    ]);
    await v4.table('rejected').add({ id: 'rrrrrrrr', mutation: { kind: 'yell.clap' }, message: 'x', rejectedAt: 2 });
    await v4.table('nominationDrafts').add({ id: 'draft-1', reason: '下書き', updatedAt: 5 });
    v4.close();

    const db = new AppDb(name);
    await db.open();
    // The latest version (6 adds the trainings' tables, 7 the incoming snapshot) opens it too.
    expect(db.verno).toBe(9);
    expect(Object.fromEntries((await db.feedCursors.toArray()).map((r) => [r.feed, r.cursor]))).toEqual({
      directory: { snapshotId: 'snap-12', version: 31 },
      communities: { version: 9 },
      yells: { version: 17 },
      notifications: { version: 6 },
      nominations: { version: 23 },
    });
    // Each feed reads its cursor back through its own cache, as the next sync does.
    expect(await dexieDirectoryStore(db).state()).toEqual({ snapshotId: 'snap-12', version: 31 });
    expect(await readDirectoryMeta(db)).toEqual({ snapshotId: 'snap-12', version: 31, staffCount: 3, syncedAt: 1000 });
    expect(await dexieCommunityCache(db).version()).toBe(9);
    expect(await readYellSyncState(db)).toEqual({ version: 17, feedOptOut: ['p5'] });
    expect(await dexieNotificationCache(db).version()).toBe(6);
    expect(await dexieNominationCache(db).version()).toBe(23);
    // The old places hold no second copy of a cursor.
    expect(await db.recognition.get('notifications')).toBeUndefined();
    expect(await db.nominationMeta.toArray()).toEqual([
      { key: 'awards', value: { awards: [{ id: 'kaizen', label: '改善賞' }] } },
    ]);
    expect(await db.meta.get('directory')).toEqual({ key: 'directory', value: { staffCount: 3, syncedAt: 1000 } });
    // Nothing typed is lost, in its order; the directory and every feed's rows stay.
    expect(await db.outbox.orderBy('seq').toArray()).toMatchObject([
      { id: 'pppppppp', attempts: 3, notBefore: 9, lastError: 'offline' },
      { id: 'qqqqqqqq', attempts: 0 },
    ]);
    expect(await db.rejected.get('rrrrrrrr')).toMatchObject({ message: 'x' });
    expect(await db.nominationDrafts.get('draft-1')).toMatchObject({ reason: '下書き' });
    expect(await db.directoryChunks.get(0)).toMatchObject({ snapshotId: 'snap-12', count: 3 });
    expect(await db.directoryOverlay.get('p9')).toMatchObject({ version: 31 });
    expect(await db.meta.get('session')).toMatchObject({ value: { staffId: 'me' } });
    expect(await db.yells.get('yell-0001')).toMatchObject({ version: 3 });
    expect(await db.notifications.get('n1')).toMatchObject({ version: 6 });
    expect((await readSettings(db)).dailyCap).toBe(5);
    expect(await readAwards(db)).toEqual([{ id: 'kaizen', label: '改善賞' }]);
    db.close();
  });

  it('the latest version opens a version 6 device: outbox, cursors, directory and trainings kept; the incoming table starts empty', async () => {
    const name = freshName();
    // The version 6 schema exactly as released (main before issue 22), written to by a version 6 app.
    const v6 = new Dexie(name);
    v6.version(1).stores({
      directoryChunks: 'n',
      directoryOverlay: 'id',
      units: 'id, parentId',
      meta: 'key',
      outbox: '++seq, &id',
      rejected: 'id',
    });
    v6.version(2).stores({ profileDetails: 'id', communities: 'id, name' });
    v6.version(3).stores({
      yells: 'id, version, from, *to, createdAt',
      notifications: 'id, version, createdAt',
      readNotifications: 'id',
      recognition: 'key',
    });
    v6.version(4).stores({
      nominations: 'id, version, status, createdAt',
      nominationMeta: 'key',
      nominationDrafts: 'id, updatedAt',
    });
    v6.version(5).stores({ feedCursors: 'feed' });
    v6.version(6).stores({ trainings: 'id, version, area', trainingApplications: 'runId, trainingId' });
    await v6.table('meta').bulkAdd([
      { key: 'directory', value: { staffCount: 3, syncedAt: 1000 } },
      { key: 'session', value: { staffId: 'me' } },
    ]);
    await v6.table('feedCursors').bulkAdd([
      { feed: 'directory', cursor: { snapshotId: 'snap-12', version: 31 } },
      { feed: 'communities', cursor: { version: 9 } },
      { feed: 'trainings', cursor: { version: 4 } },
    ]);
    await v6.table('directoryChunks').add({ n: 0, snapshotId: 'snap-12', count: 3, json: '[]' });
    await v6.table('directoryOverlay').add({ id: 'p9', version: 31, record: null });
    await v6.table('units').add({ id: 'u1', name: '情報政策課', parentId: null });
    await v6.table('trainings').add({ id: 't1', version: 4, area: 'dx' });
    await v6.table('outbox').bulkAdd([
      { id: 'pppppppp', mutation: { kind: 'profile.update' }, attempts: 3, notBefore: 9, lastError: 'offline' },
      { id: 'qqqqqqqq', mutation: { kind: 'training.apply' }, attempts: 0, notBefore: 0, lastError: null },
    ]);
    await v6.table('rejected').add({ id: 'rrrrrrrr', mutation: { kind: 'yell.clap' }, message: 'x', rejectedAt: 2 });
    v6.close();

    const db = new AppDb(name);
    await db.open();
    expect(db.verno).toBe(9);
    // Nothing typed is lost, in its order.
    expect(await db.outbox.orderBy('seq').toArray()).toMatchObject([
      { id: 'pppppppp', attempts: 3, notBefore: 9, lastError: 'offline' },
      { id: 'qqqqqqqq', attempts: 0 },
    ]);
    expect(await db.rejected.get('rrrrrrrr')).toMatchObject({ message: 'x' });
    // Every feed resumes from its cursor; the directory shown stays, and nothing is arriving.
    expect(Object.fromEntries((await db.feedCursors.toArray()).map((r) => [r.feed, r.cursor]))).toEqual({
      directory: { snapshotId: 'snap-12', version: 31 },
      communities: { version: 9 },
      trainings: { version: 4 },
    });
    expect(await dexieDirectoryStore(db).state()).toEqual({ snapshotId: 'snap-12', version: 31 });
    expect(await readDirectoryMeta(db)).toEqual({ snapshotId: 'snap-12', version: 31, staffCount: 3, syncedAt: 1000 });
    expect(await dexieCommunityCache(db).version()).toBe(9);
    expect(await db.directoryChunks.get(0)).toMatchObject({ snapshotId: 'snap-12', count: 3 });
    expect(await db.directoryOverlay.get('p9')).toMatchObject({ version: 31 });
    expect(await db.units.get('u1')).toMatchObject({ name: '情報政策課' });
    expect(await db.trainings.get('t1')).toMatchObject({ version: 4 });
    expect(await db.meta.get('session')).toMatchObject({ value: { staffId: 'me' } });
    expect(await db.directoryIncoming.count()).toBe(0);
    db.close();
  });

  it('version 5 opens a version 4 device that never synced: every feed starts from the beginning', async () => {
    const name = freshName();
    const v4 = new Dexie(name);
    v4.version(1).stores({
      directoryChunks: 'n',
      directoryOverlay: 'id',
      units: 'id, parentId',
      meta: 'key',
      outbox: '++seq, &id',
      rejected: 'id',
    });
    v4.version(2).stores({ profileDetails: 'id', communities: 'id, name' });
    v4.version(3).stores({
      yells: 'id, version, from, *to, createdAt',
      notifications: 'id, version, createdAt',
      readNotifications: 'id',
      recognition: 'key',
    });
    v4.version(4).stores({
      nominations: 'id, version, status, createdAt',
      nominationMeta: 'key',
      nominationDrafts: 'id, updatedAt',
    });
    await v4
      .table('outbox')
      .add({ id: 'ssssssss', mutation: { kind: 'profile.update' }, attempts: 0, notBefore: 0, lastError: null });
    v4.close();

    const db = new AppDb(name);
    await db.open();
    expect(await db.feedCursors.count()).toBe(0);
    expect(await dexieDirectoryStore(db).state()).toEqual({ snapshotId: null, version: 0 });
    expect(await dexieNominationCache(db).version()).toBe(0);
    expect(await db.outbox.toArray()).toMatchObject([{ id: 'ssssssss' }]);
    db.close();
  });

  it('version 9 opens a version 6 device and keeps its catalogue, applications and outbox; approvals start empty', async () => {
    const name = freshName();
    // Versions 1-6 as released (the history below 7 is not edited).
    const v6 = new Dexie(name);
    for (const [version, stores] of VERSION_HISTORY.filter(([n]) => n <= 6)) v6.version(version).stores(stores);
    await v6.table('trainings').add({ id: 'trn-0001', version: 3, area: 'dx', runs: [] });
    await v6.table('trainingApplications').add({ runId: 'run-0001-1', trainingId: 'trn-0001', status: 'applied' });
    await v6
      .table('outbox')
      .add({ id: 'oooooooo', mutation: { kind: 'training.apply' }, attempts: 0, notBefore: 0, lastError: null });
    v6.close();

    const db = new AppDb(name);
    await db.open();
    expect(db.verno).toBe(9);
    expect(await db.trainings.get('trn-0001')).toMatchObject({ version: 3 });
    expect(await db.trainingApplications.get('run-0001-1')).toMatchObject({ status: 'applied' });
    expect(await db.outbox.toArray()).toMatchObject([{ id: 'oooooooo' }]);
    expect(await db.trainingApprovals.count()).toBe(0);
    await db.trainingApprovals.put({
      trainingId: 'trn-0001',
      runId: 'run-0001-1',
      staffId: 's0002',
      status: 'awaitingApproval',
      at: '',
      version: 4,
    });
    expect(await db.trainingApprovals.get(['run-0001-1', 's0002'])).toMatchObject({ staffId: 's0002' });
    db.close();
  });

  it('keeps the outbox in insertion order and refuses a second entry with the same mutation id', async () => {
    const db = new AppDb(freshName());
    const m = (id: string) => ({
      id,
      mutation: { kind: 'profile.update' as const, id, createdAt: '2026-11-22T00:00:00.000Z', patch: { intro: id } },
      attempts: 0,
      notBefore: 0,
      lastError: null,
    });
    await db.outbox.bulkAdd([m('bbbbbbbb'), m('aaaaaaaa')]);
    expect((await db.outbox.orderBy('seq').toArray()).map((r) => r.id)).toEqual(['bbbbbbbb', 'aaaaaaaa']);
    await expect(db.outbox.add(m('aaaaaaaa'))).rejects.toThrow(/ConstraintError|Key already exists/);
    db.close();
  });

  it('version 9 opens a version 6 device (main before the surveys): outbox, cursors and directory kept; survey tables empty', async () => {
    const name = freshName();
    // Versions 1-6 exactly as released (7 onwards are later).
    const v6 = new Dexie(name);
    for (const [version, stores] of VERSION_HISTORY.filter(([n]) => n <= 6)) v6.version(version).stores(stores);
    await v6.table('meta').bulkAdd([
      { key: 'directory', value: { staffCount: 3, syncedAt: 1000 } },
      { key: 'session', value: { staffId: 'me' } },
    ]);
    await v6.table('directoryChunks').add({ n: 0, snapshotId: 'snap-7', count: 3, json: '[]' });
    await v6.table('directoryOverlay').add({ id: 'p9', version: 40, record: null });
    await v6.table('feedCursors').bulkAdd([
      { feed: 'directory', cursor: { snapshotId: 'snap-7', version: 40 } },
      { feed: 'trainings', cursor: { version: 12 } },
      { feed: 'nominations', cursor: { version: 5 } },
    ]);
    await v6.table('trainings').add({ id: 'trn-1', version: 12, area: 'dx' });
    await v6.table('outbox').bulkAdd([
      { id: 'tttttttt', mutation: { kind: 'training.apply' }, attempts: 1, notBefore: 3, lastError: 'offline' },
      { id: 'uuuuuuuu', mutation: { kind: 'yell.send' }, attempts: 0, notBefore: 0, lastError: null },
    ]);
    v6.close();

    const db = new AppDb(name);
    await db.open();
    expect(db.verno).toBe(9);
    expect(await db.outbox.orderBy('seq').toArray()).toMatchObject([
      { id: 'tttttttt', attempts: 1, lastError: 'offline' },
      { id: 'uuuuuuuu', attempts: 0 },
    ]);
    expect(Object.fromEntries((await db.feedCursors.toArray()).map((r) => [r.feed, r.cursor]))).toEqual({
      directory: { snapshotId: 'snap-7', version: 40 },
      trainings: { version: 12 },
      nominations: { version: 5 },
    });
    expect(await dexieDirectoryStore(db).state()).toEqual({ snapshotId: 'snap-7', version: 40 });
    expect(await db.directoryChunks.get(0)).toMatchObject({ snapshotId: 'snap-7', count: 3 });
    expect(await db.directoryOverlay.get('p9')).toMatchObject({ version: 40 });
    expect(await db.trainings.get('trn-1')).toMatchObject({ version: 12 });
    expect(await db.meta.get('session')).toMatchObject({ value: { staffId: 'me' } });
    expect(await db.surveys.count()).toBe(0);
    expect(await db.surveySends.count()).toBe(0);
    db.close();
  });
});
