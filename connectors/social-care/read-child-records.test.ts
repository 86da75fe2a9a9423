import { describe, expect, it } from 'vitest';
import { readChildRecords } from './read-child-records.js';
import { createSocialCareClient } from './social-care-client.js';
import { testPolicy } from './test-fixtures/child-records.js';
import { createFakeSsdDriver } from './test-fixtures/fake-ssd-driver.js';
import { ssdRows } from './test-fixtures/ssd-rows.js';

function setup() {
  const driver = createFakeSsdDriver(ssdRows);
  return { driver, client: createSocialCareClient({ driver, policy: testPolicy(), maxConcurrentReads: 10 }) };
}

describe('reading a batch of child records', () => {
  it('reads each table once for the whole batch, and groups the rows per child', async () => {
    const { driver, client } = setup();
    const records = await readChildRecords(client, ['P-100', 'P-200', 'P-101', 'P-GONE']);
    expect([...records.keys()].sort()).toEqual(['P-100', 'P-101', 'P-200']);
    const counts = driver.countsByTable();
    expect(Object.values(counts).every((count) => count === 1)).toBe(true);
    // 31 tables by person id, then factors, reviews and professionals.
    expect(Object.keys(counts)).toHaveLength(34);
    const robin = records.get('P-100');
    expect(robin?.placements.map((row) => row.clap_cla_placement_id)).toEqual(['PL-1', 'PL-2']);
    expect(records.get('P-200')?.placements).toEqual([]);
  });

  it('reaches reviews through the period of care, and factors through the assessment', async () => {
    const { driver, client } = setup();
    const records = await readChildRecords(client, ['P-100']);
    expect(records.get('P-100')?.claReviews.map((row) => row.clar_cla_review_id)).toEqual(['CLAR-1']);
    expect(records.get('P-100')?.assessmentFactors).toHaveLength(2);
    expect(driver.statements.find((s) => s.table === 'ssd_cla_reviews')?.params).toEqual([['CLA-1']]);
    expect(driver.statements.find((s) => s.table === 'ssd_assessment_factors')?.params).toEqual([['ASM-1']]);
    expect(
      (driver.statements.find((s) => s.table === 'ssd_professionals')?.params[0] as string[]).sort(),
    ).toEqual(['PRO-IRO', 'PRO-OLD', 'PRO-SW']);
  });

  it('skips the dependent reads when nothing hangs off them', async () => {
    const { driver, client } = setup();
    await readChildRecords(client, ['P-200']);
    expect(driver.countsByTable()['ssd_cla_reviews']).toBeUndefined();
    expect(driver.countsByTable()['ssd_assessment_factors']).toBeUndefined();
  });

  it('fails the batch with the first failing table’s error, after every read has settled', async () => {
    const { driver, client } = setup();
    driver.script = ['ok', 'fail'];
    await expect(readChildRecords(client, ['P-100'])).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      details: { agency: 'SOCIAL_CARE', reason: 'UPSTREAM_SQLSTATE_58000' },
    });
  });
});
