import { request as httpRequest } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildSchema } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Enqueue } from '../../jobs/define-job.js';
import { parseConfig } from '../../platform/config.js';
import { createLogger } from '../../platform/logger.js';
import { migratedSchema, type TestSchema } from '../../store/testing/migrated-schema.js';
import { admitEveryChild, MemoryAuditSink } from '../access/testing.js';
import { createAuth, type Auth } from '../auth/index.js';
import { loadOrCreateLocalKey } from '../auth/local-keys.js';
import { mintToken } from '../auth/mint-token.js';
import { testAuthConfig } from '../auth/testing.js';
import type { Role, PurposeOfUse } from '../auth/vocabulary.js';
import { buildGateway } from '../server.js';
import { feedIntakeConfigSection } from './feed-intake-config.js';
import { registerFeedIntakeRoutes } from './feed-intake-routes.js';

const config = parseConfig(
  { feedIntake: feedIntakeConfigSection },
  { FEED_SCHOOL_MAX_BYTES: '20000', FEED_GP_MAX_BYTES: '20000', FEED_INTAKE_BATCH_ROWS: '4' },
).feedIntake;

describe('POST /feeds/gp and /feeds/school', () => {
  let store: TestSchema;
  let keyDir: string;
  let auth: Auth;
  let app: FastifyInstance;
  let baseUrl: string;
  let enqueued: Array<{ queue: string; jobs: Parameters<Enqueue>[1] }>;
  let enqueueFails = false;
  const tokens: Partial<Record<'feed' | 'gp', string>> = {};

  async function token(role: Role, purpose: PurposeOfUse, userId: string) {
    const key = await loadOrCreateLocalKey(keyDir);
    return mintToken(
      {
        userId,
        name: 'Feed',
        email: 'feed@council.example',
        organisation: '873',
        role,
        purpose,
        ttlSeconds: 600,
      },
      { config: auth.config, key, policy: auth.policy },
    );
  }

  beforeAll(async () => {
    store = await migratedSchema({ prefix: 't_feed_routes' });
    keyDir = await mkdtemp(join(tmpdir(), 'feed-intake-auth-'));
    auth = await createAuth(testAuthConfig({ localKeyDir: keyDir }));
    tokens.feed = await token('FEED_CLIENT', 'DATA_FEED', 'feed-client-1');
    tokens.gp = await token('GP', 'DIRECT_CARE', 'gp-1');
    app = await buildGateway({
      config: {
        host: '127.0.0.1',
        port: 0,
        shutdownGraceMs: 1000,
        introspection: false,
        bodyLimitBytes: 1024,
        maxBatchSize: 100,
      },
      nodeEnv: 'test',
      logger: createLogger({ service: 'test', level: 'silent' }),
      schema: buildSchema('type Query { ok: Boolean }'),
      readinessChecks: [],
      access: {
        verifier: auth.verifier,
        decider: admitEveryChild(),
        audit: new MemoryAuditSink(),
        now: () => new Date(),
      },
      routes: [
        (instance) =>
          registerFeedIntakeRoutes(instance, {
            config,
            db: store.db,
            logger: createLogger({ service: 'test', level: 'silent' }),
            access: {
              verifier: auth.verifier,
              decider: admitEveryChild(),
              audit: new MemoryAuditSink(),
              now: () => new Date(),
            },
            enqueue: async (queue, jobs) => {
              if (enqueueFails) throw Object.assign(new Error('redis down'), { code: 'ECONNREFUSED' });
              enqueued.push({ queue, jobs });
            },
          }),
      ],
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app.close();
    await store.drop();
    await rm(keyDir, { recursive: true, force: true });
  });
  beforeEach(() => {
    enqueued = [];
    enqueueFails = false;
  });

  const csv = (tag: string, rows = 5) =>
    [
      'upn,school_urn,note',
      ...Array.from({ length: rows }, (_, i) => `A${i},123456,"${tag}, row ${i}"`),
    ].join('\r\n');
  const bundle = (type: string, n = 3) =>
    JSON.stringify({
      resourceType: 'Bundle',
      type,
      entry: Array.from({ length: n }, (_, i) => ({ resource: { resourceType: 'Encounter', id: `e${i}` } })),
    });
  const post = (
    path: string,
    payload: string,
    headers: Record<string, string> = {},
    who: 'feed' | 'gp' | null = 'feed',
  ) =>
    app.inject({
      method: 'POST',
      url: path,
      headers: {
        'content-type': path.endsWith('school') ? 'text/csv' : 'application/fhir+json',
        ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}),
        ...headers,
      },
      payload,
    });
  const feedCount = async () =>
    (await store.db.query(`SELECT id FROM feeds WHERE status <> 'ABANDONED'`)).rows.length;
  const codeOf = (response: { json(): unknown }) =>
    (response.json() as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code;

  it('stores a school CSV, answers 202 with the feed id, and queues its ingest under that id', async () => {
    const response = await post('/feeds/school', csv('a'), { 'x-feed-sender': '123456' });
    expect(response.statusCode).toBe(202);
    const body = response.json() as { feedId: string };
    expect(body).toEqual({
      feedId: expect.stringMatching(/^feed_/),
      status: 'RECEIVED',
      duplicate: false,
      records: 5,
    });
    const { rows } = await store.db.query<{ position: number }>(
      `SELECT position FROM feed_records WHERE feed_id = $1 ORDER BY position`,
      [body.feedId],
    );
    expect(rows.map((r) => r.position)).toEqual([1, 2, 3, 4, 5, 6]);
    const feed = await store.db.query(`SELECT submitted_by, sender, status FROM feeds WHERE id = $1`, [
      body.feedId,
    ]);
    expect(feed.rows).toEqual([{ submitted_by: 'feed-client-1', sender: '123456', status: 'RECEIVED' }]);
    expect(enqueued).toEqual([
      { queue: 'ingest-feed', jobs: [{ data: { feedId: body.feedId }, options: { jobId: body.feedId } }] },
    ]);
  });

  it('stores a GP Bundle (bigger than the gateway body limit) entry by entry', async () => {
    const payload = bundle('transaction', 40);
    expect(payload.length).toBeGreaterThan(1024);
    const response = await post('/feeds/gp', payload, { 'x-feed-sender': 'm81001' });
    expect(response.statusCode).toBe(202);
    const { feedId } = response.json() as { feedId: string };
    const { rows } = await store.db.query<{ n: number; sender: string }>(
      `SELECT count(*)::int AS n, max(f.sender) AS sender FROM feed_records r JOIN feeds f ON f.id = r.feed_id WHERE feed_id = $1`,
      [feedId],
    );
    expect(rows[0]).toEqual({ n: 40, sender: 'M81001' });
  });

  it('answers the same feed sent again with the first id and stores nothing more', async () => {
    const first = (await post('/feeds/school', csv('dup'))).json() as { feedId: string };
    const records = async () => (await store.db.query(`SELECT 1 FROM feed_records`)).rows.length;
    const before = await records();
    const again = await post('/feeds/school', csv('dup'));
    expect(again.statusCode).toBe(202);
    expect(again.json()).toEqual({ feedId: first.feedId, status: 'RECEIVED', duplicate: true, records: 5 });
    expect(await records()).toBe(before);
  });

  it('answers 202 when the feed is stored but its job cannot be queued (the sweep queues it)', async () => {
    enqueueFails = true;
    const response = await post('/feeds/school', csv('no-redis'));
    expect(response.statusCode).toBe(202);
    const { feedId } = response.json() as { feedId: string };
    const { rows } = await store.db.query(`SELECT status FROM feeds WHERE id = $1`, [feedId]);
    expect(rows).toEqual([{ status: 'RECEIVED' }]);
  });

  it('refuses without a token (401) and a caller who is not a feed client (403), storing nothing', async () => {
    const before = await feedCount();
    const anonymous = await post('/feeds/school', csv('anon'), {}, null);
    expect(anonymous.statusCode).toBe(401);
    expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
    const gp = await post('/feeds/gp', bundle('batch'), {}, 'gp');
    expect(gp.statusCode).toBe(403);
    expect(codeOf(gp)).toBe('FORBIDDEN');
    expect(await feedCount()).toBe(before);
    expect(enqueued).toEqual([]);
  });

  it('refuses a Bundle of the wrong type (400), a wrong content type (415) and a bad sender (400)', async () => {
    const before = await feedCount();
    const searchset = await post('/feeds/gp', bundle('searchset'));
    expect(searchset.statusCode).toBe(400);
    expect(codeOf(searchset)).toBe('BUNDLE_TYPE');
    const late = await post(
      '/feeds/gp',
      JSON.stringify({ resourceType: 'Bundle', entry: [{}, {}, {}, {}, {}], type: 'history' }),
    );
    expect(codeOf(late)).toBe('BUNDLE_TYPE');
    const notJson = await post('/feeds/gp', '{"resourceType": "Bundle", ');
    expect([notJson.statusCode, codeOf(notJson)]).toEqual([400, 'NOT_JSON']);
    const wrongType = await post('/feeds/school', csv('x'), { 'content-type': 'application/json' });
    expect([wrongType.statusCode, codeOf(wrongType)]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const sender = await post('/feeds/school', csv('x'), { 'x-feed-sender': 'M81001' });
    expect([sender.statusCode, codeOf(sender)]).toEqual([400, 'BAD_SENDER']);
    expect(JSON.stringify(sender.json())).not.toMatch(/M81001/);
    expect(await feedCount()).toBe(before);
  });

  it('refuses a feed over the size limit with 413, by its length or as it streams', async () => {
    const before = await feedCount();
    const big = csv('big', 1000);
    const declared = await post('/feeds/school', big);
    expect([declared.statusCode, codeOf(declared)]).toEqual([413, 'FEED_TOO_LARGE']);
    // Chunked, with no length given: refused once the limit is crossed.
    const response = await fetch(`${baseUrl}/feeds/school`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${tokens.feed}` },
      body: Readable.toWeb(Readable.from([Buffer.from(big)])) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await feedCount()).toBe(before);
  });

  it('keeps nothing processable of an upload that breaks off', async () => {
    const before = await feedCount();
    const req = httpRequest(`${baseUrl}/feeds/school`, {
      method: 'POST',
      headers: {
        'content-type': 'text/csv',
        authorization: `Bearer ${tokens.feed}`,
        'transfer-encoding': 'chunked',
      },
    });
    req.on('error', () => undefined);
    req.write(csv('cut', 100).slice(0, 3000));
    // Records of the unfinished upload are being stored ...
    let storing = 0;
    for (let i = 0; i < 50 && storing === 0; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      storing = (
        await store.db.query(
          `SELECT 1 FROM feed_records r JOIN feeds f ON f.id = r.feed_id WHERE f.status = 'RECEIVING'`,
        )
      ).rows.length;
    }
    expect(storing).toBeGreaterThan(0);
    req.destroy();
    // The server notices the reset and removes what it stored.
    for (let i = 0; i < 50; i += 1) {
      const { rows } = await store.db.query(`SELECT status FROM feeds WHERE status = 'RECEIVING'`);
      if (rows.length === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await store.db.query(`SELECT status FROM feeds WHERE status = 'RECEIVING'`)).rows).toEqual([]);
    expect(await feedCount()).toBe(before);
    expect(enqueued).toEqual([]);
  });
});
