// ESLint with typescript-eslint (the house style): the recommended rules, type-aware where they catch real bugs.
import tseslint from 'typescript-eslint';
import regexp from 'eslint-plugin-regexp';

export default tseslint.config(
  { ignores: ['**/out/**', 'node_modules/**', 'test/e2e/vsix-host/**', '**/*.mjs', '**/*.cjs', '**/*.js'] },
  ...tseslint.configs.recommended,
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
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off', // corpus text has NUL and control characters that the decoder looks for on purpose
    },
  },
);
