/**
 * D2, offline search of the directory: build once per directory change, then search per keystroke.
 * Pure: no React, storage or network, so it runs the same in a worker, in tests and in the benchmark.
 */
export { buildSearchIndex } from './build';
export type { SearchEntry, UnitKeys } from './types';
export { normalizeForSearch } from './normalize';
export { search, searchPositions } from './search';
