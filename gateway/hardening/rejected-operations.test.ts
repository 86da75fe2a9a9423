/**
 * A refused operation costs the hub nothing past parsing and validation: no resolver runs, so no agency is asked
 * and nothing is audited as released. (How long a refusal takes is measured, not asserted: bench/graphql-limits.ts.)
 */
import { afterAll, describe, expect, it } from 'vitest';
import { hardeningDefaults } from './hardening-config.js';
import { createOperationLimits } from './operation-limits.js';
import { nestedQuery, startTestServer } from './testing.js';

const limits = {
  maxDepth: hardeningDefaults.maxDepth,
  maxAliases: hardeningDefaults.maxAliases,
  maxCost: hardeningDefaults.maxCost,
  maxTokens: hardeningDefaults.maxTokens,
  maxDirectives: hardeningDefaults.maxDirectives,
};

describe('no resolver runs for a refused operation', async () => {
  const server = await startTestServer(
    createOperationLimits({ limits, fieldSuggestions: undefined }, 'production'),
  );
  afterAll(() => server.stop());

  it('refuses a depth-50 query without calling a resolver', async () => {
    const { status, body } = await server.post({ query: nestedQuery(50) });
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors?.map((error) => error.message)).toContain('The operation is nested too deeply.');
    expect(server.calls()).toBe(0);
  });

  it('refuses a page size sent as a variable that breaks the cost limit without calling a resolver', async () => {
    const query = `query Q($n: Int) { nodes(first: $n) { ${'child { '.repeat(6)}id${' }'.repeat(6)} } }`;
    const { status } = await server.post({ query, variables: { n: 100_000 } });
    expect(status).toBe(400);
    expect(server.calls()).toBe(0);
  });

  it('refuses an over-long document without calling a resolver', async () => {
    const { status } = await server.post({ query: `{ ${'hub '.repeat(hardeningDefaults.maxTokens)}}` });
    expect(status).toBe(400);
    expect(server.calls()).toBe(0);
  });

  it('runs the resolvers of an operation within the limits (the counter counts)', async () => {
    const { status, body } = await server.post({ query: nestedQuery(5) });
    expect(status).toBe(200);
    expect(body.data).toEqual({ node: { child: { child: { child: { id: 'n3' } } } } });
    expect(server.calls()).toBe(5);
  });
});
