import { makeExecutableSchema } from '@graphql-tools/schema';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeAgencyConnector } from '../gateway/testing/fake-connectors.js';
import { parseConfig } from '../platform/config.js';
import { ConfigError, HubError } from '../platform/errors.js';
import {
  createHubContextSigner,
  createHubContextVerifier,
  hubContextHeader,
  type HubContextClaims,
} from '../platform/hub-context.js';
import { createLogger } from '../platform/logger.js';
import type { Connector } from './connector.js';
import { buildConnectorServer, connectorServeConfigSection, serveConnector } from './serve-connector.js';

const secret = 'serve-connector-test-secret-0123456789';
const logger = createLogger({ service: 'serve-connector-test', level: 'silent' });
const verifier = createHubContextVerifier({ secret });
const signer = createHubContextSigner({ secret });
const claims: HubContextClaims = { requestId: 'req-42', traceId: 'trace-42', caller: null };
const healthQuery =
  '{ _healthChildren(keys: ["nhs1", null]) { nhsNumber health { summary } healthSource { state } } }';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

function serve(connector: Connector): FastifyInstance {
  app = buildConnectorServer(connector, { contextVerifier: verifier, logger });
  return app;
}

async function post(server: FastifyInstance, body: unknown, token?: string) {
  const response = await server.inject({
    method: 'POST',
    url: '/graphql',
    headers: {
      'content-type': 'application/json',
      ...(token === undefined ? {} : { [hubContextHeader]: token }),
    },
    payload: JSON.stringify(body),
  });
  return { status: response.statusCode, body: response.json() as Record<string, unknown> };
}

describe('a served connector refuses calls without a valid gateway-signed context', () => {
  const unauthenticated = {
    errors: [{ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED' } }],
  };

  it('answers a signed call with the connector’s own result', async () => {
    const health = fakeAgencyConnector({ name: 'health', agency: 'HEALTH', keyField: 'nhsNumber' });
    const response = await post(serve(health), { query: healthQuery }, await signer.sign(claims, 'health'));
    expect(response).toEqual({
      status: 200,
      body: {
        data: {
          _healthChildren: [
            { nhsNumber: 'nhs1', health: { summary: 'health record' }, healthSource: { state: 'OK' } },
            { nhsNumber: null, health: null, healthSource: { state: 'NOT_LINKED' } },
          ],
        },
      },
    });
    expect(health.calls).toBe(1);
  });

  it.each([
    ['no header', async () => undefined],
    ['an empty header', async () => ''],
    ['garbage', async () => 'not-a-token'],
    ['another connector’s audience', () => signer.sign(claims, 'education')],
    ['another secret', () => createHubContextSigner({ secret: `${secret}-other` }).sign(claims, 'health')],
    [
      'an expired context',
      () =>
        createHubContextSigner({ secret, ttlSeconds: 10, now: () => new Date(Date.now() - 120_000) }).sign(
          claims,
          'health',
        ),
    ],
  ])('with %s: 401, and no resolver runs', async (_label, token) => {
    const health = fakeAgencyConnector({ name: 'health', agency: 'HEALTH', keyField: 'nhsNumber' });
    const response = await post(serve(health), { query: healthQuery }, await token());
    expect(response).toEqual({ status: 401, body: unauthenticated });
    expect(health.calls).toBe(0);
  });

  it('refuses before reading the body: a malformed body without a context is still a 401', async () => {
    const health = fakeAgencyConnector({ name: 'health', agency: 'HEALTH', keyField: 'nhsNumber' });
    const response = await serve(health).inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: '{ not json',
    });
    expect(response.statusCode).toBe(401);
    expect(health.calls).toBe(0);
  });

  it('refuses over a real socket too', async () => {
    const health = fakeAgencyConnector({ name: 'health', agency: 'HEALTH', keyField: 'nhsNumber' });
    const served = await serveConnector(health, {
      host: '127.0.0.1',
      port: 0,
      contextVerifier: verifier,
      logger,
    });
    try {
      const response = await fetch(served.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: healthQuery }),
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual(unauthenticated);
      expect(health.calls).toBe(0);
    } finally {
      await served.close();
    }
  });
});

