import type { Mutation } from '../domain/mutations';
import {
  canTransition,
  isNominationMutation,
  nominationIntentOf,
  reviewRefusal,
  showNominations,
  type AwardsConfig,
  type NominationsPage,
  type NominationView,
  type ShownNomination,
} from '../domain/nominations';
import { ProtocolError } from './status';

/**
 * Nomination sync (C1-C3): "which nominations changed for me since version V", a page at a time.
 * The server decides what this viewer may see; `removed` lists ids they may no longer see (a
 * decided nomination leaves the devices of those who only could endorse it).
 */
export interface NominationTransport {
  nominationsSince(version: number): Promise<NominationsPage>;
  awards(): Promise<AwardsConfig>;
}

export interface NominationCache {
  /** The version the device holds everything up to; kept apart from the rows, since hidden changes advance it too. */
  version(): Promise<number>;
  /** Stores a page and its version atomically: its nominations replace copies, `removed` go, `reset` clears the rest. */
  applyPage(page: NominationsPage): Promise<void>;
  saveAwards(config: AwardsConfig): Promise<void>;
}

const MAX_PAGES = 10_000;

export async function pullNominations(transport: NominationTransport, cache: NominationCache): Promise<number> {
  let since = await cache.version();
  let received = 0;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const page = await transport.nominationsSince(since);
    if (!page.reset && (page.version < since || (page.more && page.version === since))) {
      throw new ProtocolError(`nominations page does not advance: ${since} -> ${page.version}`);
    }
    // Stored even when it holds only removals or hidden changes, so they are not asked for again.
    if (page.reset || page.nominations.length > 0 || page.removed.length > 0 || page.version !== since) {
      await cache.applyPage(page);
    }
    received += page.nominations.length;
    since = page.version;
    if (!page.more) {
      await cache.saveAwards(await transport.awards());
      return received;
    }
  }
  throw new ProtocolError('nominations: too many pages');
}

/** The server's nominations with my unsent nomination mutations laid over them. */
export function shownNominations(
  stored: readonly NominationView[],
  pending: readonly Mutation[],
  selfId: string,
): ShownNomination[] {
  return showNominations(stored, pending.filter(isNominationMutation).map(nominationIntentOf), selfId);
}

export interface Me {
  staffId: string;
  committee: boolean;
  /** My 課 (sectionOf), null when unknown. */
  sectionId: string | null;
}

export interface NominationLists {
  /** I nominated them. */
  mine: ShownNomination[];
  /** Open, not mine, not of me, not yet endorsed by me. */
  toEndorse: ShownNomination[];
  /** For a committee member: ones I may move to its next status. */
  toReview: ShownNomination[];
  /** Awarded to me (shown once awarded), for the consent prompt and my history. */
  awardedToMe: ShownNomination[];
}

/**
 * The 表彰 screen's three lists. `toReview` uses the same eligibility rule as the server, so a
 * committee member is not offered what the server would refuse; `sectionOf` gives each nominee's 課
 * from the device's directory.
 */
export function nominationLists(
  shown: readonly ShownNomination[],
  me: Me,
  sectionOfStaff: (staffId: string) => string | null,
): NominationLists {
  const lists: NominationLists = { mine: [], toEndorse: [], toReview: [], awardedToMe: [] };
  for (const n of shown) {
    if (n.nominees.includes(me.staffId)) {
      if (n.status === 'awarded') lists.awardedToMe.push(n);
      continue;
    }
    if (n.nominator === me.staffId) lists.mine.push(n);
    const open = n.status === 'submitted' || n.status === 'under_review';
    if (open && n.nominator !== me.staffId && !n.endorsers.includes(me.staffId)) lists.toEndorse.push(n);
    if (me.committee && open && canReview(n, me, sectionOfStaff) === null) lists.toReview.push(n);
  }
  return lists;
}

/** Why I may not review this one (the server's words), or null. */
export function canReview(
  n: Pick<ShownNomination, 'nominees' | 'nominator'>,
  me: Me,
  sectionOfStaff: (staffId: string) => string | null,
): string | null {
  return reviewRefusal(
    n,
    { staffId: me.staffId, committee: me.committee, sectionId: me.sectionId },
    n.nominees.map(sectionOfStaff),
  );
}

/** The next statuses the committee may choose from here. */
export function nextStatuses(n: Pick<ShownNomination, 'status'>): ('under_review' | 'awarded' | 'not_awarded')[] {
  return (['under_review', 'awarded', 'not_awarded'] as const).filter((to) => canTransition(n.status, to));
}

/** Awards to me waiting for my answer (shown on the profile or not). */
export function awaitingConsent(shown: readonly ShownNomination[], selfId: string): ShownNomination[] {
  return shown.filter(
    (n) => n.status === 'awarded' && n.nominees.includes(selfId) && n.consent[selfId] === undefined && !n.pending,
  );
}
