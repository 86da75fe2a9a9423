import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePersistedQueryManifest, sha256Hex } from './persisted-query-manifest.js';
import { admit, createPersistedQueryPlugin, PERSISTED_QUERY_NOT_ALLOWED } from './persisted-query-plugin.js';
import { countingSchema, startTestServer } from './testing.js';

const hubQuery = 'query Hub { hub }';
const nodeQuery = 'query Node { node { id name } }';
const manifest = parsePersistedQueryManifest({
  format: 'apollo-persisted-query-manifest',
  version: 1,
  operations: [
    { id: sha256Hex(hubQuery), name: 'Hub', type: 'query', body: hubQuery },
    { id: sha256Hex(nodeQuery), name: 'Node', type: 'query', body: nodeQuery },
  ],
});
const persisted = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

const refusal = {
  message: 'This operation is not one the hub allows.',
  extensions: { code: PERSISTED_QUERY_NOT_ALLOWED },
};

describe('admit', () => {
  it('admits manifest text, and a manifest hash with the text taken from the manifest', () => {
    expect(admit(manifest, { query: hubQuery })).toEqual({ admitted: true, query: hubQuery });
    expect(admit(manifest, { extensions: persisted(sha256Hex(nodeQuery)) })).toEqual({
      admitted: true,
      query: nodeQuery,
    });
  });

  it('refuses other text, an unknown hash, and a hash that is not the text’s', () => {
    expect(admit(manifest, { query: '{ hub }' })).toEqual({ admitted: false, reason: 'UNKNOWN_QUERY' });
    expect(admit(manifest, { query: `${hubQuery} ` })).toEqual({ admitted: false, reason: 'UNKNOWN_QUERY' });
    expect(admit(manifest, { extensions: persisted(sha256Hex('{ hub }')) })).toEqual({
      admitted: false,
      reason: 'UNKNOWN_HASH',
    });
    expect(admit(manifest, { extensions: { persistedQuery: { sha256Hash: 42 } } })).toEqual({
      admitted: false,
      reason: 'UNKNOWN_HASH',
    });
    expect(admit(manifest, { query: hubQuery, extensions: persisted(sha256Hex(nodeQuery)) })).toEqual({
      admitted: false,
      reason: 'HASH_MISMATCH',
    });
  });
});

describe('the allow-list plugin in Apollo', async () => {
  const stages = { parsing: 0, validation: 0 };
  const stageProbe: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async parsingDidStart() {
          stages.parsing += 1;
        },
        async validationDidStart() {
          stages.validation += 1;
        },
      };
    },
  };
  const apolloErrors: string[] = [];
  const refused: string[] = [];
  const server = await startTestServer({
    plugins: [
      createPersistedQueryPlugin(manifest, { onRefused: (reason) => refused.push(reason) }),
      stageProbe,
    ],
    onApolloError: (message) => apolloErrors.push(message),
  });
  afterAll(() => server.stop());

  it('runs an operation sent as manifest text', async () => {
    expect(await server.post({ query: hubQuery })).toEqual({
      status: 200,
      body: { data: { hub: 'child-view-hub' } },
    });
  });

  it('runs an operation sent as a manifest hash alone', async () => {
    const answer = await server.post({ extensions: persisted(sha256Hex(nodeQuery)) });
    expect(answer).toEqual({ status: 200, body: { data: { node: { id: 'n0', name: 'a name' } } } });
  });

  it.each([
    ['text not in the manifest', { query: '{ node { id name child { id } } }' }],
    ['a hash not in the manifest', { extensions: persisted(sha256Hex('{ hub }')) }],
    [
      'manifest text with another operation’s hash',
      { query: hubQuery, extensions: persisted(sha256Hex(nodeQuery)) },
    ],
  ])('refuses %s with 400 before parsing, validating or resolving', async (_case, body) => {
    stages.parsing = 0;
    stages.validation = 0;
    const callsBefore = server.calls();
    expect(await server.post(body)).toEqual({ status: 400, body: { errors: [refusal] } });
    expect(stages).toEqual({ parsing: 0, validation: 0 });
    expect(server.calls()).toBe(callsBefore);
    // A refusal is an answer, not an unexpected error Apollo would log.
    expect(apolloErrors).toEqual([]);
  });

  it('tells onRefused why', () => {
    expect(refused).toEqual(['UNKNOWN_QUERY', 'UNKNOWN_HASH', 'HASH_MISMATCH']);
  });

  it('leaves errors that are not its own to Apollo', async () => {
    const failing = await startTestServer({
      plugins: [
        createPersistedQueryPlugin(manifest),
        {
          async requestDidStart() {
            throw new Error('a bug somewhere else, with a detail');
          },
        },
      ],
      onApolloError: () => undefined,
    });
    try {
      const answer = await failing.post({ query: hubQuery });
      expect(answer.status).toBe(500);
      expect(JSON.stringify(answer.body)).not.toContain('a detail');
    } finally {
      await failing.stop();
    }
  });
});

describe('the allow-list plugin behind Fastify', () => {
  it('answers a refused operation with HTTP 400 on the wire', async () => {
    const apollo = new ApolloServer({
      schema: countingSchema().schema,
      plugins: [createPersistedQueryPlugin(manifest)],
      stopOnTerminationSignals: false,
    });
    await apollo.start();
    const app = Fastify();
    app.route({ method: ['GET', 'POST'], url: '/graphql', handler: fastifyApolloHandler(apollo) });
    try {
      const refused = await app.inject({ method: 'POST', url: '/graphql', payload: { query: '{ hub }' } });
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toEqual({ errors: [refusal] });
      const allowed = await app.inject({ method: 'POST', url: '/graphql', payload: { query: hubQuery } });
      expect(allowed.json()).toEqual({ data: { hub: 'child-view-hub' } });
    } finally {
      await app.close();
      await apollo.stop();
    }
  });
});
