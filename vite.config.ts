/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { SNAPSHOT_OPTIONS } from './src/features/directory/snapshot.ts';
import { parseInert, showSnapshot } from './src/features/directory/snapshot-html.ts';

/**
 * The copy of the last first screen is shown by a script in index.html itself, right after the
 * app's root: it runs before the first paint, while the app's own script is still loading. Built
 * pages only: in development the styles come with the script, so a copy would paint unstyled.
 */
function firstScreenSnapshot(): Plugin {
  // Minified: it is read and run before the first paint on every start.
  const call = transformSync(
    `(${showSnapshot.toString()})(window, ${JSON.stringify(SNAPSHOT_OPTIONS)}, ${parseInert.toString()});`,
    {
      minify: true,
      target: 'es2022',
    },
  ).code.trim();
  return {
    name: 'first-screen-snapshot',
    apply: 'build',
    transformIndexHtml(html) {
      const root = '<div id="root"></div>';
      if (!html.includes(root)) throw new Error(`index.html has no ${root}`);
      return html.replace(root, `${root}\n    <script>${call}</script>`);
    },
  };
}

/**
 * The headers Hosting sends with every response (firebase.json), for the dev and preview servers
 * too: cross-origin isolation is what lets the search worker share its answers' memory with the
 * page (src/features/directory/answer-channel.ts).
 */
function hostingHeaders(): Record<string, string> {
  const config = JSON.parse(readFileSync(new URL('./firebase.json', import.meta.url), 'utf8')) as {
    hosting: { headers: { source: string; headers: { key: string; value: string }[] }[] };
  };
  const all = config.hosting.headers.find((h) => h.source === '**')?.headers ?? [];
  return Object.fromEntries(all.map((h) => [h.key, h.value]));
}

export default defineConfig({
  server: { headers: hostingHeaders() },
  preview: { headers: hostingHeaders() },
  plugins: [
    react(),
    firstScreenSnapshot(),
    VitePWA({
      // The user decides when to reload: a ward officer may be mid-edit when a new version lands.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'apple-touch-icon.png'],
      manifest: {
        name: '職員名鑑 — 顔が見える職場',
        short_name: '職員名鑑',
        description: '職員の顔・所属・内線をすぐに探し、エールを送り合うためのアプリ',
        lang: 'ja',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: '#1f5f8b',
        background_color: '#f7f5f0',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The app shell: everything the build emits, so the app opens with no signal after one visit.
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        navigateFallback: '/index.html',
        // API answers are never served from the service worker cache: the device store (Dexie) is
        // the offline copy, and a stale cached API answer would hide real sync state.
        navigateFallbackDenylist: [/^\/api\//],
        runtimeCaching: [
          {
            // Photos are content-addressed (the URL is the hash), so a cached one is never stale;
            // the expiry only bounds the space 40,000 faces could take on a phone.
            urlPattern: ({ url }) => url.pathname.startsWith('/api/photos/'),
            handler: 'CacheFirst',
            options: {
              cacheName: 'photos',
              expiration: { maxEntries: 2000, maxAgeSeconds: 60 * 60 * 24 * 90 },
              cacheableResponse: { statuses: [200] },
            },
          },
        ],
      },
      devOptions: { enabled: false },
    }),
  ],
  resolve: {
    alias: [
      {
        find: /^use-sync-external-store\/shim(\/index\.js)?$/,
        replacement: fileURLToPath(new URL('./src/app/use-sync-external-store-shim.ts', import.meta.url)),
      },
    ],
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Everything the entry imports statically, in the entry chunk itself. Left alone, the
          // bundler moves React (shared by the entry and the lazy screens) into a chunk of its own
          // that index.html preloads beside the entry: the same bytes in two gzip streams, 0.65 KB
          // more of the critical budget (rolldown/rolldown#9963). Lazy screens are untouched: a
          // module only they import has no `$initial` tag. See docs/ARCHITECTURE.md, "Bundle".
          groups: [{ name: 'index', tags: ['$initial'] }],
        },
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'src/domain/**/*.test.ts',
            'src/sync/**/*.test.ts',
            'tools/**/*.test.ts',
            'bench/**/*.test.ts',
            'functions/src/**/*.test.ts',
          ],
          exclude: ['**/*.standin.test.ts', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          include: [
            'src/db/**/*.test.ts',
            'src/features/**/*.test.{ts,tsx}',
            'src/app/**/*.test.{ts,tsx}',
            'src/ui/**/*.test.{ts,tsx}',
            'src/i18n/**/*.test.{ts,tsx}',
            'src/platform/**/*.test.ts',
          ],
          setupFiles: ['tests/setup/component.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'contract-standin',
          environment: 'node',
          include: ['functions/src/**/*.standin.test.ts'],
          exclude: ['**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          // Browser-only code (canvas, image encoding, layout) in real Chromium, without the stack.
          name: 'browser',
          environment: 'node',
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 60_000,
          // Bundling the page and starting Chromium beside the other projects on a 2-core CI
          // machine took longer than Vitest's default 10 s.
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          // Integration and end-to-end tests share one local stack (stand-in, Auth, Functions,
          // Hosting), started once; they run one file at a time because they share its data.
          name: 'stack',
          environment: 'node',
          include: ['tests/integration/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/stack/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
