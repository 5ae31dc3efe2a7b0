import type { CommunitiesPage } from '../domain/communities';
import { ProtocolError } from './status';

/**
 * Community sync (D6): "which communities changed since version V", a page at a time. Versions are
 * the server's, unique per change, so paging by them never skips or repeats one; no clock decides.
 */
export interface CommunityTransport {
  communitiesSince(version: number): Promise<CommunitiesPage>;
}

/** The device's copy of the communities. */
export interface CommunityCache {
  /** The version the device holds everything up to (0 when it holds nothing). */
  version(): Promise<number>;
  /** Stores a page atomically: its communities replace the device's copies, and with `reset` everything else goes. */
  applyPage(page: CommunitiesPage): Promise<void>;
}

/** Pages far more than any organisation has communities: a server that never says "no more" is a bug. */
const MAX_PAGES = 1000;

export async function pullCommunities(transport: CommunityTransport, cache: CommunityCache): Promise<number> {
  let since = await cache.version();
  let received = 0;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const page = await transport.communitiesSince(since);
    if (!page.reset && (page.version < since || (page.more && page.version === since))) {
      throw new ProtocolError(`communities page does not advance: ${since} -> ${page.version}`);
    }
    if (page.reset || page.communities.length > 0) await cache.applyPage(page);
    received += page.communities.length;
    since = page.version;
    if (!page.more) return received;
  }
  throw new ProtocolError('communities: too many pages');
}
