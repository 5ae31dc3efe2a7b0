import type { DirectoryRecord } from '../staff';
import type { CompiledIndex } from './compiled';

/** What a 係 and the 課 and 部 above it are found by; one object shared by everyone sitting in it. */
export interface UnitKeys {
  /** Names and readings of the unit and its ancestors, normalised, each ending with SEP. */
  readonly text: string;
  /** Folded romaji of those readings, each ending with SEP. */
  readonly roma: string;
}

/**
 * One person in an index. The searchable text lives in the index's shared haystacks, not here, so
 * 40,000 entries cost 40,000 small objects and no strings; position says where to find it, which
 * also lets a filtered copy of an index be searched.
 */
export interface SearchEntry {
  readonly record: DirectoryRecord;
  readonly source: CompiledIndex;
  readonly position: number;
}
