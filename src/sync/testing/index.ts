/**
 * In-memory twins of the sync ports, for tests, one seam per file: the server (server.ts), the
 * network between it and a device (transport.ts), the device's stores (device.ts), the Web Locks
 * of one origin (locks.ts), time (time.ts), sample records (records.ts), and a world wiring them
 * into tabs (world.ts). They model the behaviour the engine relies on (the server applies each
 * mutation id at most once, pages by version, serves immutable snapshots; the lock is shared by
 * tabs and released when a tab dies), and they copy everything that crosses the "network", so
 * nothing is shared by reference between client and server. No test framework imports: feature
 * tests may use them too.
 */
export * from './device';
export * from './feeds';
export * from './locks';
export * from './records';
export * from './server';
export * from './time';
export * from './transport';
export * from './world';
