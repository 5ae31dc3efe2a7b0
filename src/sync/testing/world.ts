import { SyncEngine } from '../engine';
import type { AnyFeed } from '../feed';
import { FakeDirectoryStore, FakeOutbox } from './device';
import { LockHub } from './locks';
import { makeRecord } from './records';
import { FakeServer } from './server';
import { ManualClock } from './time';
import { FakeTransport } from './transport';

/**
 * A server, a shared clock, one origin's lock hub and outbox, and a way to open tabs (engines) on them. Tabs
 * share the outbox and directory store as tabs share IndexedDB. `feeds` adds feeds beside the directory (their
 * server side served on each tab's transport).
 */
export function createWorld(
  options: { selfId?: string; random?: () => number; feeds?: (transport: FakeTransport) => readonly AnyFeed[] } = {},
) {
  const selfId = options.selfId ?? 'u-self';
  const server = new FakeServer();
  server.write([makeRecord(selfId, { familyName: '佐藤', intro: '' })]);
  const clock = new ManualClock();
  const locks = new LockHub();
  const outbox = new FakeOutbox();
  const directory = new FakeDirectoryStore();
  const openTab = (tab: string, overrides: { transport?: FakeTransport; directory?: FakeDirectoryStore } = {}) => {
    const transport = overrides.transport ?? new FakeTransport(server, selfId);
    const engine = new SyncEngine(
      {
        transport,
        directory: overrides.directory ?? directory,
        outbox,
        locks: locks.tab(tab),
        clock,
        feeds: options.feeds?.(transport) ?? [],
      },
      { random: options.random ?? (() => 0.5) },
    );
    return { engine, transport };
  };
  return { selfId, server, clock, locks, outbox, directory, openTab };
}
