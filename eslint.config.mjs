// ESLint with typescript-eslint (the house style): the recommended rules, type-aware where they catch real bugs.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/out/**', 'node_modules/**', 'test/e2e/vsix-host/**', '**/*.mjs', '**/*.cjs', '**/*.js'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off', // corpus text has NUL and control characters that the decoder looks for on purpose
    },
  },
);
