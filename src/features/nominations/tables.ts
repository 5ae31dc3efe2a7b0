import type { NominationView } from '../../domain/nominations';
import type { TableDeclarations } from '../../db/tables';

/** A nomination (C1-C3) as the server let this viewer see it (NominationView). */
export type NominationRow = NominationView;

/** `awards`: HR's award list, for the new-nomination form offline (how far nominations synced is a feed cursor). */
export interface NominationMetaRow {
  key: 'awards';
  value: unknown;
}

/** A nomination being written, kept on the device until it is sent (then deleted with it). */
export interface NominationDraftRow {
  id: string;
  awardId: string;
  nominees: string[];
  teamName: string;
  reason: string;
  yellIds: string[];
  updatedAt: number;
}

/** Commendations' tables (C1-C3): nominations this viewer may see, the awards, drafts kept until sent. */
export const NOMINATION_TABLES: TableDeclarations = {
  4: { nominations: 'id, version, status, createdAt', nominationMeta: 'key', nominationDrafts: 'id, updatedAt' },
};
