import type { AppDb, SessionValue } from './schema';

/** The last signed-in session on this device, or null. */
export async function readSession(db: AppDb): Promise<SessionValue | null> {
  const row = await db.meta.get('session');
  // Only saveSession writes the `session` row.
  return row ? (row.value as SessionValue) : null;
}

export async function saveSession(db: AppDb, session: SessionValue): Promise<void> {
  await db.meta.put({ key: 'session', value: session });
}
