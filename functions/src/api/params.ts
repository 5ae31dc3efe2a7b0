import * as v from 'valibot';
import { problem } from '../../../src/domain/problems';
import { SnapshotManifestSchema } from '../../../src/domain/protocol';
import { badRequest } from './errors';

/** A route pattern matching exactly `path`. */
export const exact = (path: string): RegExp => new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

const SNAPSHOT_ID = SnapshotManifestSchema.entries.id;

export function parseChunkParams(params: readonly string[]): { snapshotId: string; n: number } {
  let snapshotId: string;
  try {
    snapshotId = decodeURIComponent(params[0] ?? '');
  } catch {
    throw badRequest(problem('api.chunkParams'));
  }
  const n = params[1] ?? '';
  if (!v.is(SNAPSHOT_ID, snapshotId) || !/^\d{1,6}$/.test(n)) throw badRequest(problem('api.chunkParams'));
  return { snapshotId, n: Number(n) };
}

const STAFF_ID = /^[A-Za-z0-9_-]{1,40}$/;

export function parseStaffId(param: string | undefined): string {
  if (param === undefined || !STAFF_ID.test(param)) throw badRequest(problem('api.staffParam'));
  return param;
}

export function parseJsonBody(body: Uint8Array | undefined): unknown {
  if (!body || body.byteLength === 0) throw badRequest(problem('api.emptyBody'));
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    throw badRequest(problem('api.notJson'));
  }
}
