import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, readPersonIndexPage } from './person-index.js';
import { createSocialCareClient } from './social-care-client.js';
import { testPolicy } from './test-fixtures/child-records.js';
import { createFakeSsdDriver } from './test-fixtures/fake-ssd-driver.js';
import { ssdRows } from './test-fixtures/ssd-rows.js';

describe('person index', () => {
  it('pages by person id with a keyset cursor, four statements a page', async () => {
    const driver = createFakeSsdDriver(ssdRows);
    const client = createSocialCareClient({ driver, policy: testPolicy(), maxConcurrentReads: 10 });
    const first = await readPersonIndexPage(client, null, 2);
    expect(first.records.map((record) => record.localId)).toEqual(['P-100', 'P-101']);
    expect(first.records[0]).toMatchObject({
      nhsNumber: '9990001006',
      postcode: 'LS6 2QD',
      givenName: 'Robin',
    });
    expect(first.next).not.toBeNull();
    expect(driver.countsByTable()).toEqual({
      ssd_person: 1,
      ssd_linked_identifiers: 1,
      ssd_address: 1,
      ssdx_sealed_record: 1,
    });
    const second = await readPersonIndexPage(client, first.next, 2);
    expect(second.records.map((record) => record.localId)).toEqual(['P-200']);
    expect(second.records[0]).toMatchObject({ upn: 'A123456789012', nhsNumber: '9990001014' });
    expect(second.next).toBeNull();
  });

  it('says why a sealed person is sealed, from one statement for the page', async () => {
    const rows = structuredClone(ssdRows);
    rows['ssdx_sealed_record'] = [{ seal_person_id: 'P-101', seal_reason: 'ADOPTION' }];
    const driver = createFakeSsdDriver(rows);
    const client = createSocialCareClient({ driver, policy: testPolicy(), maxConcurrentReads: 10 });
    const page = await readPersonIndexPage(client, null, 10);
    expect(page.records.map((record) => [record.localId, record.sealedReason])).toEqual([
      ['P-100', null],
      ['P-101', 'ADOPTION'],
      ['P-200', null],
    ]);
    expect(driver.countsByTable()['ssdx_sealed_record']).toBe(1);
    expect(driver.statements.find((s) => s.table === 'ssdx_sealed_record')?.params).toEqual([
      ['P-100', 'P-101', 'P-200'],
    ]);
  });

  it('rejects a cursor it did not make, naming no value', () => {
    expect(decodeCursor(encodeCursor('P-100'))).toBe('P-100');
    expect(() => decodeCursor('not-a-cursor')).toThrowError(
      expect.objectContaining({
        code: 'BAD_REQUEST',
        details: { agency: 'SOCIAL_CARE', reason: 'INVALID_CURSOR' },
      }),
    );
  });
});
