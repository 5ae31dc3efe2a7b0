import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { FEED_NAMES, SYNC_FEEDS } from '../domain/sync-protocol';
import { isCursorOf } from './cursors';

describe('the cursor table checks a kept cursor as the protocol does', () => {
  const values: unknown[] = [
    { version: 0 },
    { version: 12 },
    { version: -1 },
    { version: 1.5 },
    { version: '3' },
    { snapshotId: null, version: 4 },
    { snapshotId: 'snap-12_a', version: 4 },
    { snapshotId: 'snap 12', version: 4 },
    { snapshotId: 'x'.repeat(65), version: 4 },
    { snapshotId: 7, version: 4 },
    { snapshotId: 's1' },
    null,
    undefined,
    7,
  ];
  it.each(FEED_NAMES)('%s', (feed) => {
    for (const value of values) {
      expect([value, isCursorOf(feed, value)]).toEqual([value, v.safeParse(SYNC_FEEDS[feed].cursor, value).success]);
    }
  });
});
