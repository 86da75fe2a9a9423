import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { HubError } from '../errors.js';
import { createHttpJsonClient } from './http-json-client.js';
import { createUpstreamPolicy } from './upstream-policy.js';

// A real local HTTP server whose behaviour each test scripts.
let app: FastifyInstance;
let base = '';
let script: Array<'ok' | '500' | '400' | 'slow' | 'bad'> = [];
let hits = 0;

beforeAll(async () => {
  app = Fastify();
  app.all('/thing', async (_request, reply) => {
    hits += 1;
    const step = script.shift() ?? 'ok';
    if (step === '500') return reply.status(500).send({ error: 'boom 9990001234' });
    if (step === '400') return reply.status(400).send({ error: 'bad' });
    if (step === 'slow') await new Promise((resolve) => setTimeout(resolve, 2500));
    if (step === 'bad') return { value: 'not a number' };
    return { value: 42 };
  });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(() => app.close());
beforeEach(() => {
  script = [];
  hits = 0;
});

const schema = z.object({ value: z.number() });
const makeClient = (overrides: Partial<Parameters<typeof createUpstreamPolicy>[0]> = {}) =>
  createHttpJsonClient({
    agency: 'HEALTH',
    policy: createUpstreamPolicy({
      agency: 'HEALTH',
      timeoutMs: 1000,
      retries: 2,
      breakerThreshold: 3,
      breakerHalfOpenMs: 60_000,
      ...overrides,
    }),
  });

async function failure(promise: Promise<unknown>): Promise<HubError> {
  try {
    await promise;
  } catch (error) {
    return error as HubError;
  }
  throw new Error('expected a failure');
}

describe('upstream HTTP JSON client', () => {
  it('retries a transient failure of a read, then succeeds', async () => {
    script = ['500', 'ok'];
    expect(await makeClient().request({ url: `${base}/thing`, schema })).toEqual({ value: 42 });
    expect(hits).toBe(2);
  });

  it('does not retry a write', async () => {
    script = ['500', 'ok'];
    const error = await failure(
      makeClient().request({ method: 'POST', url: `${base}/thing`, body: {}, schema }),
    );
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(hits).toBe(1);
  });

  it('does not retry a rejection (4xx)', async () => {
    script = ['400'];
    const error = await failure(makeClient().request({ url: `${base}/thing`, schema }));
    expect(error.details).toEqual({ agency: 'HEALTH', reason: 'UPSTREAM_REJECTED_400' });
    expect(hits).toBe(1);
  });

  it('times out each attempt and reports UPSTREAM_TIMEOUT', async () => {
    script = ['slow', 'slow', 'slow'];
    const error = await failure(makeClient().request({ url: `${base}/thing`, schema }));
    expect(error.code).toBe('UPSTREAM_TIMEOUT');
    expect(hits).toBe(3);
  });

  it('turns a payload that fails its schema into UPSTREAM_BAD_PAYLOAD without echoing it', async () => {
    script = ['bad'];
    const error = await failure(makeClient().request({ url: `${base}/thing`, schema }));
    expect(error.code).toBe('UPSTREAM_BAD_PAYLOAD');
    expect(JSON.stringify({ message: error.safeMessage, details: error.details })).not.toContain(
      'not a number',
    );
  });

  it('opens the circuit after consecutive failures and then fails fast without calling', async () => {
    const client = makeClient({ retries: 0, breakerThreshold: 3 });
    script = ['500', '500', '500'];
    for (let i = 0; i < 3; i += 1) await failure(client.request({ url: `${base}/thing`, schema }));
    const before = hits;
    const error = await failure(client.request({ url: `${base}/thing`, schema }));
    expect(error.details).toEqual({ agency: 'HEALTH', reason: 'CIRCUIT_OPEN' });
    expect(hits).toBe(before);
  });

  it('answers null for 404 when the caller allows it', async () => {
    const client = makeClient();
    expect(await client.request({ url: `${base}/missing`, schema, allowNotFound: true })).toBeNull();
  });

  it('never puts upstream bodies in the error', async () => {
    script = ['500', '500', '500'];
    const error = await failure(makeClient().request({ url: `${base}/thing`, schema }));
    expect(JSON.stringify({ m: error.safeMessage, d: error.details })).not.toContain('9990001234');
  });
});
