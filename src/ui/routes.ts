import type { ReactNode } from 'react';
import type { AppDb, SessionValue } from '../db/schema';
import type { DirectoryView } from './use-directory';

/** What every screen may be given: the device store, the directory as read so far, who is signed in. */
export interface RouteContext {
  db: AppDb;
  directory: DirectoryView | undefined;
  session: SessionValue;
  /** What a screen shows while what it needs is not there yet. */
  loading: ReactNode;
}

export type RouteParams = Readonly<Record<string, string | undefined>>;

/**
 * One screen of a feature at one path, as the feature's routes.tsx lists them; the app wires
 * every feature's list into its router (src/app/routes.ts). The screen itself is a lazy import in
 * routes.tsx, so its code loads with its route, not with the entry chunk.
 */
export interface FeatureRoute {
  path: string;
  render(context: RouteContext, params: RouteParams): ReactNode;
}
