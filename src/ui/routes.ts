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

/** What a feature renders at one of its paths. */
export type Render = (context: RouteContext, params: RouteParams) => ReactNode;

/**
 * A feature's screens, one per path of its paths.ts (src/features/<name>/routes.tsx): the type
 * holds every path to a screen, and no screen to a path the entry chunk does not know.
 */
export type Screens<P extends readonly string[]> = { readonly [K in P[number]]: Render };

/**
 * A feature as the entry chunk knows it: its paths (tried in order: `/x/new` before `/x/:id`) and
 * the module with its screens, loaded when one of its paths is opened. So a feature costs the entry
 * chunk its paths and one import, whatever its screens hold.
 */
export interface FeatureArea {
  readonly paths: readonly string[];
  load(): Promise<{ readonly screens: Readonly<Record<string, Render>> }>;
}

export function featureArea<const P extends readonly string[]>(
  paths: P,
  load: () => Promise<{ readonly screens: Screens<P> }>,
): FeatureArea {
  return { paths, load };
}
