import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { execute, parse, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveConnector, type ServedConnector } from '../../connectors/serve-connector.js';
import { HubError } from '../../platform/errors.js';
import {
  createHubContextSigner,
  createHubContextVerifier,
  hubContextHeader,
  verifyHubContext,
  hubContextKey,
} from '../../platform/hub-context.js';
import { createLogger } from '../../platform/logger.js';
import { formatGraphQLError } from '../format-error.js';
import { stitchGateway } from '../stitch.js';
import { fakeAgencyConnector, fakeIdentityConnector } from '../testing/fake-connectors.js';
import { claimsOf, createRemoteExecutor } from './remote-executor.js';
import { testGatewayContext } from '../access/testing.js';

const secret = 'remote-executor-test-secret-0123456789';
const logger = createLogger({ service: 'remote-executor-test', level: 'silent' });
const signer = createHubContextSigner({ secret });
const children = Array.from({ length: 30 }, (_, i) => ({
  id: `c${i}`,
  nhsNumber: i % 7 === 0 ? null : `nhs${i}`,
  upn: `upn${i}`,
}));
const events = { nhs1: [{ at: '2026-03-01T10:00:00Z', kind: 'A_AND_E' }] };
const pageQuery = /* GraphQL */ `
  query ($ids: [ID!]!) {
    children(ids: $ids) {
      id
      health {
        summary
      }
      education {
        summary
      }
      sources {
        agency
        state
        asOf
        reason
      }
      chronology {
        at
        agency
        kind
        summary
      }
      teamAroundTheChild {
        agency
        name
        role
      }
    }
  }
`;

/** What a client would see: data plus errors as the gateway formats them. */
async function run(schema: ReturnType<typeof stitchGateway>, query: string, variables = {}) {
  const result = (await execute({
    schema,
    document: parse(query),
    variableValues: variables,
    contextValue: { ...testGatewayContext(), request: { requestId: 'req-1', traceId: 'trace-1' } },
  })) as ExecutionResult;
  const errors = result.errors?.map((error) => formatGraphQLError(error.toJSON(), error));
  return { data: result.data, errors: errors && sortErrors(errors) };
}

function sortErrors(errors: GraphQLFormattedError[]): GraphQLFormattedError[] {
  return [...errors].sort((a, b) => JSON.stringify(a.path).localeCompare(JSON.stringify(b.path)));
}

function agencies() {
  return {
    health: fakeAgencyConnector({
      name: 'health',
      agency: 'HEALTH',
      keyField: 'nhsNumber',
      failWith: new HubError('UPSTREAM_TIMEOUT', { details: { agency: 'HEALTH' } }),
      events,
    }),
    education: fakeAgencyConnector({ name: 'education', agency: 'EDUCATION', keyField: 'upn' }),
  };
}

