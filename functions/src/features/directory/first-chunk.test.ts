import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeChunkText } from '../../../../src/domain/directory-codec';
import { seededOrg } from '../../testing/org';
import { getDirectoryChunk } from './chunk';
import { syncDirectory } from './sync';

/** Issue 22: a snapshot answer carries the snapshot's first chunk, so a new device paints from it. */
describe('the snapshot answer of a sync', () => {
  it('holds chunk 0 gzipped in base64, byte for byte what the chunk endpoint serves', async () => {
    const { store, orgId } = await seededOrg(30);
    const r = await syncDirectory(store, orgId, { snapshotId: null, version: null });
    if (r.kind !== 'snapshot') throw new Error(`expected a snapshot, got ${r.kind}`);
    expect(r.firstChunk?.n).toBe(0);
    const inline = Buffer.from(r.firstChunk?.gzip ?? '', 'base64');
    const served = await getDirectoryChunk(store, orgId, r.snapshot.id, 0);
    expect(inline.equals(Buffer.from(served))).toBe(true);
    const people = decodeChunkText({ json: gunzipSync(inline).toString('utf8') });
    expect(people).toHaveLength(Math.min(30, r.snapshot.staffCount));
  });

  it('is left out of answers that are not a snapshot', async () => {
    const { store, orgId } = await seededOrg(3);
    const meta = await store.directory.getDirectoryMeta(orgId);
    const r = await syncDirectory(store, orgId, { snapshotId: meta.snapshot?.id ?? null, version: meta.headVersion });
    expect(r).toEqual({ kind: 'upToDate', version: meta.headVersion });
  });
});
