import * as v from 'valibot';
import { MAX_MUTATIONS_PER_PUSH } from './mutations';
import { OrgUnitSchema, RoleSchema } from './org';
import { DirectoryRecordSchema } from './staff';

/**
 * The HTTP contract between the app and the functions, validated on both sides.
 * Paths are relative to the API base (`/api` on the hosting origin).
 */
/** Every feed (directory, エール, notifications, nominations, communities) comes through POST /sync: see sync-protocol.ts. */
export const API_PATHS = {
  me: '/me',
  directoryChunk: (snapshotId: string, n: number) =>
    `/directory/snapshots/${encodeURIComponent(snapshotId)}/chunks/${n}`,
  mutations: '/mutations',
  /** What the caller may see of one person beyond the snapshot (D4). */
  staffDetail: (staffId: string) => `/staff/${encodeURIComponent(staffId)}`,
  /** Content-addressed, so cached for good; `large` for the profile page. */
  photo: (photoId: string, size: 'thumb' | 'large' = 'thumb') =>
    size === 'thumb' ? `/photos/${photoId}` : `/photos/${photoId}/large`,
  /** POST for HR only, replacing the settings (RecognitionSettingsSchema); everyone gets them with the yells feed. */
  recognitionSettings: '/recognition/settings',
  /** `?unit=<unitId>`: RecognitionSummarySchema; managers their own 部 (or a unit in it), HR any. */
  recognitionSummary: '/recognition/summary',
  /** The append-only audit log of one nomination (award committee only). */
  nominationAudit: (nominationId: string) => `/nominations/${encodeURIComponent(nominationId)}/audit`,
  /** POST for HR only, replacing the list (AwardsConfigSchema); everyone gets it with the nominations feed. */
  awards: '/awards',
} as const;

export const SnapshotManifestSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/)),
  /** Every change with a version up to and including this one is in the snapshot. */
  version: v.pipe(v.number(), v.integer(), v.minValue(0)),
  chunkCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  staffCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
});
export type SnapshotManifest = v.InferOutput<typeof SnapshotManifestSchema>;

export const DirectoryChangeSchema = v.variant('op', [
  v.object({ op: v.literal('put'), version: v.number(), record: DirectoryRecordSchema }),
  v.object({ op: v.literal('remove'), version: v.number(), id: v.string() }),
  // Unit changes (issue 21): a renamed or new unit, an abolished one, as change pages, not a snapshot.
  v.object({ op: v.literal('unit'), version: v.number(), unit: OrgUnitSchema }),
  v.object({ op: v.literal('unitRemove'), version: v.number(), id: v.string() }),
]);
export type DirectoryChange = v.InferOutput<typeof DirectoryChangeSchema>;

/**
 * A snapshot chunk inside a JSON answer: its number and its gzipped bytes (as the chunk endpoint
 * sends them) in base64, about 80 KB for 1,000 people.
 */
export const InlineChunkSchema = v.object({
  n: v.pipe(v.number(), v.integer(), v.minValue(0)),
  gzip: v.pipe(v.string(), v.maxLength(2_000_000)),
});
export type InlineChunk = v.InferOutput<typeof InlineChunkSchema>;

/** Answer to "what changed since version V of snapshot S". */
export const DirectorySyncResponseSchema = v.variant('kind', [
  v.object({ kind: v.literal('upToDate'), version: v.number() }),
  v.object({
    kind: v.literal('changes'),
    changes: v.array(DirectoryChangeSchema),
    /** The version the client is at after applying this page. */
    version: v.number(),
    /** More changes follow: ask again with the new version. */
    more: v.boolean(),
  }),
  v.object({
    kind: v.literal('snapshot'),
    snapshot: SnapshotManifestSchema,
    units: v.array(OrgUnitSchema),
    /** The snapshot's first chunk (the first screen's people), absent from an older server. */
    firstChunk: v.optional(InlineChunkSchema),
  }),
]);
export type DirectorySyncResponse = v.InferOutput<typeof DirectorySyncResponseSchema>;

export const PushRequestSchema = v.object({
  /** Each entry is validated one by one, so one bad mutation does not block the rest. */
  mutations: v.pipe(v.array(v.unknown()), v.minLength(1), v.maxLength(MAX_MUTATIONS_PER_PUSH)),
});

/** A problem's params on the wire: a record; the device's words read the ones their code has. */
const ParamsSchema = v.record(v.string(), v.union([v.string(), v.number(), v.boolean()]));

export const PushResultSchema = v.object({
  id: v.string(),
  status: v.picklist(['applied', 'duplicate', 'rejected']),
  /** Why it was rejected: a problem code (src/domain/problems.ts) and its params. */
  code: v.optional(v.string()),
  params: v.optional(ParamsSchema),
  /** Words of a server from before codes (Japanese); shown as they came when there is no code. */
  message: v.optional(v.string()),
});
export type PushResult = v.InferOutput<typeof PushResultSchema>;
export const PushResponseSchema = v.object({ results: v.array(PushResultSchema) });
export type PushResponse = v.InferOutput<typeof PushResponseSchema>;

export const MeResponseSchema = v.object({
  staffId: v.string(),
  orgId: v.string(),
  role: RoleSchema,
  duties: v.array(v.string()),
});
export type MeResponse = v.InferOutput<typeof MeResponseSchema>;

/**
 * Every error answer of the API is JSON with a problem code (src/domain/problems.ts) and its params;
 * the device puts it into words. `message`: the words of a server from before codes.
 */
export const ApiErrorSchema = v.object({
  code: v.string(),
  params: v.optional(ParamsSchema),
  message: v.optional(v.string()),
});
export type ApiError = v.InferOutput<typeof ApiErrorSchema>;

/** Custom claims set on each Auth user from the roster. */
export const ClaimsSchema = v.object({
  orgId: v.string(),
  staffId: v.string(),
  role: RoleSchema,
  duties: v.optional(v.array(v.string()), []),
});
export type Claims = v.InferOutput<typeof ClaimsSchema>;
