import { AppDb } from '../db/schema';

/** The one database of this tab. Created lazily so tests can open their own. */
let db: AppDb | null = null;

export function getDb(): AppDb {
  db ??= new AppDb();
  return db;
}