describe('a served connector’s GraphQL context', () => {
  function contextProbe() {
    const seen: object[] = [];
    const connector: Connector = {
      name: 'probe',
      schema: makeExecutableSchema({
        typeDefs: 'type Query { a: String b: String fails: String broken: String }',
        resolvers: {
          Query: {
            a: (_: unknown, __: unknown, context: object) => {
              seen.push(context);
              return JSON.stringify(context);
            },
            b: (_: unknown, __: unknown, context: object) => {
              seen.push(context);
              return 'b';
            },
            fails: () => {
              throw new HubError('UPSTREAM_TIMEOUT', { details: { agency: 'HEALTH' } });
            },
            broken: () => {
              throw new Error('SELECT * FROM patients WHERE nhs_number = 9434765919');
            },
          },
        },
      }),
      merge: {},
      ping: async () => {
        throw new HubError('UPSTREAM_UNAVAILABLE');
      },
      close: async () => undefined,
    };
    return { connector, seen };
  }

  it('carries the verified request ids and caller, in a new object per request', async () => {
    const { connector, seen } = contextProbe();
    const server = serve(connector);
    const caller = { userId: 'sw-1', role: 'SOCIAL_WORKER', organisation: 'LA-1', purpose: 'DIRECT_CARE' };
    const first = await post(server, { query: '{ a b }' }, await signer.sign({ ...claims, caller }, 'probe'));
    expect(JSON.parse((first.body.data as { a: string }).a)).toEqual({
      hub: { requestId: 'req-42', traceId: 'trace-42', caller },
      request: { requestId: 'req-42', traceId: 'trace-42' },
      caller,
    });
    await post(server, { query: '{ a }' }, await signer.sign(claims, 'probe'));
    expect(seen).toHaveLength(3);
    expect(seen[0]).toBe(seen[1]);
    expect(seen[2]).not.toBe(seen[0]);
    expect(seen[2]).toEqual({
      hub: { requestId: 'req-42', traceId: 'trace-42', caller: null },
      request: { requestId: 'req-42', traceId: 'trace-42' },
    });
  });

  it('reports a HubError by code, safe message, details and path; anything else as INTERNAL only', async () => {
    const { connector } = contextProbe();
    const response = await post(
      serve(connector),
      { query: '{ fails broken }' },
      await signer.sign(claims, 'probe'),
    );
    expect(response).toEqual({
      status: 200,
      body: {
        data: { fails: null, broken: null },
        errors: [
          {
            message: 'An agency system did not answer in time.',
            path: ['fails'],
            extensions: { agency: 'HEALTH', code: 'UPSTREAM_TIMEOUT' },
          },
          { message: 'Something went wrong.', path: ['broken'], extensions: { code: 'INTERNAL' } },
        ],
      },
    });
    expect(JSON.stringify(response.body)).not.toContain('9434765919');
  });

  it('answers parse and validation failures with 400', async () => {
    const { connector, seen } = contextProbe();
    const server = serve(connector);
    const token = await signer.sign(claims, 'probe');
    const unparsable = await post(server, { query: '{ a' }, token);
    expect(unparsable.status).toBe(400);
    expect(unparsable.body.errors).toEqual([
      { message: expect.any(String), extensions: { code: 'GRAPHQL_PARSE_FAILED' } },
    ]);
    const invalid = await post(server, { query: '{ nope }' }, token);
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors).toEqual([
      { message: expect.stringContaining('nope'), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
    ]);
    expect((await post(server, { nothing: true }, token)).status).toBe(400);
    expect(seen).toHaveLength(0);
  });

  it('answers /healthz always and /readyz only when the agency answers', async () => {
    const { connector } = contextProbe();
    const server = serve(connector);
    expect((await server.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'alive' });
    const notReady = await server.inject({ method: 'GET', url: '/readyz' });
    expect(notReady.statusCode).toBe(503);
    expect(notReady.json()).toEqual({
      status: 'not_ready',
      connector: 'probe',
      error: 'UPSTREAM_UNAVAILABLE',
    });
    const health = fakeAgencyConnector({ name: 'health', agency: 'HEALTH', keyField: 'nhsNumber' });
    await app?.close();
    const ready = await serve(health).inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', connector: 'health' });
  });
});

describe('the serve configuration', () => {
  it('requires a context secret of at least 32 characters', () => {
    const parse = (env: Record<string, string>) => parseConfig({ serve: connectorServeConfigSection }, env);
    expect(() => parse({})).toThrow(ConfigError);
    expect(() => parse({ CONNECTOR_CONTEXT_SECRET: 'short' })).toThrow(
      /CONNECTOR_CONTEXT_SECRET: at least 32/,
    );
    expect(parse({ CONNECTOR_CONTEXT_SECRET: secret, CONNECTOR_PORT: '4201' }).serve).toEqual({
      host: '127.0.0.1',
      port: 4201,
      contextSecret: secret,
    });
  });
});
