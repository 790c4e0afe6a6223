// ESLint with typescript-eslint (the house style): the recommended rules, type-aware where they catch real bugs.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';
import regexp from 'eslint-plugin-regexp';

/** Editor and LSP packages: the core knows none of them; shared/ only the protocol's types. */
const EDITOR_PACKAGES = ['vscode', 'vscode/**', 'vscode-languageclient', 'vscode-languageclient/**', 'vscode-languageserver', 'vscode-languageserver/**', 'vscode-languageserver-textdocument', 'vscode-languageserver-textdocument/**'];
/** Every Node built-in (fs, child_process, net, worker_threads…), bare or `node:`: the core reads nothing itself. */
const NODE_BUILTINS = ['node:*', ...builtinModules.flatMap(name => [name, `${name}/**`])];

// The fences of ARCHITECTURE.md; test/lint/fences.test.ts breaks each one and expects this config to fail it.
const fences = [
  {
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: [...EDITOR_PACKAGES, 'vscode-languageserver-protocol', 'vscode-languageserver-protocol/**', 'vscode-jsonrpc', 'vscode-jsonrpc/**'], message: 'The core is plain TypeScript: no editor or LSP package (the LSP layer converts).' },
        { group: NODE_BUILTINS, message: 'The core does no I/O: reach files through the host interface (core/corpus/workspace.ts).' },
      ] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: EDITOR_PACKAGES, message: 'shared/ is imported by the client and the server: protocol types only (vscode-languageserver-protocol).' },
        { group: NODE_BUILTINS, message: 'shared/ is imported by the client and the server: no Node I/O.' },
      ] }],
    },
  },
  {
    files: ['client/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/server/src', '**/server/src/**', '**/server/out/**'], message: 'The client talks to the server through the protocol: import from shared/, not server internals.' },
      ] }],
    },
  },
];

export default tseslint.config(
  { ignores: ['**/out/**', 'node_modules/**', 'test/e2e/vsix-host/**', '**/*.mjs', '**/*.cjs', '**/*.js'] },
  ...tseslint.configs.recommendedTypeChecked,
  { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
  {
    // Corpus text is untrusted and large: no pattern run on it may backtrack super-linearly (issue 7).
    files: ['server/src/**/*.ts'],
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      'regexp/no-misleading-capturing-group': 'error',
    },
  },
  {
    rules: {
      // Functions implementing a Promise-returning interface (a host, a store) are async with nothing to await.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off', // corpus text has NUL and control characters that the decoder looks for on purpose
    },
  },
  {
    // node:test's test() and describe() return promises that the runner itself awaits.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
  ...fences,
);
