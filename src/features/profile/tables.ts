import type { TableDeclarations } from '../../db/tables';

/**
 * What the server let this viewer see of one person beyond the shared snapshot (restricted fields
 * by audience and role), kept for offline viewing. Cleared on sign-out with everything else.
 */
export interface ProfileDetailRow {
  id: string;
  /** The per-person endpoint's answer, validated by the feature that fetched it. */
  detail: unknown;
  fetchedAt: number;
}

/** The profile's tables: by the database version that added them. */
export const PROFILE_TABLES: TableDeclarations = {
  // Restricted profile fields kept for offline viewing (D4).
  2: { profileDetails: 'id' },
};
