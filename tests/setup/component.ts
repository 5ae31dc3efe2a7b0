import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Routes are lazy chunks that Vite transforms on first import. On a 2-core CI machine running the
// other projects beside this one, the first screen of a file took over the default 1 s to appear,
// so `findBy…` waits longer; a query that can never match still fails, only later.
configure({ asyncUtilTimeout: 5000 });

// jsdom does not lay out or scroll, and reports window.scrollTo as not implemented; the app scrolls
// to the top on each new screen (src/app/use-scroll-top.ts).
window.scrollTo = () => undefined;

afterEach(() => cleanup());
