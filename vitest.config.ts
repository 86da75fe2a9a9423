import { defineConfig } from 'vitest/config';

// Test tiers by file suffix: unit tests (`*.test.ts`) need nothing running; `*.redis.test.ts`,
// `*.pg.test.ts` and `*.int.test.ts` talk to the real Redis and PostgreSQL; end-to-end tests live in test/.
const serviceSuffixes = ['**/*.redis.test.ts', '**/*.pg.test.ts', '**/*.int.test.ts'];
const ignored = ['**/node_modules/**', '.data/**'];
// Every project captures every log line and fails the run if one carries personal data (test/support/log-audit.ts).
const logAudit = 'test/support/log-audit.ts';

export default defineConfig({
  // graphql 16 ships CJS (main) and ESM (module) builds. Node — and so the hub at run time and the libraries
  // vitest leaves external — loads the CJS one; pin vitest to it too, or a schema built by @graphql-tools would
  // be "from another module or realm".
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['**/*.test.ts'],
          exclude: [...ignored, ...serviceSuffixes, 'test/**'],
          globalSetup: [logAudit],
        },
      },
      {
        extends: true,
        test: {
          name: 'services',
          include: serviceSuffixes,
          exclude: [...ignored, 'test/**'],
          globalSetup: ['test/support/require-services.ts', logAudit],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/**/*.test.ts'],
          exclude: ignored,
          globalSetup: ['test/support/require-services.ts', logAudit],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
