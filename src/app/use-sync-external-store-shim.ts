/**
 * Stands in for `use-sync-external-store/shim` (wouter imports it; see vite.config.ts). The shim
 * exists for React before 18; React 19 has the hook itself, so the shim was only bytes in the
 * entry chunk, which the first screen waits for.
 */
export { useSyncExternalStore } from 'react';
