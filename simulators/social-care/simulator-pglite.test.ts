import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultController } from '../kit/faults.js';
import { WebhookSender } from '../kit/webhooks.js';
import { buildSyntheticPopulation } from './fixtures/synthetic-population.js';
import { injectedErrorCode } from './proxy/proxy-session.js';
import type { SocialCareSimulator } from './simulator.js';
import { startSocialCareSimulator } from './simulator.js';

// PGlite runs in-process, so this end-to-end test needs no running service.
const population = buildSyntheticPopulation({ socialCareRecords: 60, seed: 51 });
const faults = new FaultController();
const webhooks = new WebhookSender({ url: null, secret: 'pglite-test-secret-0123456789' });
let simulator: SocialCareSimulator;

async function withClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: simulator.connectionString });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  simulator = await startSocialCareSimulator({ population, database: { kind: 'pglite' }, webhooks, faults });
}, 60_000);

afterAll(async () => {
  await simulator?.close();
});

describe('social care simulator on PGlite, reached with plain pg', () => {
  it('serves several sequential connections, each free to reuse the same prepared statement name', async () => {
    const ids = population.socialCare.slice(0, 10).map((r) => r.personId);
    for (let round = 0; round < 3; round += 1) {
      const rows = await withClient(async (client) => {
        const statement = {
          name: 'people_by_id',
          text: 'SELECT pers_person_id FROM ssd_person WHERE pers_person_id = ANY($1) ORDER BY 1',
        };
        await client.query({ ...statement, values: [ids] });
        return (await client.query({ ...statement, values: [ids] })).rows;
      });
      expect(rows.map((r) => r.pers_person_id)).toEqual([...ids].sort());
    }
  });

  it('lets a pool of concurrent connections prepare the same statement name', async () => {
    const pool = new pg.Pool({ connectionString: simulator.connectionString, max: 4 });
    try {
      const ids = population.socialCare.slice(0, 8).map((r) => r.personId);
      const answers = await Promise.all(
        ids.map((id) =>
          pool.query({
            name: 'child_by_id',
            text: 'SELECT pers_person_id FROM ssd_person WHERE pers_person_id = $1',
            values: [id],
          }),
        ),
      );
      expect(answers.map((a) => a.rows[0]?.pers_person_id)).toEqual(ids);
    } finally {
      await pool.end();
    }
  });

  it('refuses writes from the hub login', async () => {
    await withClient(async (client) => {
      await expect(client.query(`DELETE FROM ssd_person`)).rejects.toMatchObject({ code: '25006' });
    });
  });

  it('shows the hub a placement made through the write API', async () => {
    const child = population.socialCare.find((r) => r.claEpisodes.length === 0);
    const unit = population.residentialUnits[0];
    if (!child || !unit) throw new Error('fixture lacks a child not in care or a unit');
    const response = await fetch(`${simulator.adminUrl}/placements`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ personId: child.personId, startDate: '2025-05-01', residentialUnitId: unit.id }),
    });
    expect(response.status).toBe(201);
    const { placementId } = (await response.json()) as { placementId: string };
    const rows = await withClient(
      async (client) =>
        (
          await client.query(
            'SELECT clap_person_id, clap_cla_placement_urn FROM ssd_cla_placement WHERE clap_cla_placement_id = $1',
            [placementId],
          )
        ).rows,
    );
    expect(rows).toEqual([{ clap_person_id: child.personId, clap_cla_placement_urn: unit.urn }]);
    expect(webhooks.sent().map((e) => e.type)).toEqual(['placement.started']);
  });

  it('injects errors through the proxy as on PostgreSQL', async () => {
    await withClient(async (client) => {
      faults.set({ errorRate: 1 });
      await expect(client.query('SELECT 1')).rejects.toMatchObject({ code: injectedErrorCode });
      faults.reset();
      expect((await client.query('SELECT count(*)::int AS n FROM ssd_person')).rows).toEqual([{ n: 60 }]);
    });
    expect(simulator.counters.snapshot().ssd_person).toBeGreaterThan(0);
  });
});
