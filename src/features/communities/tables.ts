import type { TableDeclarations } from '../../db/tables';

/** A community (interest circle) as the device last saw it. */
export interface CommunityRow {
  id: string;
  name: string;
  description: string;
  memberIds: string[];
  createdBy: string;
  createdAt: string;
}

/** The communities' tables (D6): by the database version that added them. */
export const COMMUNITY_TABLES: TableDeclarations = {
  2: { communities: 'id, name' },
};
