import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../connectors/connector.js';
import { createLogger } from '../../platform/logger.js';
import type { Db } from '../../store/db.js';
import { migrate } from '../../store/migrate.js';
import { openPostgresDb } from '../../store/postgres-db.js';
import { signWebhook } from './signature.js';
import { registerWebhookRoutes } from './webhook-routes.js';

const databaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const secret = 'webhook-test-secret-0123456789';

describe('agency webhooks', () => {
  const schema = `t_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  let db: Db;
  const invalidated: string[][] = [];
  const app = Fastify();

  beforeAll(async () => {
    db = await openPostgresDb({ url: databaseUrl, schema, poolMax: 2, statementTimeoutMs: 5000 });
    await migrate(db);
    const education = {
      name: 'education',
      agency: { agency: 'EDUCATION' },
      invalidate: async (ids: readonly string[]) => void invalidated.push([...ids]),
    } as unknown as Connector;
    registerWebhookRoutes(app, {
      config: () => ({ secret, toleranceSeconds: 300 }),
      db,
      logger: createLogger({ service: 'test', level: 'silent' }),
      connectors: [education],
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await db.exec(`DROP SCHEMA ${schema} CASCADE`);
    await db.close();
  });

  const event = {
    id: 'evt-1',
    type: 'exclusion.recorded',
    agency: 'education',
    occurredAt: new Date().toISOString(),
    subject: { system: 'education-pupil-id', value: 'PUP-1' },
    data: { exclusionId: 'X1' },
  };
  const post = (body: string, signature: string | undefined, agency = 'education') =>
    app.inject({
      method: 'POST',
      url: `/webhooks/${agency}`,
      headers: { 'content-type': 'application/json', ...(signature ? { 'x-sim-signature': signature } : {}) },
      payload: body,
    });

  it('stores a signed event once, tells the connector, and recognises a replay', async () => {
    const body = JSON.stringify(event);
    const first = await post(body, signWebhook(secret, Math.floor(Date.now() / 1000), body));
    expect(first.statusCode).toBe(202);
    const again = await post(body, signWebhook(secret, Math.floor(Date.now() / 1000), body));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ received: true, duplicate: true });
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM agency_events');
    expect(rows[0]?.n).toBe(1);
    expect(invalidated).toEqual([['PUP-1']]);
  });

  it('refuses unsigned, tampered and stale deliveries without storing them', async () => {
    const body = JSON.stringify({ ...event, id: 'evt-2' });
    expect((await post(body, undefined)).statusCode).toBe(401);
    expect(
      (await post(body.replace('X1', 'X2'), signWebhook(secret, Math.floor(Date.now() / 1000), body)))
        .statusCode,
    ).toBe(401);
    expect(
      (await post(body, signWebhook(secret, Math.floor(Date.now() / 1000) - 3600, body))).statusCode,
    ).toBe(401);
    const { rows } = await db.query(`SELECT 1 FROM agency_events WHERE event_id = 'evt-2'`);
    expect(rows).toHaveLength(0);
  });

  it('rejects an event that fails validation or names another agency', async () => {
    const bad = JSON.stringify({ ...event, id: 'evt-3', occurredAt: 'yesterday' });
    expect((await post(bad, signWebhook(secret, Math.floor(Date.now() / 1000), bad))).statusCode).toBe(400);
    const wrongAgency = JSON.stringify({ ...event, id: 'evt-4' });
    expect(
      (await post(wrongAgency, signWebhook(secret, Math.floor(Date.now() / 1000), wrongAgency), 'gp'))
        .statusCode,
    ).toBe(400);
  });
});
