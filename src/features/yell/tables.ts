import type { TableDeclarations } from '../../db/tables';

/**
 * An エール as the device last saw it (R1, R2): the server's record for this viewer. Unsent ones are
 * not here: they are shown from the outbox, so an acknowledged or rejected send simply stops showing.
 */
export interface YellRow {
  id: string;
  from: string;
  to: string[];
  message: string;
  value: string;
  visibility: 'public' | 'private';
  createdAt: string;
  version: number;
  clapCount: number;
  clappedByMe: boolean;
}

/**
 * Recognition answers kept for offline use, by key: `yells` (who keeps エール about themselves out
 * of the feed), `settings` and `me` (so the send screen works offline), `summary:<unit|all>`.
 * Each value is validated by the code that reads it, as profileDetails are.
 */
export interface RecognitionCacheRow {
  key: string;
  value: unknown;
  fetchedAt: number;
}

/** エール's tables (R1-R4), with what the send screen needs offline: by the database version that added them. */
export const YELL_TABLES: TableDeclarations = {
  3: { yells: 'id, version, from, *to, createdAt', recognition: 'key' },
};