describe('remote connectors through the stitched gateway', () => {
  const served: ServedConnector[] = [];
  const remote = agencies();
  const urls: Record<string, string> = {};

  beforeAll(async () => {
    for (const connector of [remote.health, remote.education]) {
      const server = await serveConnector(connector, {
        host: '127.0.0.1',
        port: 0,
        contextVerifier: createHubContextVerifier({ secret }),
        logger,
      });
      served.push(server);
      urls[connector.name] = server.graphqlUrl;
    }
  });
  afterAll(async () => {
    for (const server of served) await server.close();
  });

  function remoteGateway(
    options: { secret?: string; urls?: Record<string, string>; timeoutMs?: number } = {},
  ) {
    // Planned with local instances (same schema and merge rules); executed by the served ones.
    const local = agencies();
    const executorSigner = options.secret ? createHubContextSigner({ secret: options.secret }) : signer;
    const executors = new Map(
      Object.entries(options.urls ?? urls).map(([name, url]) => [
        name,
        createRemoteExecutor({
          url,
          connectorName: name,
          signer: executorSigner,
          timeoutMs: options.timeoutMs ?? 5000,
          logger,
        }),
      ]),
    );
    const schema = stitchGateway([fakeIdentityConnector(children), local.health, local.education], {
      remoteExecutors: executors,
      maxBatchSize: 100,
    });
    return { schema, local };
  }

  it('gives the same answer, errors included, as in-process, with one call per agency', async () => {
    const inProcess = agencies();
    const ids = children.map((child) => child.id);
    const expected = await run(
      stitchGateway([fakeIdentityConnector(children), inProcess.health, inProcess.education], {
        maxBatchSize: 100,
      }),
      pageQuery,
      { ids },
    );
    expect(expected.errors?.[0]).toMatchObject({
      extensions: { code: 'UPSTREAM_TIMEOUT', agency: 'HEALTH' },
    });

    const before = [remote.health.calls, remote.education.calls];
    const { schema, local } = remoteGateway();
    expect(await run(schema, pageQuery, { ids })).toEqual(expected);
    expect([remote.health.calls - before[0]!, remote.education.calls - before[1]!]).toEqual([1, 1]);
    expect([local.health.calls, local.education.calls]).toEqual([0, 0]);
  });

  it('says which connector could not be reached, and keeps the rest of the answer', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { schema } = remoteGateway({
      urls: { ...urls, education: `http://127.0.0.1:${port}/graphql` },
    });
    const result = await run(
      schema,
      `{ child(id: "c1") { id health { summary } education { summary } sources { agency state reason } } }`,
    );
    expect(result.data).toEqual({
      child: {
        id: 'c1',
        health: null,
        education: null,
        sources: [
          { agency: 'HEALTH', state: 'UNAVAILABLE', reason: 'UPSTREAM_TIMEOUT' },
          { agency: 'EDUCATION', state: 'UNAVAILABLE', reason: 'CONNECTOR_UNREACHABLE' },
        ],
      },
    });
    expect(result.errors).toContainEqual({
      message: expect.any(String),
      path: ['child', 'education'],
      extensions: { code: 'DEPENDENCY_UNAVAILABLE', connector: 'education', reason: 'CONNECTOR_UNREACHABLE' },
    });
  });

  it('a connector that refuses the context (another secret) is unavailable, not an unauthenticated client', async () => {
    const { schema } = remoteGateway({ secret: `${secret}-rotated` });
    const result = await run(schema, `{ child(id: "c2") { education { summary } } }`);
    expect(result.data).toEqual({ child: { education: null } });
    expect(result.errors).toEqual([
      {
        message: expect.any(String),
        path: ['child', 'education'],
        extensions: {
          code: 'DEPENDENCY_UNAVAILABLE',
          connector: 'education',
          reason: 'CONNECTOR_REFUSED_CONTEXT',
        },
      },
    ]);
  });

  it('gives up after the timeout', async () => {
    let hold: Server | undefined;
    const slow = await new Promise<string>((resolve) => {
      hold = createServer(() => undefined).listen(0, '127.0.0.1', () =>
        resolve(`http://127.0.0.1:${(hold!.address() as AddressInfo).port}/graphql`),
      );
    });
    try {
      const { schema } = remoteGateway({ urls: { ...urls, education: slow }, timeoutMs: 200 });
      const result = await run(schema, `{ child(id: "c2") { education { summary } } }`);
      expect(result.errors?.[0]?.extensions).toEqual({
        code: 'DEPENDENCY_UNAVAILABLE',
        connector: 'education',
        reason: 'CONNECTOR_TIMEOUT',
      });
    } finally {
      hold?.closeAllConnections();
      await new Promise<void>((resolve) => hold?.close(() => resolve()));
    }
  });
});

describe('the signed context on each remote call', () => {
  it('carries the gateway request’s ids and caller, for the named connector only', async () => {
    const headers: string[] = [];
    const executor = createRemoteExecutor({
      url: 'http://connector.invalid/graphql',
      connectorName: 'probe',
      signer,
      timeoutMs: 1000,
      fetch: async (_input, init) => {
        headers.push(new Headers(init?.headers).get(hubContextHeader) ?? '');
        return Response.json({ data: { ok: true } });
      },
    });
    const caller = { userId: 'u1', role: 'GP', organisation: 'A81001', purpose: 'DIRECT_CARE' };
    const result = await executor({
      document: parse('{ ok }'),
      context: { request: { requestId: 'req-9', traceId: 'trace-9' }, caller },
    });
    expect(result).toEqual({ data: { ok: true } });
    const verified = await verifyHubContext(headers[0], { key: hubContextKey(secret), audience: 'probe' });
    expect(verified).toMatchObject({ requestId: 'req-9', traceId: 'trace-9', caller });
    await expect(
      verifyHubContext(headers[0], { key: hubContextKey(secret), audience: 'health' }),
    ).rejects.toThrow();
  });

  it('signs a null caller, and fresh ids when the gateway context has none', () => {
    expect(claimsOf({ request: { requestId: 'r', traceId: 't' } })).toEqual({
      requestId: 'r',
      traceId: 't',
      caller: null,
    });
    const fresh = claimsOf({});
    expect(fresh.requestId).toMatch(/^[\w-]+$/);
    expect(fresh.caller).toBeNull();
    expect(
      claimsOf({ request: { requestId: 'r', traceId: 't' }, caller: { userId: 'u' } }).caller,
    ).toBeNull();
  });
});
