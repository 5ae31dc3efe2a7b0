import type { AppDb } from '../db/schema';

export interface Connection {
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

/**
 * A Connection whose code (firebase, the sync loop) is fetched only when first needed, so it stays
 * out of the critical bundle. `load()` starts it early, right after the first paint.
 */
export function lazyConnection(db: AppDb): Connection & { load(): Promise<Connection> } {
  let loading: Promise<Connection> | null = null;
  const load = () => (loading ??= import('./connect').then((m) => m.connect(db)));
  return {
    load,
    signIn: async (email, password) => (await load()).signIn(email, password),
    signOut: async () => (await load()).signOut(),
  };
}
