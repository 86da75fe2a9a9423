import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../platform/logger.js';
import { HubError } from '../platform/errors.js';
import { buildGateway } from './server.js';
import { stitchGateway } from './stitch.js';
import { fakeAgencyConnector, fakeIdentityConnector } from './testing/fake-connectors.js';
import { openTestAccess } from './access/testing.js';

const children = Array.from({ length: 30 }, (_, i) => ({
  id: `c${i}`,
  nhsNumber: `nhs${i}`,
  upn: `upn${i}`,
}));

describe('gateway over HTTP', async () => {
  const schema = stitchGateway([
    fakeIdentityConnector(children),
    fakeAgencyConnector({
      name: 'health',
      agency: 'HEALTH',
      keyField: 'nhsNumber',
      failWith: new HubError('UPSTREAM_UNAVAILABLE', {
        details: { agency: 'HEALTH', reason: 'UPSTREAM_HTTP_503' },
      }),
    }),
    fakeAgencyConnector({ name: 'education', agency: 'EDUCATION', keyField: 'upn' }),
  ]);
  const app = await buildGateway({
    config: {
      host: '127.0.0.1',
      port: 0,
      shutdownGraceMs: 1000,
      introspection: false,
      bodyLimitBytes: 1_048_576,
      maxBatchSize: 100,
    },
    nodeEnv: 'production',
    logger: createLogger({ service: 'test', level: 'silent' }),
    schema,
    readinessChecks: [],
    access: openTestAccess(),
  });
  afterAll(() => app.close());

  it('reports a failing agency once for a whole page, naming the agency and nothing else', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: {
        query: `{ children(ids: [${children.map((c) => `"${c.id}"`).join(',')}]) { id health { summary } education { summary } } }`,
      },
    });
    const body = response.json() as {
      data: { children: Array<{ health: unknown; education: unknown }> };
      errors: unknown[];
    };
    expect(body.data.children).toHaveLength(30);
    expect(body.data.children.every((child) => child.health === null && child.education !== null)).toBe(true);
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]).toMatchObject({
      message: 'An agency system is unavailable.',
      extensions: {
        code: 'UPSTREAM_UNAVAILABLE',
        agency: 'HEALTH',
        reason: 'UPSTREAM_HTTP_503',
        occurrences: 30,
      },
    });
    expect(JSON.stringify(body.errors)).not.toMatch(/nhs\d|upn\d|stack/);
  });

  it('turns introspection off in production', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: { query: '{ __schema { types { name } } }' },
    });
    expect(response.json()).toMatchObject({
      errors: [{ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
    });
  });
});

describe('gateway while agencies are still starting', () => {
  it('is alive at once, not ready, and answers /graphql 503 until the schema arrives', async () => {
    let provide: (schema: ReturnType<typeof stitchGateway>) => void = () => undefined;
    const app = await buildGateway({
      config: {
        host: '127.0.0.1',
        port: 0,
        shutdownGraceMs: 1000,
        introspection: false,
        bodyLimitBytes: 1_048_576,
        maxBatchSize: 100,
      },
      nodeEnv: 'production',
      logger: createLogger({ service: 'test', level: 'silent' }),
      schema: new Promise((resolve) => (provide = resolve)),
      readinessChecks: [],
      access: openTestAccess(),
    });
    try {
      expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
      expect((await app.inject({ url: '/readyz' })).statusCode).toBe(503);
      const early = await app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json' },
        payload: { query: '{ child(id: "c1") { id } }' },
      });
      expect(early.statusCode).toBe(503);
      provide(stitchGateway([fakeIdentityConnector(children)]));
      let status = 503;
      for (let attempt = 0; attempt < 100 && status !== 200; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        status = (await app.inject({ url: '/readyz' })).statusCode;
      }
      expect(status).toBe(200);
      const later = await app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json' },
        payload: { query: '{ child(id: "c1") { id } }' },
      });
      expect(later.json()).toEqual({ data: { child: { id: 'c1' } } });
    } finally {
      await app.close();
    }
  });
});
