// Layering that only points down: shared <- renderer, shared <- electron/core <- electron/main.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'net', 'http', 'https'];
const restrict = (patterns, message, regexes = []) => ({
  'no-restricted-imports': [
    'error',
    { patterns: [...patterns.map((group) => ({ group: [group], message })), ...regexes.map((regex) => ({ regex, message }))] },
  ],
});

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'resources/**', 'build/**', 'dist/**', 'electron/core/db/migrations/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['shared/**/*.{ts,tsx}'],
    rules: restrict(
      [...nodeBuiltins, 'electron', 'electron/**', '**/electron/**', '**/renderer/**', 'better-sqlite3*', 'drizzle-orm*'],
      'shared/ imports nothing of Node, Electron, the core or the renderer',
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: restrict([...nodeBuiltins, 'electron', '**/electron/**'], 'renderer/ imports only shared/ (and browser libraries)'),
  },
  {
    files: ['electron/core/**/*.{ts,tsx}'],
    rules: restrict(['electron', '**/electron/main/**', '**/electron/preload/**', '**/renderer/**'], 'electron/core never imports electron, main, preload or the renderer', [
      '^(\\.\\./)+(main|preload)(/|$)',
    ]),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: restrict([...nodeBuiltins, '**/core/**', '**/renderer/**'], 'the preload is a few lines over ipcRenderer'),
  },
  {
    files: ['scripts/**/*.{js,mjs}', 'bin/**/*.js', 'test/fixtures/**/*.{js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', __dirname: 'readonly', require: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', AbortController: 'readonly', fetch: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
