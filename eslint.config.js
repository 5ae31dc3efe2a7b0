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
            message: `src/${layer} must not depend on outer layers (ARCHITECTURE.md section 5).`,
          },
        ],
      },
    ],
  },
});

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
    ignores: ['src/platform/**', 'src/domain/**', 'src/sync/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['firebase', 'firebase/*', '@firebase/*'],
              message: 'Only src/platform imports firebase (ARCHITECTURE.md section 5).',
            },
          ],
        },
      ],
    },
  },
);
