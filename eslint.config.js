// Lint rules, including the folder boundaries the architecture depends on: connectors never import the
// gateway or each other; jobs never import the gateway; the hub and the simulators share no code (the
// simulators stand in for external systems, and an independent implementation keeps the tests honest).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const restrict = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});

const connectorNames = readdirSync(join(import.meta.dirname, 'connectors'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const upward = ['**/gateway/**', '**/hub/**', '**/simulators/**'];

export default tseslint.config(
  { ignores: ['node_modules/**', '.data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
    },
  },
  {
    files: ['platform/**/*.ts', 'store/**/*.ts', 'schema/**/*.ts'],
    rules: restrict(
      [...upward, '**/connectors/**', '**/jobs/**'],
      'platform/, store/ and schema/ are foundations: they import nothing above them.',
    ),
  },
  {
    files: ['jobs/**/*.ts'],
    rules: restrict(upward, 'jobs/ never imports the gateway (or hub/ or the simulators).'),
  },
  {
    files: ['feeds/**/*.ts'],
    rules: restrict(
      [...upward, '**/jobs/**'],
      'feeds/ (intake, validation, landing) is shared by the gateway and the jobs, so it imports neither.',
    ),
  },
  {
    files: ['gateway/**/*.ts'],
    rules: restrict(
      ['**/simulators/**', '**/hub/**'],
      'The gateway never uses simulator or composition-root code.',
    ),
  },
  ...connectorNames.map((name) => ({
    files: [`connectors/${name}/**/*.ts`],
    rules: restrict(
      [
        ...upward,
        '**/jobs/**',
        ...connectorNames
          .filter((other) => other !== name)
          .flatMap((other) => [`**/${other}/**`, `**/${other}`]),
      ],
      'A connector imports only platform/, schema/, store/, the connector contract and its own folder.',
    ),
  })),
  {
    // Integration tests stand a connector or a job up against the real simulator (and the stitched gateway).
    files: ['connectors/*/**/*.int.test.ts', 'jobs/**/*.int.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['simulators/**/*.ts'],
    rules: {
      ...restrict(
        [
          '**/gateway/**',
          '**/connectors/**',
          '**/jobs/**',
          '**/store/**',
          '**/platform/**',
          '**/schema/**',
          '**/hub/**',
          // The hub's own feeds/ folder (simulators/feeds is the agencies' side and may be imported).
          '../../feeds/**',
          '../../../feeds/**',
        ],
        'Simulators share no code with the hub: an independent implementation keeps its tests honest.',
      ),
      'no-console': 'off',
    },
  },
  {
    files: ['bench/**/*.ts', '**/*-cli.ts', '**/cli.ts', '**/cli/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
