import { isFeatureMutation, type Mutation } from '../domain/mutations';
import type { RecognitionMe, RecognitionSettings, Yell, YellsPage } from '../domain/yells';
import { ProtocolError } from './status';

/**
 * エール sync (R1, R2): "which エール changed for me since version V", a page at a time, as
 * communities do. The server decides what this viewer may see; a page's `removed` lists ids the
 * viewer may no longer see (an opt-out of the feed, a private one), and the device forgets them.
 */
export interface YellTransport {
  yellsSince(version: number): Promise<YellsPage>;
}

/** The device's copy of the エール this viewer may see. */
export interface YellCache {
  /** The version the device holds everything up to (0 when it holds nothing). */
  version(): Promise<number>;
  /**
   * Stores a page atomically, with its version: its yells replace the device's copies, its
   * `removed` ids go, and with `reset` everything else goes too.
   */
  applyPage(page: YellsPage): Promise<void>;
}

/** Far more pages than a viewer's エール fill: a server that never says "no more" is a bug. */
const MAX_PAGES = 10_000;

export async function pullYells(transport: YellTransport, cache: YellCache): Promise<number> {
  let since = await cache.version();
  let received = 0;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const page = await transport.yellsSince(since);
    if (!page.reset && (page.version < since || (page.more && page.version === since))) {
      throw new ProtocolError(`yells page does not advance: ${since} -> ${page.version}`);
    }
    // Every page is stored, an empty one too: it carries the version (a page of removals only would
    // otherwise come again each time) and the current feed opt-outs, which change without any yell.
    await cache.applyPage(page);
    received += page.yells.length;
    since = page.version;
    if (!page.more) return received;
  }
  throw new ProtocolError('yells: too many pages');
}

/**
 * What the send screen needs offline (R4): the organisation's values and daily cap, and my own
 * counts. Not versioned: small answers, fetched whole each round and kept for the next offline open.
 */
export interface RecognitionTransport {
  recognitionSettings(): Promise<RecognitionSettings>;
  recognitionMe(): Promise<RecognitionMe>;
}

export interface RecognitionCache {
  saveSettings(settings: RecognitionSettings): Promise<void>;
  saveMe(me: RecognitionMe): Promise<void>;
}

export async function refreshRecognition(transport: RecognitionTransport, cache: RecognitionCache): Promise<void> {
  const [settings, me] = await Promise.all([transport.recognitionSettings(), transport.recognitionMe()]);
  await cache.saveSettings(settings);
  await cache.saveMe(me);
}

/** An エール as the device shows it: the server's copy with my unsent claps laid over, or my unsent send. */
export interface ShownYell extends Yell {
  /** My send or my clap on it waits in the outbox (送信待ち). */
  pending: boolean;
  /** The server refused my send: its message, shown with what I wrote (nothing typed vanishes). */
  rejected: string | null;
}

/**
 * What the device shows, as applyPending does for profiles: stored yells, then my outbox in order.
 * - An unsent send shows as a yell from me (pending) until the server's copy arrives; if the copy is
 *   already here (acknowledged, entry not yet removed) the server's wins.
 * - An unsent clap adds one to a yell I have not clapped yet, once, however often I tapped.
 * - A rejected send shows with the server's message; a rejected clap shows nothing.
 * Newest first by createdAt (server clock for stored ones, my clock for pending ones).
 */
export function showYells(
  stored: readonly Yell[],
  pending: readonly Mutation[],
  rejected: readonly { mutation: Mutation; message: string }[],
  selfId: string,
): ShownYell[] {
  const byId = new Map<string, ShownYell>(stored.map((y) => [y.id, { ...y, pending: false, rejected: null }]));
  for (const { mutation, message } of rejected) {
    if (mutation.kind !== 'yell.send' || byId.has(mutation.yellId)) continue;
    byId.set(mutation.yellId, { ...fromSend(mutation, selfId), rejected: message });
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
