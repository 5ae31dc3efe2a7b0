import type { DirectoryRecord } from './staff';
import { problem, type Problem } from './problems';

/**
 * Snapshot chunks are columnar JSON: one array per field, and tag lists (skills, hobbies,
 * qualifications) as indexes into one dictionary per chunk. Gzip then finds long repeats within a
 * column, which is what brings 40,000 people to about 60 bytes each on the wire.
 */
const SCALAR_FIELDS = [
  'id',
  'familyName',
  'givenName',
  'familyKana',
  'givenKana',
  'altFamilyName',
  'altFamilyKana',
  'unitId',
  'title',
  'jobLevel',
  'employment',
  'extension',
  'email',
  'intro',
] as const satisfies readonly (keyof DirectoryRecord)[];
const TAG_FIELDS = ['skills', 'hobbies', 'qualifications'] as const satisfies readonly (keyof DirectoryRecord)[];

export const CHUNK_FORMAT = 1;
/** People per chunk: big enough that IndexedDB writes are few, small enough to stay far under 1 MiB gzipped. */
export const CHUNK_SIZE = 1000;

export interface EncodedChunk {
  format: typeof CHUNK_FORMAT;
  count: number;
  dict: string[];
  scalars: Record<(typeof SCALAR_FIELDS)[number], string[]>;
  tags: Record<(typeof TAG_FIELDS)[number], number[][]>;
  /** DX levels as one digit string per person ("01230"): shortest form that gzip still likes. */
  dx: string[];
  photo: (string | null)[];
  /** Shown awards (C3) per person, null for none; the column is left out when nobody has one. */
  awards?: (DirectoryRecord['awards'] | null)[];
  /** 兼務 and 休職 (issue 21) per person, null for neither; left out when nobody has either. */
  roster?: ({ concurrentUnitIds?: string[]; onLeave?: true } | null)[];
}

export function encodeChunk(records: readonly DirectoryRecord[]): EncodedChunk {
  const dict: string[] = [];
  const dictIndex = new Map<string, number>();
  const ref = (tag: string) => {
    let i = dictIndex.get(tag);
    if (i === undefined) {
      i = dict.length;
      dict.push(tag);
      dictIndex.set(tag, i);
    }
    return i;
  };
  const scalars = Object.fromEntries(
    SCALAR_FIELDS.map((f) => [f, records.map((r) => r[f])]),
  ) as EncodedChunk['scalars'];
  const tags = Object.fromEntries(
    TAG_FIELDS.map((f) => [f, records.map((r) => r[f].map(ref))]),
  ) as EncodedChunk['tags'];
  return {
    format: CHUNK_FORMAT,
    count: records.length,
    dict,
    scalars,
    tags,
    dx: records.map((r) => r.dxLevels.join('')),
    photo: records.map((r) => r.photo),
    ...(records.some((r) => r.awards) && { awards: records.map((r) => r.awards ?? null) }),
    ...(records.some((r) => r.concurrentUnitIds || r.onLeave) && {
      roster: records.map((r) =>
        r.concurrentUnitIds || r.onLeave
          ? {
              ...(r.concurrentUnitIds && { concurrentUnitIds: r.concurrentUnitIds }),
              ...(r.onLeave && { onLeave: true as const }),
            }
          : null,
      ),
    }),
  };
}

export class ChunkFormatError extends Error {
  override name = 'ChunkFormatError';
  constructor(readonly problem: Problem<'directory.chunkInvalid' | 'directory.chunkCorrupt'>) {
    super(problem.code);
  }
}

/**
 * Decodes a chunk. Structure is checked column by column (cheap); each record goes through `check`
 * only when one is given (`parseDirectoryRecord`, on the server and in tests): the client trusts
 * its own server's chunks, and 40,000 per-record parses would cost more than the IndexedDB write
 * itself. Passed in rather than imported, so the schemas stay out of the app's entry chunk.
 */
