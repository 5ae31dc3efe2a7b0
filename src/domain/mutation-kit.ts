import * as v from 'valibot';
import { says } from './issues';
import type { Problem } from './problems';

/**
 * What every mutation kind is made of, apart from the kinds themselves: the fields all of them
 * carry, and `defineKind`, with which each feature declares its kinds beside its own domain module
 * (profile-edit.ts, communities.ts, yells.ts, nominations/kinds.ts). The registry that gathers
 * them is mutations.ts. This module imports no feature, so a feature's kinds never make a cycle.
 */

/**
 * A mutation is what the outbox carries: one user intent with a client-made ID. The server applies
 * each ID at most once, so a replay (lost acknowledgement, second tab, reload) is harmless.
 */
export const MutationIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,64}$/, says('mutation.idInvalid')));

/** Client clock, for display only: ordering on the server never trusts it. */
export const CreatedAtSchema = v.pipe(v.string(), v.isoTimestamp());

/**
 * The one id generator of the device for what it makes: mutation ids and the ids of things it
 * creates (communities, nominations, エール). A UUID is letters, digits and hyphens, 36 long, which
 * every id schema accepts.
 */
export function newId(): string {
  return crypto.randomUUID();
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; problem: Problem };

/**
 * The schema of one kind: an object with its `kind` literal, the mutation id and the client clock
 * (`id: MutationIdSchema, createdAt: CreatedAtSchema`).
 */
export type KindSchema = v.ObjectSchema<{ kind: v.LiteralSchema<string, undefined> } & v.ObjectEntries, undefined> &
  v.GenericSchema<unknown, { kind: string; id: string; createdAt: string }>;

/** One mutation kind as the registry holds it. */
export interface KindSpec<S extends KindSchema = KindSchema, F extends string = string, I = unknown, D = boolean> {
  /** The kind's name, as in its schema. */
  kind: S['entries']['kind']['literal'];
  /** The feature that applies it (on the server) and lays it over its own data (on the device). */
  feature: F;
  schema: S;
  /**
   * What the user meant, without the outbox's bookkeeping (id; createdAt unless it is part of the
   * meaning): what the server's rule applies, and what the device lays over its copy while the
   * mutation is unacknowledged.
   */
  // A method, so that one kind's spec is a KindSpec<KindSchema> too (its parameter is narrower).
  intent(mutation: v.InferOutput<S>): I;
  /**
   * Applying it may change the author's directory record (their profile, and with it the directory
   * change log every device pulls). The device's reconcile (src/sync/reconcile.ts) must then say
   * what, if anything, the kind shows on the record while it is pending.
   */
  touchesDirectory: D;
}

/** Declares a kind: its name is taken from its schema, and its intent is typed by the schema. */
export function defineKind<S extends KindSchema, const F extends string, I, const D extends boolean>(spec: {
  feature: F;
  schema: S;
  intent: (mutation: v.InferOutput<S>) => I;
  touchesDirectory: D;
}): KindSpec<S, F, I, D> {
  return { kind: spec.schema.entries.kind.literal, ...spec };
}
