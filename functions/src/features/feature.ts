/**
 * What a server feature is: one folder under features/ exporting one ServerFeature, and one line
 * in SERVER_FEATURES (features/index.ts). The router, the push handler, the /sync handler and
 * both contract-test entry points loop over that list; nothing else names a feature.
 */
import * as v from 'valibot';
import type { Mutation } from '../../../src/domain/mutations';
import type { Claims, PushResult } from '../../../src/domain/protocol';
import type { Role } from '../../../src/domain/org';
import { SYNC_FEEDS, type FeedAnswer, type FeedCursor, type FeedName } from '../../../src/domain/sync-protocol';
import type { ApiRequest, ApiResponse } from '../api/http';
import { problem } from '../../../src/domain/problems';
import { badRequest } from '../api/errors';
import type { BatchedRead } from '../kit/batch-read';
import type { TokenCheck } from './access/token';
import type { RetryPolicy } from '../kit/versioned';
import type { FirestoreEnv, MemoryEnv, ServerStores } from './stores';

export interface RouteContext {
  request: ApiRequest;
  claims: Claims;
  params: readonly string[];
  stores: ServerStores;
  /**
   * The caller's token check (features/access/token.ts). The router has already run it, except for
   * a route with `checksToken`, which must put its reads in its own batched get and call `check()`
   * before it answers.
   */
  token: TokenCheck;
}

export interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  /** Roles allowed; absent means every signed-in member of the organisation. */
  roles?: readonly Role[];
  /**
   * Photos load through <img>, which sends no Authorization header: these routes also take the ID
   * token from the `__session` cookie (the one cookie Firebase Hosting passes to functions).
   */
  cookieAuth?: boolean;
  /** The route runs the token check itself, in its own batched read (/sync: no read of its own). */
  checksToken?: boolean;
  /** Only AnonymousRoute sets it. */
  anonymous?: undefined;
  handle(ctx: RouteContext): Promise<ApiResponse>;
}

/**
 * A route that takes no ID token (the anonymous survey answer): it has no claims, the router logs
 * nothing of its request (a fault is logged as its error's name alone), and it answers no role.
 */
export interface AnonymousRoute {
  method: 'POST';
  pattern: RegExp;
  anonymous: true;
  handle(ctx: Omit<RouteContext, 'claims' | 'token'>): Promise<ApiResponse>;
}

export type AnyRoute = Route | AnonymousRoute;

export type MutationOf<K extends Mutation['kind']> = Extract<Mutation, { kind: K }>;

/** One feed's part of a /sync: the reads it needs in the batched get, then its answer. */
export interface FeedPlan {
  reads: readonly BatchedRead[];
  /** Runs after the batched get; when nothing changed it reads nothing more. */
  answer(): Promise<unknown>;
}

export interface ServerFeed<N extends FeedName> {
  name: N;
  plan(
    stores: ServerStores,
    claims: Claims,
    cursor: FeedCursor<N>,
  ): { reads: readonly BatchedRead[]; answer(): Promise<FeedAnswer<N>> };
}

/** A store contract: registers its tests for the stores `make` builds. */
export type ContractSuite = (suite: string, make: () => ServerStores) => void;

export interface FeatureSpec<N extends keyof Omit<ServerStores, 'reads' | 'reader'>, K extends Mutation['kind']> {
  name: N;
  /** The one retry policy of the feature's writes: its twin and its adapter both use it. */
  retry: RetryPolicy;
  store: {
    memory(env: MemoryEnv): ServerStores[N];
    firestore(env: FirestoreEnv): ServerStores[N];
  };
  routes?: readonly AnyRoute[];
  mutations?: { [Kind in K]: (stores: ServerStores, claims: Claims, m: MutationOf<Kind>) => Promise<PushResult> };
  feeds?: readonly ServerFeed<FeedName>[];
}

export interface ServerFeature<
  N extends keyof Omit<ServerStores, 'reads' | 'reader'>,
  K extends Mutation['kind'],
> extends FeatureSpec<N, K> {
  kinds: readonly K[];
  /** Applies `m` if it is one of this feature's kinds; null if it is not. */
  dispatch(stores: ServerStores, claims: Claims, m: Mutation): Promise<PushResult> | null;
  /** Plans the feed `name` from a raw cursor (validated here); null if this feature has no such feed. */
  planFeed(stores: ServerStores, claims: Claims, name: string, cursor: unknown): FeedPlan | null;
}

export function defineFeature<
  N extends keyof Omit<ServerStores, 'reads' | 'reader'>,
  K extends Mutation['kind'] = never,
>(spec: FeatureSpec<N, K>): ServerFeature<N, K> {
  const handlers = spec.mutations;
  // Object.keys gives the spec's own keys, which are exactly K by the mapped type above.
  const kinds = (handlers ? Object.keys(handlers) : []) as K[];
  const isMine = (m: Mutation): m is MutationOf<K> => (kinds as readonly string[]).includes(m.kind);
  return {
    ...spec,
    kinds,
    dispatch(stores, claims, m) {
      if (!handlers || !isMine(m)) return null;
      return applyWith(handlers, stores, claims, m);
    },
    planFeed(stores, claims, name, cursor) {
      const feed = spec.feeds?.find((f) => f.name === name);
      if (!feed) return null;
      return planOne(feed, stores, claims, cursor);
    },
  };
}

function applyWith<K extends Mutation['kind']>(
  handlers: { [Kind in K]: (stores: ServerStores, claims: Claims, m: MutationOf<Kind>) => Promise<PushResult> },
  stores: ServerStores,
  claims: Claims,
  m: MutationOf<K>,
): Promise<PushResult> {
  // m.kind is a K and handlers[m.kind] takes that kind's mutation; TypeScript cannot correlate the
  // two through the mapped type, so the handler is widened to this mutation's type here, once.
  const handler = handlers[m.kind as K] as (
    stores: ServerStores,
    claims: Claims,
    m: MutationOf<K>,
  ) => Promise<PushResult>;
  return handler(stores, claims, m);
}

function planOne<N extends FeedName>(
  feed: ServerFeed<N>,
  stores: ServerStores,
  claims: Claims,
  raw: unknown,
): FeedPlan {
  const cursor = v.safeParse(SYNC_FEEDS[feed.name].cursor, raw);
  if (!cursor.success) throw badRequest(problem('api.syncCursor', { feed: feed.name }));
  // The schema's output is this feed's cursor type; valibot's inference over the indexed
  // SYNC_FEEDS entry is not narrowed by the generic N.
  return feed.plan(stores, claims, cursor.output as FeedCursor<N>);
}

/** Feeds of one feature, typed per name. */
export function defineFeed<N extends FeedName>(feed: ServerFeed<N>): ServerFeed<FeedName> {
  // A ServerFeed<N> is used only through planOne, which validates the cursor with N's own schema.
  return feed as unknown as ServerFeed<FeedName>;
}
