import { describe, expect, it } from 'vitest';
import { DEFAULT_AWARDS, type AwardsConfig, type NominationView } from '../domain/nominations';
import type { FeedAnswer } from '../domain/sync-protocol';
import { versionedFeed, type PageCache } from './feed';
import { awaitingConsent, nextStatuses, nominationLists, shownNominations } from './nominations';
import { ProtocolError } from './status';
import { pullOne } from './testing';

type NominationsPage = FeedAnswer<'nominations'>;
type NominationCache = PageCache<NominationsPage>;
interface NominationTransport {
  nominationsSince(version: number): Promise<NominationsPage>;
}

/** The nominations feed alone through the engine's loop; the number of nominations received. */
async function pullNominations(server: NominationTransport, cache: NominationCache): Promise<number> {
  let received = 0;
  const counting: NominationCache = {
    version: () => cache.version(),
    applyPage: async (page) => {
      received += page.nominations.length;
      await cache.applyPage(page);
    },
  };
  await pullOne(versionedFeed('nominations', counting), (r) =>
    server.nominationsSince(r.feeds.nominations?.version ?? -1),
  );
  return received;
}

const view = (over: Partial<NominationView> = {}): NominationView => ({
  id: 'nom-00000001',
  awardId: 'shokuin',
  awardLabel: '職員表彰',
  nominator: 'a',
  nominees: ['n1'],
  teamName: '',
  reason: '理由',
  yellIds: [],
  endorsers: [],
  status: 'submitted',
  consent: {},
  createdAt: '2026-04-01T00:00:00.000Z',
  awardYear: null,
  version: 1,
  ...over,
});

function memoryCache(): NominationCache & {
  rows: Map<string, NominationView>;
  v: number;
  awards: AwardsConfig | null;
} {
  return {
    rows: new Map(),
    v: 0,
    awards: null,
    async version() {
      return this.v;
    },
    async applyPage(page) {
      if (page.reset) this.rows.clear();
      for (const id of page.removed) this.rows.delete(id);
      for (const n of page.nominations) this.rows.set(n.id, n);
      if (page.awards) this.awards = page.awards;
      this.v = page.version;
    },
  };
}

function transport(pages: NominationsPage[]): NominationTransport & { asked: number[] } {
  const asked: number[] = [];
  return {
    asked,
    async nominationsSince(version) {
      asked.push(version);
      const page = pages.shift();
      if (!page) throw new Error('no more pages');
      return page;
    },
  };
}

const page = (over: Partial<NominationsPage>): NominationsPage => ({
  nominations: [],
  removed: [],
  version: 0,
  more: false,
  reset: false,
  ...over,
});

describe('pullNominations', () => {
  it('pages by version, drops removed ids, stores the version of a page of hidden changes, and the awards that came', async () => {
    const cache = memoryCache();
    cache.rows.set('gone-00001', view({ id: 'gone-00001' }));
    const t = transport([
      page({ nominations: [view({ version: 3 })], version: 3, more: true }),
      page({ removed: ['gone-00001'], version: 5, more: true }),
      // Changes this viewer may not see: nothing to store but the version (and the awards, which changed).
      page({ version: 9, awards: { awards: [...DEFAULT_AWARDS] } }),
    ]);
    expect(await pullNominations(t, cache)).toBe(1);
    expect(t.asked).toEqual([0, 3, 5]);
    expect([...cache.rows.keys()]).toEqual(['nom-00000001']);
    expect(cache.v).toBe(9);
    expect(cache.awards).toEqual({ awards: DEFAULT_AWARDS });
  });

  it('keeps the awards it has when an answer comes without them (they did not change)', async () => {
    const cache = memoryCache();
    const custom: AwardsConfig = { awards: [{ id: 'kaizen', label: '改善賞' }] };
    await pullNominations(transport([page({ version: 2, awards: custom })]), cache);
    await pullNominations(transport([page({ version: 4 })]), cache);
    expect(cache.awards).toEqual(custom);
    expect(cache.v).toBe(4);
  });

  it('a reset drops everything the device held', async () => {
    const cache = memoryCache();
    cache.v = 40;
    cache.rows.set('old-000001', view({ id: 'old-000001' }));
    await pullNominations(transport([page({ reset: true, nominations: [view()], version: 2 })]), cache);
    expect([...cache.rows.keys()]).toEqual(['nom-00000001']);
    expect(cache.v).toBe(2);
  });

  it('a page that goes backwards is a protocol error, and nothing is stored', async () => {
    const cache = memoryCache();
    cache.v = 5;
    await expect(pullNominations(transport([page({ version: 4 })]), cache)).rejects.toBeInstanceOf(ProtocolError);
    expect(cache.v).toBe(5);
  });
});

describe('the 表彰 lists', () => {
  const sections: Record<string, string> = { n1: 'ka-1', n2: 'ka-2', me: 'ka-9', a: 'ka-9' };
  const sectionOf = (id: string) => sections[id] ?? null;
  const me = { staffId: 'me', committee: true, sectionId: 'ka-2' };

  it('sorts nominations into mine / to endorse / to review / awarded to me', () => {
    const shown = shownNominations(
      [
        view({ id: 'mine-0001', nominator: 'me' }),
        view({ id: 'open-0001' }),
        view({ id: 'endorsed-01', endorsers: ['me'] }),
        view({ id: 'my-section', nominees: ['n2'] }),
        view({ id: 'decided-01', status: 'not_awarded' }),
        view({ id: 'for-me-001', nominees: ['me'], status: 'awarded' }),
      ],
      [],
      'me',
    );
    const lists = nominationLists(shown, me, sectionOf);
    expect(lists.mine.map((n) => n.id)).toEqual(['mine-0001']);
    expect(lists.toEndorse.map((n) => n.id).sort()).toEqual(['my-section', 'open-0001']);
    // Not my own, not one from my 課 (ka-2), not a decided one.
    expect(lists.toReview.map((n) => n.id).sort()).toEqual(['endorsed-01', 'open-0001']);
    expect(lists.awardedToMe.map((n) => n.id)).toEqual(['for-me-001']);
  });

  it('an unsent endorsement takes the nomination out of "to endorse" at once', () => {
    const shown = shownNominations(
      [view()],
      [
        {
          kind: 'nomination.endorse',
          id: 'm-0000001',
          createdAt: '2026-04-02T00:00:00.000Z',
          nominationId: 'nom-00000001',
        },
      ],
      'me',
    );
    expect(nominationLists(shown, { ...me, committee: false }, sectionOf).toEndorse).toEqual([]);
    expect(shown[0]?.pending).toBe(true);
  });

  it('nextStatuses follows the status machine', () => {
    expect(nextStatuses({ status: 'submitted' })).toEqual(['under_review']);
    expect(nextStatuses({ status: 'under_review' })).toEqual(['awarded', 'not_awarded']);
    expect(nextStatuses({ status: 'awarded' })).toEqual([]);
  });

  it('awaitingConsent: awarded to me and not answered yet', () => {
    const shown = shownNominations(
      [
        view({ id: 'ask-000001', nominees: ['me'], status: 'awarded' }),
        view({ id: 'answered-1', nominees: ['me'], status: 'awarded', consent: { me: false } }),
      ],
      [],
      'me',
    );
    expect(awaitingConsent(shown, 'me').map((n) => n.id)).toEqual(['ask-000001']);
  });
});
