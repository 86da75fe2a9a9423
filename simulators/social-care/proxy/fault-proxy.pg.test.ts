import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RequestCounter } from '../../kit/counters.js';
import { FaultController } from '../../kit/faults.js';
import { openPostgresDatabase } from '../database/postgres-database.js';
import type { SsdDatabase } from '../database/ssd-database.js';
import { buildSyntheticPopulation } from '../fixtures/synthetic-population.js';
import { countedRelationNames } from '../ssd-schema/all-tables.js';
import { testDatabaseUrl, uniqueName } from '../test-support/pg-test-env.js';
import type { FaultProxy } from './fault-proxy.js';
import { startFaultProxy } from './fault-proxy.js';
import { injectedErrorCode } from './proxy-session.js';

const population = buildSyntheticPopulation({ socialCareRecords: 40, seed: 21 });
const child = population.socialCare[0];
if (child === undefined) throw new Error('empty fixture');

let random = 0.5;
const faults = new FaultController({}, () => random);
const counters = new RequestCounter();
let database: SsdDatabase;
let proxy: FaultProxy;
const open: pg.Client[] = [];

function readerConfig(extra: Partial<pg.ClientConfig> = {}): pg.ClientConfig {
  return {
    host: '127.0.0.1',
    port: proxy.port,
    user: database.reader.user,
    password: database.reader.password,
    database: database.databaseName,
    ...extra,
  };
}

async function reader(extra: Partial<pg.ClientConfig> = {}): Promise<pg.Client> {
  const client = new pg.Client(readerConfig(extra));
  client.on('error', () => undefined);
  await client.connect();
  open.push(client);
  return client;
}

async function timed<T>(work: () => Promise<T>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

beforeAll(async () => {
  database = await openPostgresDatabase({
    url: testDatabaseUrl,
    schema: uniqueName('ssd_proxy_test'),
    population,
    dropSchemaOnClose: true,
  });
  proxy = await startFaultProxy({
    upstream: database.upstream,
    faults,
    counters,
    knownTables: countedRelationNames,
  });
});

afterEach(async () => {
  faults.reset();
  counters.reset();
  random = 0.5;
  await Promise.all(open.splice(0).map((client) => client.end().catch(() => undefined)));
});

afterAll(async () => {
  await proxy.close();
  await database.close();
});

describe('fault proxy in front of PostgreSQL', () => {
  it('serves a child to the read-only login and refuses writes', async () => {
    const client = await reader();
    const { rows } = await client.query(
      'SELECT pers_person_id, pers_surname FROM ssd_person WHERE pers_person_id = $1',
      [child.personId],
    );
    expect(rows).toEqual([{ pers_person_id: child.personId, pers_surname: child.identity.familyName }]);
    await expect(client.query(`UPDATE ssd_person SET pers_surname = 'X'`)).rejects.toMatchObject({
      code: '25006',
    });
  });

  it('adds the configured latency, and jitter on top of it, to each answer', async () => {
    const client = await reader();
    faults.set({ latencyMs: 250 });
    expect(await timed(() => client.query('SELECT 1'))).toBeGreaterThanOrEqual(240);
    faults.set({ latencyMs: 0, jitterMs: 300 });
    random = 0.99; // jitter = floor(0.99 × 301) = 297 ms
    expect(await timed(() => client.query('SELECT count(*) FROM ssd_person'))).toBeGreaterThanOrEqual(285);
  });

  it('answers an injected error with its SQLSTATE and leaves the connection usable', async () => {
    const client = await reader();
    const named = {
      name: 'child_by_id',
      text: 'SELECT pers_person_id FROM ssd_person WHERE pers_person_id = $1',
      values: [child.personId],
    };
    faults.set({ errorRate: 1 });
    await expect(client.query('SELECT 1')).rejects.toMatchObject({ code: injectedErrorCode });
    await expect(client.query('SELECT $1::int AS n', [7])).rejects.toMatchObject({ code: injectedErrorCode });
    await expect(client.query(named)).rejects.toMatchObject({ code: injectedErrorCode });
    faults.set({ errorRate: 0 });
    expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    expect((await client.query('SELECT $1::int AS n', [7])).rows).toEqual([{ n: 7 }]);
    expect((await client.query(named)).rows).toEqual([{ pers_person_id: child.personId }]);
  });

  it('keeps a transaction failed after an injected error until the client rolls back', async () => {
    const client = await reader();
    await client.query('BEGIN');
    faults.set({ errorRate: 1 });
    await expect(client.query('SELECT 1')).rejects.toMatchObject({ code: injectedErrorCode });
    faults.set({ errorRate: 0 });
    await client.query('ROLLBACK');
    expect((await client.query('SELECT 2 AS two')).rows).toEqual([{ two: 2 }]);
  });

  it('never answers a timed-out query, so the client timeout fires, and cleans up when the client leaves', async () => {
    const client = await reader({ query_timeout: 300 });
    faults.set({ timeoutRate: 1 });
    const started = performance.now();
    await expect(client.query('SELECT count(*) FROM ssd_person')).rejects.toThrow(/timeout/i);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    await client.end();
    await eventually(() => proxy.openConnections() === 0);
  });

  it('corrupts one value of a row: a date column arrives as not-a-date', async () => {
    const raw = await reader({ types: { getTypeParser: () => (value: string) => value } });
    faults.set({ malformedRate: 1 });
    const { rows } = await raw.query(
      'SELECT pers_person_id, pers_dob FROM ssd_person WHERE pers_person_id = $1',
      [child.personId],
    );
    expect(rows).toEqual([{ pers_person_id: child.personId, pers_dob: 'not-a-date' }]);
    // pg's default timestamp parser turns the unparseable text into null: a hub must validate, not trust, dates.
    const parsed = await reader();
    const again = await parsed.query('SELECT pers_dob FROM ssd_person WHERE pers_person_id = $1', [
      child.personId,
    ]);
    expect(again.rows).toEqual([{ pers_dob: null }]);
  });

  it('while down refuses new connections and drops open ones, then recovers', async () => {
    const client = await reader();
    faults.set({ down: true });
    await expect(client.query('SELECT 1')).rejects.toThrow();
    await eventually(async () => {
      const attempt = new pg.Client(readerConfig());
      attempt.on('error', () => undefined);
      return attempt.connect().then(
        () => attempt.end().then(() => false),
        (error: NodeJS.ErrnoException) => error.code === 'ECONNREFUSED',
      );
    });
    faults.set({ down: false });
    await eventually(async () => {
      const attempt = new pg.Client(readerConfig());
      attempt.on('error', () => undefined);
      return attempt.connect().then(
        () => attempt.end().then(() => true),
        () => false,
      );
    });
  });

  it('counts queries per table: a join counts both, a prepared statement counts on every execution', async () => {
    const client = await reader();
    await client.query(
      'SELECT p.clap_cla_placement_id FROM ssd_cla_placement p JOIN ssd_cla_episodes e ON e.clae_cla_id = p.clap_cla_id',
    );
    expect(counters.snapshot()).toEqual({ ssd_cla_episodes: 1, ssd_cla_placement: 1 });
    const statement = {
      name: 'people_by_id',
      text: 'SELECT * FROM ssd_person WHERE pers_person_id = ANY($1)',
    };
    await client.query({ ...statement, values: [[child.personId]] });
    await client.query({ ...statement, values: [[child.personId]] });
    expect(counters.snapshot()).toEqual({ ssd_cla_episodes: 1, ssd_cla_placement: 1, ssd_person: 2 });
  });
});
