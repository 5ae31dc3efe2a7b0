import type { AppDb, SessionValue } from '../db/schema';

export async function readSession(db: AppDb): Promise<SessionValue | null> {
  const row = await db.meta.get('session');
  return row ? (row.value as SessionValue) : null;
}

export async function saveSession(db: AppDb, session: SessionValue): Promise<void> {
  await db.meta.put({ key: 'session', value: session });
}

/**
 * Signing out forgets everything on the device: office PCs are shared, and the directory and any
 * unsent changes belong to the person who signed in.
 */
export async function clearDevice(db: AppDb): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
  });
}
