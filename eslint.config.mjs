// ESLint's flat config at the root, where editors and a plain `npx eslint` find it.
// Three guards beyond style: type-checked rules on source code, the import boundaries of
// docs/architecture.md (tools/eslint/boundaries.mjs), and no source file over 300 lines.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import throughline from './tools/eslint/boundaries.mjs';

/** Shipped source: the strict, type-checked set. */
const SOURCE = ['apps/api/src/**/*.ts', 'apps/web/src/**/*.{ts,tsx}', 'libs/domain/src/**/*.ts'];
/** Tests keep the lighter set (mocks and fixtures are loosely typed on purpose). */
const TESTS = ['**/*.spec.ts', '**/*.spec.tsx', '**/*.e2e-spec.ts', '**/test/**', '**/e2e/**'];

/** Packages libs/domain never imports: it is plain TypeScript the API and the browser share. */
const FRAMEWORKS = [
  '@nestjs/*',
  'typeorm',
  'class-validator',
  'class-transformer',
  'reflect-metadata',
  'rxjs',
  'express',
  'pg',
  'react',
  'react-dom',
  'react-dom/*',
  '@xyflow/*',
  '@tanstack/*',
  'd3-hierarchy',
];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/.data/**',
      '**/test-results/**',
      '**/playwright-report/**',
      '**/*.cjs',
      'docs/**',
      'bench/out/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      // Each file is type-checked with its nearest tsconfig.json (migrations/ has its own).
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
    },
  },
  {
    files: SOURCE,
    ignores: TESTS,
    extends: [tseslint.configs.recommendedTypeCheckedOnly],
  },
  {
    files: ['apps/web/**/*.tsx', 'apps/web/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: TESTS,
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  // Import boundaries (docs/architecture.md, "Module map").
  {
    files: ['apps/**/*.{ts,tsx}', 'libs/**/*.ts'],
    plugins: { throughline },
    rules: { 'throughline/boundaries': 'error' },
  },
  {
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: FRAMEWORKS, message: 'libs/domain is framework-free (docs/architecture.md).' },
            { group: ['node:*'], message: 'libs/domain also runs in the browser: no Node built-ins.' },
          ],
        },
      ],
    },
  },
  // No source file over 300 lines (blank lines and comments aside); generated files excepted.
  {
    files: ['apps/**/*.{ts,tsx}', 'libs/**/*.{ts,tsx}'],
    ignores: ['**/*.gen.ts'],
    rules: { 'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }] },
  },
);
