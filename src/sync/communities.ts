/**
 * Communities on the device: their feed (how they are pulled) is declared in
 * src/features/communities/feed.ts and pulled by the engine's one loop (src/sync/engine.ts).
 */
export {};
