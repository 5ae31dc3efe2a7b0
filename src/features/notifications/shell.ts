import { lazy } from 'react';

/** The bell in the app's header. Its count can follow the first paint by a moment: it stays out of the entry chunk. */
export const Bell = lazy(() => import('./Bell').then((m) => ({ default: m.Bell })));
