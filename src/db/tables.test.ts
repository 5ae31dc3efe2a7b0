import { describe, expect, it } from 'vitest';
import { DEVICE_TABLES, FEATURE_TABLES, VERSION_HISTORY } from './schema';
import { assemble } from './tables';

describe('the device database, assembled from its own tables and each feature’s', () => {
  it("is the version history as released: versions 1-4 exactly as they were, 5 adds the cursor table, 6 the trainings, 7 the incoming snapshot, 8 the surveys, 9 the trainings' approvals", () => {
    expect(VERSION_HISTORY).toEqual([
      [
        1,
        {
          directoryChunks: 'n',
          directoryOverlay: 'id',
          units: 'id, parentId',
          meta: 'key',
          outbox: '++seq, &id',
          rejected: 'id',
        },
      ],
      [2, { profileDetails: 'id', communities: 'id, name' }],
      [
        3,
        {
          yells: 'id, version, from, *to, createdAt',
          notifications: 'id, version, createdAt',
          readNotifications: 'id',
          recognition: 'key',
        },
      ],
      [4, { nominations: 'id, version, status, createdAt', nominationMeta: 'key', nominationDrafts: 'id, updatedAt' }],
      [5, { feedCursors: 'feed' }],
      [6, { trainings: 'id, version, area', trainingApplications: 'runId, trainingId' }],
      [7, { directoryIncoming: 'n' }],
      [8, { surveys: 'id', surveyDrafts: 'surveyId', surveyTokens: 'surveyId', surveySends: 'surveyId, state' }],
      [9, { trainingApprovals: '[runId+staffId], trainingId' }],
    ]);
  });

  it('orders versions however the parts list them', () => {
    expect(assemble({ 3: { c: 'id' } }, [{ 1: { a: 'id' } }, { 3: { b: 'id' } }])).toEqual([
      [1, { a: 'id' }],
      [3, { c: 'id', b: 'id' }],
    ]);
  });

  it('has no table declared by two parts at one version (one of them would be lost)', () => {
    const seen = new Set<string>();
    for (const part of [DEVICE_TABLES, ...FEATURE_TABLES]) {
      for (const [version, stores] of Object.entries(part)) {
        for (const table of Object.keys(stores)) {
          expect(seen.has(`${version}/${table}`), `${table} at version ${version}`).toBe(false);
          seen.add(`${version}/${table}`);
        }
      }
    }
    expect(seen.size).toBe(24);
  });
});
