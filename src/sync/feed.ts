import * as v from 'valibot';
import { SYNC_FEEDS, type FeedAnswer, type FeedCursor, type FeedName, type SyncRequest } from '../domain/sync-protocol';
import { ProtocolError } from './status';

/** Each feed's cursor and answer by name, as plain maps: generic code indexes these (`Cursors[F]`). */
export type Cursors = { [F in FeedName]: FeedCursor<F> };
export type Answers = { [F in FeedName]: FeedAnswer<F> };

/**
 * A feed is one thing the device keeps a copy of and brings up to date by asking "what changed
 * since my cursor" (src/domain/sync-protocol.ts). Each feature declares its own in its folder
 * (src/features/<x>/feed.ts); the engine asks every feed in one request and applies each answer.
 */
export interface Feed<F extends FeedName> {
  readonly name: F;
  /** Starts one pull: reads the cursor the device holds now. */
  start(): Promise<FeedPull<F>>;
}

/** One pull of one feed: the cursor to send, and what to do with each answer to it. */
export interface FeedPull<F extends FeedName> {
  /** Where the device stands; sent with the next request. */
  cursor(): Cursors[F];
  /**
   * Stores an answer to `cursor()` together with the cursor it leads to, atomically, so a pull
   * that stops anywhere resumes exactly there. True when the server has more for this feed.
   */
  apply(answer: Answers[F]): Promise<boolean>;
}

export type AnyFeed = { [F in FeedName]: Feed<F> }[FeedName];

/** A feed's pull with its name and its answer's schema bound, so the engine can loop over all feeds alike. */
export interface RunningFeed {
  readonly name: FeedName;
  /** Writes this feed's cursor into the request. */
  ask(request: SyncRequest): void;
  /** Validates the answer with the feed's schema and applies it; true when the server has more. */
  apply(raw: unknown): Promise<boolean>;
}

export async function startFeed<F extends FeedName>(feed: Feed<F>): Promise<RunningFeed> {
  return running(feed.name, await feed.start());
}

/** A pull already started, bound to its feed's name and schema. */
export function running<F extends FeedName>(name: F, pull: FeedPull<F>): RunningFeed {
  return {
    name,
    ask(request) {
      const feeds: { [K in FeedName]?: Cursors[K] } = request.feeds;
      feeds[name] = pull.cursor();
    },
    async apply(raw) {
      const parsed = v.safeParse(SYNC_FEEDS[name].answer, raw);
      if (!parsed.success) {
        const where = parsed.issues.map((i) => `${v.getDotPath(i) ?? '(answer)'}: ${i.message}`).join('; ');
        throw new ProtocolError(`${name}: answer does not match the protocol (${where})`);
      }
      // The schema of feed F parses to F's answer; TypeScript does not follow the generic index through it.
      return pull.apply(parsed.output as Answers[F]);
    },
  };
}

/** The feeds whose cursor is a version and whose answer a page of changes after it. */
export type VersionedFeedName = { [F in FeedName]: Answers[F] extends VersionPage ? F : never }[FeedName];

/** What every versioned page carries; the items are the feed's own. */
export interface VersionPage {
  version: number;
  more: boolean;
  reset: boolean;
}

/** The device's copy behind one versioned feed. */
export interface PageCache<P extends VersionPage> {
  /** The version the device holds everything up to (0 when it holds nothing). */
  version(): Promise<number>;
  /**
   * Stores a page and its version atomically. With `reset`, the device's copy goes first and the
   * page starts it anew. Called for every answer, an unchanged one too: it may carry values kept
   * beside the page (the feed's own), and a cache skips what changes nothing.
   */
  applyPage(page: P): Promise<void>;
}

/**
 * The one rule of every versioned feed: versions never repeat and never go back, so a page must
 * move forward, or promise nothing more; only a reset may go back (the server was reseeded, or
 * the device is ahead of what the server keeps). A page that breaks this would loop or lose
 * changes: it is refused and nothing of it is stored.
 */
export function checkPage(name: string, since: number, page: VersionPage): void {
  if (page.reset) return;
  if (page.version < since || (page.more && page.version === since)) {
    throw new ProtocolError(`${name} page does not advance: ${since} -> ${page.version}`);
  }
}

export function versionedFeed<F extends VersionedFeedName>(name: F, cache: PageCache<Answers[F]>): Feed<F> {
  return {
    name,
    async start() {
      let since = await cache.version();
      return {
        cursor: () => ({ version: since }),
        async apply(page) {
          checkPage(name, since, page);
          await cache.applyPage(page);
          since = page.version;
          return page.more;
        },
      };
    },
  };
}
