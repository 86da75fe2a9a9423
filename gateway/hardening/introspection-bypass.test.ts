/**
 * Older graphql-armor max-depth skipped any operation or fragment *named* `__schema` (or `__type`) as if it were
 * introspection, so naming a deep query `__schema` let it through. These hold the installed version, and the
 * hub's settings, to refusing that while real introspection keeps working in development.
 */
import { getIntrospectionQuery } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { formatGraphQLError } from '../format-error.js';
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
const tooDeep = hardeningDefaults.maxDepth + 4;

function deepSelection(levels: number): string {
  let selection = 'id';
  for (let level = 0; level < levels; level += 1) selection = `child { ${selection} }`;
  return selection;
}

describe('the __schema / __type name bypass', async () => {
  const server = await startTestServer({
    ...createOperationLimits({ limits, fieldSuggestions: undefined }, 'development'),
    introspection: true,
    formatError: formatGraphQLError,
  });
  afterAll(() => server.stop());

  const depthRefusal = {
    message: 'The operation is nested too deeply.',
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
  };

  it.each(['__schema', '__type'])('refuses a deep operation named %s', async (name) => {
    const { status, body } = await server.post({ query: nestedQuery(tooDeep, `query ${name}`) });
    expect(status).toBe(400);
    expect(body.errors).toEqual([depthRefusal]);
    expect(server.calls()).toBe(0);
  });

  it.each(['__schema', '__type'])('refuses a deep fragment named %s', async (name) => {
    const query = `query Q { node { ...${name} } } fragment ${name} on Node { ${deepSelection(tooDeep)} }`;
    const { status, body } = await server.post({ query });
    expect(status).toBe(400);
    expect(body.errors).toEqual([depthRefusal]);
    expect(server.calls()).toBe(0);
  });

  it('still answers a real introspection query in development', async () => {
    const { status, body } = await server.post({ query: getIntrospectionQuery() });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const types = (body.data?.__schema as { types: Array<{ name: string }> }).types.map((type) => type.name);
    expect(types).toEqual(expect.arrayContaining(['Query', 'Node', 'Agency']));
  });

  // graphql-js's MaxIntrospectionDepthRule does this (the depth limit skips __schema): hold it to it.
  it('refuses introspection that recurses through types (fields → type → fields ...)', async () => {
    const query =
      '{ __schema { types { fields { type { fields { type { fields { type { name } } } } } } } } }';
    const { status, body } = await server.post({ query });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
