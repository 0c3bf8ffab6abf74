import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'data/',
      'coverage/',
      'test/artifacts/',
      'views/',
      'public/js/lesson-editor.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  { files: ['src/cli/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'], rules: { 'no-console': 'off' } },
  {
    // Services hold the domain logic; queries are the repositories' (STYLE.md). A transaction
    // reaches a service as database/unit-of-work's Transaction, which it only hands on.
    files: ['src/**/*.service.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'typeorm',
              message: 'Services do not use the ORM: take a Transaction and call a repository.',
            },
            { name: '@nestjs/typeorm', message: 'Inject a repository, not the ORM.' },
          ],
        },
      ],
    },
  },
  { files: ['public/js/**/*.js'], languageOptions: { globals: globals.browser, sourceType: 'script' } },
  { files: ['client/**/*.js'], languageOptions: { globals: globals.browser, sourceType: 'module' } },
  {
    files: ['*.js', '*.mjs', 'scripts/**/*.mjs', 'bench/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  { files: ['bench/**/*.mjs'], rules: { 'no-console': 'off' } },
);
