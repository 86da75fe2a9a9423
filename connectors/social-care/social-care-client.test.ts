import { beforeEach, describe, expect, it } from 'vitest';
import type { HubError } from '../../platform/errors.js';
import { createSocialCareClient } from './social-care-client.js';
import { ssd } from './ssd-tables.js';
import { testPolicy } from './test-fixtures/child-records.js';
import { createFakeSsdDriver, type FakeSsdDriver } from './test-fixtures/fake-ssd-driver.js';
import { ssdRows } from './test-fixtures/ssd-rows.js';

let driver: FakeSsdDriver;
beforeEach(() => {
  driver = createFakeSsdDriver(structuredClone(ssdRows));
});

async function failure(promise: Promise<unknown>): Promise<HubError> {
  try {
    await promise;
  } catch (error) {
    return error as HubError;
  }
  throw new Error('expected a failure');
}

const readPeople = (client: ReturnType<typeof createSocialCareClient>) =>
  client.rowsWhereAny(ssd.person, 'pers_person_id', ['P-100', 'P-200', 'P-100']);

describe('social care client', () => {
  it('reads every id in one statement, each id once, with validated rows', async () => {
    const client = createSocialCareClient({ driver, policy: testPolicy(), maxConcurrentReads: 10 });
    const rows = await readPeople(client);
    expect(rows.map((row) => row.pers_person_id)).toEqual(['P-100', 'P-200']);
    expect(rows[0]).toEqual({ pers_person_id: 'P-100', pers_send_flag: true });
    expect(driver.statements).toHaveLength(1);
    expect(driver.statements[0]?.sql).toBe(
      'SELECT pers_person_id, pers_send_flag FROM ssd_person WHERE pers_person_id = ANY($1)',
    );
    expect(driver.statements[0]?.params).toEqual([['P-100', 'P-200']]);
  });

  it('asks nothing for no ids', async () => {
    const client = createSocialCareClient({ driver, policy: testPolicy(), maxConcurrentReads: 10 });
    expect(await client.rowsWhereAny(ssd.person, 'pers_person_id', [])).toEqual([]);
    expect(driver.statements).toHaveLength(0);
  });

  it('retries a transient failure of a read, then succeeds', async () => {
    const client = createSocialCareClient({
      driver,
      policy: testPolicy({ retries: 2 }),
      maxConcurrentReads: 10,
    });
    driver.script = ['fail', 'ok'];
    expect(await readPeople(client)).toHaveLength(2);
    expect(driver.statements).toHaveLength(2);
  });

  it('times out each attempt and reports UPSTREAM_TIMEOUT', async () => {
    const client = createSocialCareClient({
      driver,
      policy: testPolicy({ timeoutMs: 50, retries: 1 }),
      maxConcurrentReads: 10,
    });
    driver.script = ['hang', 'hang'];
    const error = await failure(readPeople(client));
    expect(error.code).toBe('UPSTREAM_TIMEOUT');
    expect(error.details).toEqual({ agency: 'SOCIAL_CARE', reason: 'UPSTREAM_TIMEOUT' });
    expect(driver.statements).toHaveLength(2);
  });

  it('opens the circuit after consecutive failures, then fails fast without asking the database', async () => {
    const client = createSocialCareClient({
      driver,
      policy: testPolicy({ breakerThreshold: 3 }),
      maxConcurrentReads: 10,
    });
    driver.script = ['fail', 'fail', 'fail'];
    for (let i = 0; i < 3; i += 1) {
      expect((await failure(readPeople(client))).details).toEqual({
        agency: 'SOCIAL_CARE',
        reason: 'UPSTREAM_SQLSTATE_58000',
      });
    }
    const error = await failure(readPeople(client));
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.details).toEqual({ agency: 'SOCIAL_CARE', reason: 'CIRCUIT_OPEN' });
    expect(driver.statements).toHaveLength(3);
  });

  it('does not retry the readiness check (not an idempotent read the caller waits on)', async () => {
    const client = createSocialCareClient({
      driver,
      policy: testPolicy({ retries: 2 }),
      maxConcurrentReads: 10,
    });
    driver.script = ['fail', 'ok'];
    expect((await failure(client.ping())).code).toBe('UPSTREAM_UNAVAILABLE');
    expect(driver.statements).toHaveLength(1);
    await expect(client.ping()).resolves.toBeUndefined();
  });

  it('turns a row that fails its schema into UPSTREAM_BAD_PAYLOAD, without echoing the row, and does not retry', async () => {
    const rows = structuredClone(ssdRows);
    const person = rows['ssd_person']?.[0];
    if (person) person['pers_send_flag'] = 'not-a-flag P-100';
    driver = createFakeSsdDriver(rows);
    const client = createSocialCareClient({
      driver,
      policy: testPolicy({ retries: 2 }),
      maxConcurrentReads: 10,
    });
    const error = await failure(readPeople(client));
    expect(error.code).toBe('UPSTREAM_BAD_PAYLOAD');
    expect(error.details).toEqual({ agency: 'SOCIAL_CARE', reason: 'UPSTREAM_BAD_PAYLOAD' });
    expect(error.cause).toEqual({ table: 'ssd_person', paths: ['0.pers_send_flag'] });
    expect(JSON.stringify({ m: error.safeMessage, d: error.details, c: error.cause })).not.toContain('P-100');
    expect(driver.statements).toHaveLength(1);
  });
});
