import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** The import rules of docs/architecture.md, enforced per folder. */
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'https', 'child_process', 'url', 'util', 'stream', 'worker_threads'];
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'reports/**', 'test-results/**', 'native/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: restrict(
      [...nodeBuiltins, 'electron', 'react', 'react-dom', 'better-sqlite3', '**/core/**', '**/main/**', '**/server/**', '**/renderer/**', '**/cli/**'],
      'src/shared holds the contract only: zod and plain TypeScript.',
    ),
  },
  {
    files: ['src/core/**/*.ts'],
    rules: restrict(
      ['electron', 'node:http', 'node:https', 'http', 'https', 'react', 'react-dom', '**/main/**', '**/server/**', '**/renderer/**', '**/cli/**', '**/preload/**'],
      'src/core is the domain: no hosts, no HTTP, no UI.',
    ),
  },
  {
    files: ['src/main/**/*.ts'],
    rules: restrict(
      ['**/server/**', '**/renderer/**', '**/cli/**', '**/core/!(rpc|paths|clock)', '**/core/!(rpc|paths)/**', 'react'],
      'The Electron host reaches the core only through core/rpc, core/paths and the clock.',
    ),
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: restrict([...nodeBuiltins, '**/core/**', '**/main/**', '**/server/**', '**/renderer/**', 'react'], 'The preload exposes one narrow bridge: shared and electron only.'),
  },
  {
    files: ['src/server/**/*.ts'],
    rules: restrict(
      ['electron', '**/renderer/**', '**/main/**', '**/cli/**', '**/core/!(rpc|paths|clock)', '**/core/!(rpc|paths)/**', 'react'],
      'The web host reaches the core only through core/rpc, core/paths and the clock.',
    ),
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: restrict(['electron', '**/renderer/**', '**/main/**', '**/server/**', 'react'], 'The CLI drives the core; it knows no other host.'),
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict(
      [...nodeBuiltins, 'electron', 'better-sqlite3', '**/core/**', '**/main/**', '**/server/**', '**/cli/**'],
      'The renderer talks to the core only through the bridge.',
    ),
  },
);