export function decodeChunk(
  raw: unknown,
  options: { check?: (record: DirectoryRecord) => DirectoryRecord } = {},
): DirectoryRecord[] {
  if (!isEncodedChunk(raw)) throw new ChunkFormatError(problem('directory.chunkInvalid'));
  const { count, dict, scalars, tags, dx, photo, awards, roster } = raw;
  const out: DirectoryRecord[] = new Array<DirectoryRecord>(count);
  const tag = (i: number) => dict[i] ?? '';
  for (let i = 0; i < count; i++) {
    const s = (f: (typeof SCALAR_FIELDS)[number]) => scalars[f][i] ?? '';
    const record = {
      id: s('id'),
      familyName: s('familyName'),
      givenName: s('givenName'),
      familyKana: s('familyKana'),
      givenKana: s('givenKana'),
      altFamilyName: s('altFamilyName'),
      altFamilyKana: s('altFamilyKana'),
      unitId: s('unitId'),
      title: s('title'),
      // The column check below guarantees these came from the encoder's typed records.
      jobLevel: s('jobLevel') as DirectoryRecord['jobLevel'],
      employment: s('employment') as DirectoryRecord['employment'],
      extension: s('extension'),
      email: s('email'),
      intro: s('intro'),
      skills: (tags.skills[i] ?? []).map(tag),
      hobbies: (tags.hobbies[i] ?? []).map(tag),
      qualifications: (tags.qualifications[i] ?? []).map(tag),
      dxLevels: Array.from(dx[i] ?? '00000', Number),
      photo: photo[i] ?? null,
      ...(shownAwards(awards, i) && { awards: shownAwards(awards, i) }),
      ...roster?.[i],
    } satisfies DirectoryRecord;
    out[i] = options.check ? options.check(record) : record;
  }
  return out;
}

function shownAwards(column: EncodedChunk['awards'], i: number): DirectoryRecord['awards'] {
  return column?.[i] ?? undefined;
}

function isEncodedChunk(raw: unknown): raw is EncodedChunk {
  if (typeof raw !== 'object' || raw === null) return false;
  const c = raw as Partial<EncodedChunk>;
  if (c.format !== CHUNK_FORMAT || typeof c.count !== 'number' || !Array.isArray(c.dict)) return false;
  const n = c.count;
  const scalars = c.scalars;
  const tags = c.tags;
  if (!scalars || !tags || !Array.isArray(c.dx) || !Array.isArray(c.photo)) return false;
  return (
    SCALAR_FIELDS.every((f) => Array.isArray(scalars[f]) && scalars[f].length === n) &&
    TAG_FIELDS.every((f) => Array.isArray(tags[f]) && tags[f].length === n) &&
    c.dx.length === n &&
    c.photo.length === n &&
    (c.awards === undefined || (Array.isArray(c.awards) && c.awards.length === n)) &&
    (c.roster === undefined || (Array.isArray(c.roster) && c.roster.length === n))
  );
}

/**
 * A chunk as the device keeps it: the JSON text the server sent (after gunzip), with its count.
 * Stored as text because IndexedDB writes one string far faster than 1,000 decoded objects
 * (40,000 people: about 1.2 s as objects, a small fraction of that as text, at 4x CPU throttle);
 * the records are decoded when a screen reads them.
 */
export interface ChunkText {
  count: number;
  json: string;
}

/** Checks a chunk's structure before it may replace a good one on the device. */
export function chunkText(json: string): ChunkText {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new ChunkFormatError(problem('directory.chunkCorrupt'));
  }
  if (!isEncodedChunk(raw)) throw new ChunkFormatError(problem('directory.chunkInvalid'));
  return { count: raw.count, json };
}

export function toChunkText(records: readonly DirectoryRecord[]): ChunkText {
  return { count: records.length, json: JSON.stringify(encodeChunk(records)) };
}

export function decodeChunkText(chunk: Pick<ChunkText, 'json'>): DirectoryRecord[] {
  return decodeChunk(JSON.parse(chunk.json));
}

/** Splits records into chunk-sized slices, in the given order. */
export function splitIntoChunks<T>(items: readonly T[], size = CHUNK_SIZE): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
