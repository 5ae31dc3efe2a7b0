import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const pureLayer = (layer) => ({
  files: [`src/${layer}/**/*.{ts,tsx}`],
  ignores: ['**/*.test.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: [
              'react',
              'react-dom',
              'react/*',
              'dexie',
              'dexie-*',
              'firebase',
              'firebase/*',
              '@firebase/*',
              'zustand',
            ],
            message: `src/${layer} is pure: it runs in the functions and in tests without a browser. Talk to a port instead.`,
          },
          {
            group: ['**/db/**', '**/platform/**', '**/features/**', '**/app/**'],
            message: `src/${layer} must not depend on outer layers (docs/ARCHITECTURE.md).`,
          },
        ],
      },
    ],
  },
});

const onlyPlatformLoadsFirebase = {
  group: ['firebase', 'firebase/*', '@firebase/*'],
  message: 'Only src/platform imports firebase (docs/ARCHITECTURE.md).',
};

const featuresDoNotImportApp = {
  regex: String.raw`^(\.\./)+app(/|$)`,
  message:
    'src/app wires the features: a feature does not import it. Shared pieces live in src/ui, src/i18n, src/db or src/sync; tests render the app with tests/fixtures/app.tsx.',
};

/** `../other/anything-but-public` or `…/features/other/anything-but-public`. */
const onlyThroughPublic = {
  regex: String.raw`^(\.\./(?!\.\.)|.*/features/)[^/]+/(?!public$).+`,
  message: "A feature uses another feature only through that feature's public.ts.",
};

export default tseslint.config(
  { ignores: ['dist', 'functions/lib', 'functions/node_modules', 'node_modules', 'dev-dist', 'coverage', '.stack'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  pureLayer('domain'),
  pureLayer('sync'),
  {
    // Only src/platform may load firebase: it is lazy-loaded after first paint, and keeping it in
    // one place is what keeps it out of the critical bundle.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/platform/**', 'src/domain/**', 'src/sync/**', 'src/features/**', 'src/ui/**', 'src/i18n/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [onlyPlatformLoadsFirebase] }] },
  },
  {
    // Shared UI and the languages serve every feature, so they know none of them, nor the app.
    files: ['src/ui/**/*.{ts,tsx}', 'src/i18n/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            onlyPlatformLoadsFirebase,
            {
              regex: String.raw`(^(\.\./)+app(/|$))|(^(\.\./)+features/)`,
              message: 'src/ui and src/i18n are shared by the features: they import neither a feature nor src/app.',
            },
          ],
        },
      ],
    },
  },
  {
    // src/app wires the features; a feature never reaches back into it. A feature uses another one
    // only through that feature's public.ts (what it offers others: a card, a hook); everything
    // else in a feature's folder is its own. Shared pieces live in src/ui, src/i18n, src/db, src/sync.
    files: ['src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [onlyPlatformLoadsFirebase, featuresDoNotImportApp, onlyThroughPublic],
        },
      ],
    },
  },
);
