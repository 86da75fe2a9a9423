import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultController } from '../kit/faults.js';
import type { WebhookReceiver } from '../kit/webhook-receiver.js';
import { startWebhookReceiver } from '../kit/webhook-receiver.js';
import { WebhookSender } from '../kit/webhooks.js';
import { buildSyntheticPopulation } from './fixtures/synthetic-population.js';
import { injectedErrorCode } from './proxy/proxy-session.js';
import type { SocialCareSimulator } from './simulator.js';
import { startSocialCareSimulator } from './simulator.js';
import { testDatabaseUrl, uniqueName } from './test-support/pg-test-env.js';

const secret = 'simulator-test-secret-0123456789';
const population = buildSyntheticPopulation({ socialCareRecords: 80, seed: 41 });
const schema = uniqueName('ssd_sim_test');
const readerRole = uniqueName('ssd_sim_reader');
let simulator: SocialCareSimulator;
let receiver: WebhookReceiver;

async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: simulator.connectionString });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

async function admin(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${simulator.adminUrl}${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return response.json();
}

beforeAll(async () => {
  receiver = await startWebhookReceiver(secret);
  simulator = await startSocialCareSimulator({
    population,
    database: { kind: 'postgres', url: testDatabaseUrl, schema, readerRole, dropSchemaOnClose: true },
    webhooks: new WebhookSender({ url: receiver.url, secret }),
    faults: new FaultController(),
  });
});

afterAll(async () => {
  await simulator.close();
  await receiver.close();
});

describe('social care simulator on PostgreSQL', () => {
  it('gives the hub a read-only connection string through the proxy, tables unqualified', async () => {
    expect(simulator.connectionString).toContain(`${readerRole}:`);
    expect(simulator.connectionString).toContain(`:${simulator.proxyPort}/`);
    const rows = await query<{ n: number }>('SELECT count(*)::int AS n FROM ssd_person');
    expect(rows).toEqual([{ n: 80 }]);
  });

  it('takes faults and reports per-table counts over its admin routes', async () => {
    await admin('POST', '/admin/counters/reset');
    await admin('PUT', '/admin/faults', { errorRate: 1 });
    await expect(query('SELECT * FROM ssd_missing')).rejects.toMatchObject({ code: injectedErrorCode });
    await admin('POST', '/admin/faults/reset');
    await query('SELECT * FROM ssd_missing');
    expect(await admin('GET', '/admin/counters')).toEqual({ total: 2, counts: { ssd_missing: 2 } });
    expect(await admin('PUT', '/admin/faults', { errorRate: 2 })).toMatchObject({
      error: { code: 'INVALID_FAULT_SETTINGS' },
    });
  });

  it('shows a change made through the write API to the hub and announces it', async () => {
    const child = population.socialCare[0];
    if (!child) throw new Error('empty fixture');
    const response = await fetch(`${simulator.adminUrl}/missing-episodes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ personId: child.personId, startDate: '2025-06-01T21:00:00Z' }),
    });
    expect(response.status).toBe(201);
    const { missingEpisodeId } = (await response.json()) as { missingEpisodeId: string };
    expect(
      await query('SELECT miss_person_id FROM ssd_missing WHERE miss_table_id = $1', [missingEpisodeId]),
    ).toEqual([{ miss_person_id: child.personId }]);
    expect(receiver.events().map((e) => e.type)).toContain('missing.started');
  });

  it('drops its login and schema on close', async () => {
    const other = await startSocialCareSimulator({
      population: buildSyntheticPopulation({ socialCareRecords: 5, seed: 42 }),
      database: {
        kind: 'postgres',
        url: testDatabaseUrl,
        schema: uniqueName('ssd_sim_close'),
        readerRole: uniqueName('ssd_sim_close'),
        dropSchemaOnClose: true,
      },
      webhooks: new WebhookSender({ url: null, secret }),
      faults: new FaultController(),
    });
    await other.close();
    const owner = new pg.Client({ connectionString: testDatabaseUrl });
    await owner.connect();
    try {
      const user = decodeURIComponent(new URL(other.connectionString).username);
      expect((await owner.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [user])).rows).toEqual([]);
      expect(
        (await owner.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [other.schema])).rows,
      ).toEqual([]);
    } finally {
      await owner.end();
    }
  });
});
