import { describe, expect, it } from 'vitest';
import { toDriverError } from './pg-errors.js';
import { readRelationships } from './relationships.js';
import { createSocialCareClient } from './social-care-client.js';
import type { SsdDriver, SsdRow } from './ssd-driver.js';
import { testPolicy } from './test-fixtures/child-records.js';
import { createFakeSsdDriver } from './test-fixtures/fake-ssd-driver.js';
import { ssdRows } from './test-fixtures/ssd-rows.js';

/** The fixture rows plus a care leaver whose adviser has a contact row, and one naming an unknown adviser. */
function rows(): Record<string, SsdRow[]> {
  const tables = structuredClone(ssdRows);
  tables['ssd_care_leavers'] = [
    { clea_person_id: 'P-200', clea_care_leaver_personal_advisor: 'PRO-PA' },
    { clea_person_id: 'P-101', clea_care_leaver_personal_advisor: 'PRO-NOBODY' },
  ];
  tables['ssd_involvements']?.push({
    invo_involvements_id: 'INV-9',
    invo_person_id: 'P-200',
    invo_professional_id: 'PRO-AGENCY-TEMP',
    invo_professional_role_id: 'SOCIAL_WORKER',
    invo_involvement_start_date: '2024-02-01 09:00:00',
  });
  tables['ssdx_professional_contact']?.push({
    prco_professional_id: 'PRO-PA',
    prco_email: 'Pat.Adviser@council.example',
  });
  return tables;
}

/** The driver, except that `table` fails as PostgreSQL would with SQLSTATE `code`. */
function failingTable(driver: SsdDriver, table: string, code: string): SsdDriver {
  return {
    query: (name, sql, params) =>
      name === table
        ? Promise.reject(toDriverError({ code }, 'SOCIAL_CARE'))
        : driver.query(name, sql, params),
    close: () => driver.close(),
  };
}

const client = (driver: SsdDriver) =>
  createSocialCareClient({ driver, policy: testPolicy(), maxConcurrentReads: 10 });

describe('social care relationships read', () => {
  it('names each current professional by work e-mail, in three statements for the batch', async () => {
    const driver = createFakeSsdDriver(rows());
    const relationships = await readRelationships(client(driver), ['P-100', 'P-101', 'P-200', 'P-100']);
    expect(relationships).toEqual([
      {
        localId: 'P-100',
        kind: 'ALLOCATED_SOCIAL_WORKER',
        subject: { person: 'sam.worker@council.example' },
        since: '2023-06-01',
      },
      {
        localId: 'P-100',
        kind: 'IRO',
        subject: { person: 'ira.reviewer@council.example' },
        since: '2023-06-03',
      },
      {
        localId: 'P-101',
        kind: 'ALLOCATED_SOCIAL_WORKER',
        subject: { person: 'sam.worker@council.example' },
        since: '2023-06-01',
      },
      {
        localId: 'P-200',
        kind: 'PERSONAL_ADVISER',
        subject: { person: 'pat.adviser@council.example' },
        since: null,
      },
    ]);
    expect(driver.countsByTable()).toEqual({
      ssd_involvements: 1,
      ssd_care_leavers: 1,
      ssdx_professional_contact: 1,
    });
    // Only the professionals of open involvements and care leaver records are looked up, each once.
    expect(driver.statements.at(-1)?.params).toEqual([
      ['PRO-SW', 'PRO-IRO', 'PRO-AGENCY-TEMP', 'PRO-PA', 'PRO-NOBODY'],
    ]);
  });

  it.each(['42P01', '42703'])(
    'gives no relationship, and no failure, when the contact table is missing (SQLSTATE %s)',
    async (code) => {
      const driver = createFakeSsdDriver(rows());
      const read = readRelationships(client(failingTable(driver, 'ssdx_professional_contact', code)), [
        'P-100',
        'P-200',
      ]);
      await expect(read).resolves.toEqual([]);
    },
  );

  it('fails the read when the contact table fails for any other reason', async () => {
    const driver = createFakeSsdDriver(rows());
    const read = readRelationships(client(failingTable(driver, 'ssdx_professional_contact', '42501')), [
      'P-100',
    ]);
    await expect(read).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      details: { agency: 'SOCIAL_CARE', reason: 'UPSTREAM_SQLSTATE_42501' },
    });
  });

  it('asks nothing for no people', async () => {
    const driver = createFakeSsdDriver(rows());
    expect(await readRelationships(client(driver), [])).toEqual([]);
    expect(driver.statements).toEqual([]);
  });
});
