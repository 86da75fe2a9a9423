import { makeExecutableSchema } from '@graphql-tools/schema';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { parse, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { HubError } from '../platform/errors.js';
import { createLogger } from '../platform/logger.js';
import { CompiledOperationCache } from './jit-executor.js';
import { buildGateway, type GatewayDeps } from './server.js';
import { stitchGateway } from './stitch.js';
import { fakeAgencyConnector, fakeIdentityConnector } from './testing/fake-connectors.js';
import { openTestAccess } from './access/testing.js';

const schema = makeExecutableSchema({
  typeDefs: /* GraphQL */ `
    type Item {
      id: ID!
      label: String!
      tags: [String!]!
    }
    type Query {
      items(first: Int!): [Item!]!
      item(id: ID!): Item
      failing: Item
    }
  `,
  resolvers: {
    Query: {
      items: (_: unknown, { first }: { first: number }) =>
        Array.from({ length: first }, (_, i) => ({ id: `i${i}`, label: `item ${i}`, tags: ['a', 'b'] })),
      item: async (_: unknown, { id }: { id: string }) => ({ id, label: `item ${id}`, tags: [] }),
      failing: () => {
        throw new HubError('UPSTREAM_TIMEOUT', { details: { agency: 'HEALTH' } });
      },
    },
  },
});

async function gateway(executor: GatewayDeps['executor'], served: GraphQLSchema = schema) {
  return buildGateway({
    config: {
      host: '127.0.0.1',
      port: 0,
      shutdownGraceMs: 1000,
      introspection: false,
      bodyLimitBytes: 1_048_576,
      maxBatchSize: 100,
    },
    nodeEnv: 'production',
    logger: createLogger({ service: 'jit-executor-test', level: 'silent' }),
    schema: served,
    readinessChecks: [],
    access: openTestAccess(),
    ...(executor === undefined ? {} : { executor }),
  });
}

async function post(app: Awaited<ReturnType<typeof gateway>>, body: unknown) {
  const response = await app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });
  return { status: response.statusCode, body: response.json() as Record<string, unknown> };
}

describe('the jit executor', () => {
  const requests = [
    { query: 'query Items($n: Int!) { items(first: $n) { id label tags } }', variables: { n: 3 } },
    { query: '{ a: item(id: "x") { id label } b: item(id: "y") { label } }' },
    { query: '{ failing { id } items(first: 1) { id } }' },
    {
      query: 'query One { item(id: "1") { id } } query Two { items(first: 2) { id } }',
      operationName: 'Two',
    },
    { query: '{ items(first: 1) { nope } }' },
  ];

  it('answers every request as graphql-js does, errors included (codes, messages, paths, status)', async () => {
    const jit = await gateway('jit');
    const reference = await gateway('graphql-js');
    try {
      for (const request of requests) {
        const expected = await post(reference, request);
        // Twice: the second answer comes from the compiled-operation cache.
        expect(await post(jit, request)).toEqual(expected);
        expect(await post(jit, request)).toEqual(expected);
      }
    } finally {
      await jit.close();
      await reference.close();
    }
  });

  it('reports bad variables as client input (400, BAD_USER_INPUT), in graphql-jit wording', async () => {
    const jit = await gateway('jit');
    try {
      const request = {
        query: 'query Items($n: Int!) { items(first: $n) { id } }',
        variables: { n: 'many' },
      };
      const answer = await post(jit, request);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({
        errors: [
          {
            message: expect.stringMatching(
              /^Variable "\$n" got invalid value "many"; .*Int cannot represent/,
            ),
            extensions: { code: 'BAD_USER_INPUT' },
          },
        ],
      });
    } finally {
      await jit.close();
    }
  });

  it('is opt-in: the default executor (graphql-js) formats errors the same way', async () => {
    const app = await gateway(undefined);
    try {
      const failing = await post(app, { query: '{ failing { id } }' });
      expect(failing.body).toEqual({
        data: { failing: null },
        errors: [
          {
            message: 'An agency system did not answer in time.',
            path: ['failing'],
            extensions: { code: 'UPSTREAM_TIMEOUT', agency: 'HEALTH' },
          },
        ],
      });
    } finally {
      await app.close();
    }
  });
});

describe('the jit executor over the stitched gateway', () => {
  it('keeps an agency failure to its section, with the agency error code as graphql-js does', async () => {
    const stitched = stitchGateway([
      fakeIdentityConnector([{ id: 'c1', nhsNumber: 'n1', upn: 'u1' }]),
      fakeAgencyConnector({
        name: 'health',
        agency: 'HEALTH',
        keyField: 'nhsNumber',
        failWith: new HubError('UPSTREAM_TIMEOUT', { details: { agency: 'HEALTH' } }),
      }),
      fakeAgencyConnector({ name: 'education', agency: 'EDUCATION', keyField: 'upn' }),
    ]);
    const query = {
      query:
        'query C($id: ID!) { child(id: $id) { id health { summary } education { summary } sources { state } } }',
      variables: { id: 'c1' },
    };
    const jit = await gateway('jit', stitched);
    const reference = await gateway('graphql-js', stitched);
    try {
      const answer = await post(jit, query);
      expect(answer).toEqual(await post(reference, query));
      expect(answer.body).toEqual({
        data: {
          child: {
            id: 'c1',
            health: null,
            education: { summary: 'education record' },
            sources: [{ state: 'UNAVAILABLE' }, { state: 'OK' }],
          },
        },
        errors: [
          {
            message: 'An agency system did not answer in time.',
            path: ['child', 'health'],
            extensions: { code: 'UPSTREAM_TIMEOUT', agency: 'HEALTH' },
          },
        ],
      });
    } finally {
      await jit.close();
      await reference.close();
    }
  });
});

describe('CompiledOperationCache', () => {
  const compiled = (): CompiledQuery => {
    const result = compileQuery(schema, parse('{ items(first: 1) { id } }'));
    if (!isCompiledQuery(result)) throw new Error('did not compile');
    return result;
  };

  it('keeps at most maxEntries, dropping the least recently used', () => {
    const cache = new CompiledOperationCache(2);
    const [a, b, c] = [compiled(), compiled(), compiled()];
    cache.set('a', a);
    cache.set('b', b);
    expect(cache.get('a')).toBe(a);
    cache.set('c', c);
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(a);
    expect(cache.get('c')).toBe(c);
  });

  it('refuses a bound below one', () => {
    expect(() => new CompiledOperationCache(0)).toThrow();
  });
});
