import { isFeatureMutation, type Mutation } from '../domain/mutations';
import type { Yell } from '../domain/yells';
import { refusalOf, type Refusal } from '../domain/problems';

/** An エール as the device shows it: the server's copy with my unsent claps laid over, or my unsent send. */
export interface ShownYell extends Yell {
  /** My send or my clap on it waits in the outbox (送信待ち). */
  pending: boolean;
  /** The server refused my send: its message, shown with what I wrote (nothing typed vanishes). */
  /** Why the server refused it (a send of mine), else null. */
  rejected: Refusal | null;
}

/**
 * What the device shows, as applyPending does for profiles: stored yells, then my outbox in order.
 * - An unsent send shows as a yell from me (pending) until the server's copy arrives; if the copy is
 *   already here (acknowledged, entry not yet removed) the server's wins.
 * - An unsent clap adds one to a yell I have not clapped yet, once, however often I tapped.
 * - A rejected send shows with the server's refusal; a rejected clap shows nothing.
 * Newest first by createdAt (server clock for stored ones, my clock for pending ones).
 */
export function showYells(
  stored: readonly Yell[],
  pending: readonly Mutation[],
  rejected: readonly (Refusal & { mutation: Mutation })[],
  selfId: string,
): ShownYell[] {
  const byId = new Map<string, ShownYell>(stored.map((y) => [y.id, { ...y, pending: false, rejected: null }]));
  for (const { mutation, ...refusal } of rejected) {
    if (mutation.kind !== 'yell.send' || byId.has(mutation.yellId)) continue;
    byId.set(mutation.yellId, { ...fromSend(mutation, selfId), rejected: refusalOf(refusal) });
  }
  for (const m of pending.filter(isFeatureMutation('yells'))) {
    const current = byId.get(m.yellId);
    if (m.kind === 'yell.send') {
      if (!current) byId.set(m.yellId, { ...fromSend(m, selfId), pending: true });
    } else if (current && !current.clappedByMe && current.from !== selfId) {
      byId.set(m.yellId, { ...current, clapCount: current.clapCount + 1, clappedByMe: true, pending: true });
    }
  }
  return [...byId.values()].sort((a, b) => cmp(b.createdAt, a.createdAt) || cmp(a.id, b.id));
}

function fromSend(m: Extract<Mutation, { kind: 'yell.send' }>, selfId: string): ShownYell {
  return {
    id: m.yellId,
    from: selfId,
    to: [...m.to],
    message: m.message,
    value: m.value,
    visibility: m.visibility,
    createdAt: m.createdAt,
    version: 0,
    clapCount: 0,
    clappedByMe: false,
    pending: false,
    rejected: null,
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
