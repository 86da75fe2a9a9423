import { beforeEach, describe, expect, it } from 'vitest';
import { isHubError } from '../../platform/errors.js';
import { createSocialCareReconciliationReads } from './reconciliation-reads.js';
import { socialCareMerge } from './schema.js';
import { createSocialCareClient } from './social-care-client.js';
import { fixtureRecords, testPolicy } from './test-fixtures/child-records.js';
import { createFakeSsdDriver, type FakeSsdDriver } from './test-fixtures/fake-ssd-driver.js';
import { ssdRows } from './test-fixtures/ssd-rows.js';
import { toSocialCareSection } from './to-social-care-section.js';

let driver: FakeSsdDriver;
let mappingErrors: unknown[];
beforeEach(() => {
  driver = createFakeSsdDriver(structuredClone(ssdRows));
  mappingErrors = [];
});

const readAt = new Date('2025-06-30T12:00:00.000Z');
function reads() {
  return createSocialCareReconciliationReads({
    client: createSocialCareClient({
      driver,
      policy: testPolicy({ timeoutMs: 100 }),
      maxConcurrentReads: 10,
    }),
    now: () => readAt,
    onMappingError: (error) => mappingErrors.push(error),
  });
}

/** The key the gateway's merge would make for an identity child with these person ids. */
const keyFor = (socialCarePersonIds: string[]) => socialCareMerge['Child']!.key!({ socialCarePersonIds });

describe('social care readChildren', () => {
  it('answers the same section as the subschema, one per key in order, in one statement per table', async () => {
    const read = await reads().readChildren([keyFor(['P-100', 'P-101']), keyFor([]), keyFor(['P-404'])]);

    expect(read).toHaveLength(3);
    expect(read[0]).toEqual({
      source: { agency: 'SOCIAL_CARE', state: 'OK', asOf: readAt.toISOString(), reason: null },
      section: toSocialCareSection(await fixtureRecords('P-100', 'P-101'), readAt.toISOString()),
    });
    expect(read[1]).toEqual({
      source: { agency: 'SOCIAL_CARE', state: 'NOT_LINKED', asOf: null, reason: null },
      section: null,
    });
    // A linked id the SSD no longer holds.
    expect(read[2]).toEqual({
      source: {
        agency: 'SOCIAL_CARE',
        state: 'NOT_LINKED',
        asOf: readAt.toISOString(),
        reason: 'RECORD_NOT_FOUND',
      },
      section: null,
    });
    const counts = Object.values(driver.countsByTable());
    expect(counts.length).toBeGreaterThan(20);
    expect(new Set(counts)).toEqual(new Set([1]));
  });

  it('keeps nothing between calls: a second call reads again', async () => {
    const connectorReads = reads();
    await connectorReads.readChildren([keyFor(['P-100'])]);
    await connectorReads.readChildren([keyFor(['P-100'])]);
    expect(new Set(Object.values(driver.countsByTable()))).toEqual(new Set([2]));
  });

  it('asks nobody when no key names a record', async () => {
    const read = await reads().readChildren([keyFor([]), keyFor([])]);
    expect(read.map((child) => child.source.state)).toEqual(['NOT_LINKED', 'NOT_LINKED']);
    expect(driver.statements).toHaveLength(0);
  });

  it.each([
    ['a failing database', 'fail', 'UNAVAILABLE', 'UPSTREAM_SQLSTATE_58000'],
    ['a database that does not answer', 'hang', 'TIMED_OUT', 'UPSTREAM_TIMEOUT'],
  ] as const)('reports %s in every linked source instead of throwing', async (_name, step, state, reason) => {
    driver.script = Array.from({ length: 40 }, () => step);
    const read = await reads().readChildren([keyFor(['P-100']), keyFor(['P-200']), keyFor([])]);
    expect(read).toEqual([
      { source: { agency: 'SOCIAL_CARE', state, asOf: readAt.toISOString(), reason }, section: null },
      { source: { agency: 'SOCIAL_CARE', state, asOf: readAt.toISOString(), reason }, section: null },
      { source: { agency: 'SOCIAL_CARE', state: 'NOT_LINKED', asOf: null, reason: null }, section: null },
    ]);
  });

  it('refuses a key its merge config did not make, without repeating its values', async () => {
    const error = await reads()
      .readChildren([{ ids: ['P-100'] }])
      .catch((caught: unknown) => caught);
    expect(isHubError(error) && error.code).toBe('INTERNAL');
    expect(JSON.stringify({ error, message: (error as Error).message })).not.toContain('P-100');
    expect(driver.statements).toHaveLength(0);
  });
});

describe('social care readResidentialUnits', () => {
  it('answers each unit with every stay there, one per id in order, in one statement per table', async () => {
    const read = await reads().readResidentialUnits(['UNIT-1', 'UNIT-404']);
    expect(read).toEqual({
      state: 'OK',
      asOf: readAt.toISOString(),
      units: [
        {
          unitId: 'UNIT-1',
          name: 'Example House',
          stays: [{ personId: 'P-100', placementId: 'PL-2', start: '2024-01-15T12:00:00.000Z', end: null }],
        },
        { unitId: 'UNIT-404', name: null, stays: [] },
      ],
    });
    expect(driver.countsByTable()).toEqual({ ssdx_residential_unit: 1, ssdx_residential_unit_residents: 1 });
  });

  it('orders stays by start, whatever order the database sends them in', async () => {
    const rows = structuredClone(ssdRows);
    rows['ssdx_residential_unit_residents']!.unshift({
      resr_unit_id: 'UNIT-1',
      resr_person_id: 'P-200',
      resr_placement_id: 'PL-9',
      resr_start_date: '2024-03-01 09:00:00',
      resr_end_date: '2024-05-01 09:00:00',
    });
    driver = createFakeSsdDriver(rows);
    const read = await reads().readResidentialUnits(['UNIT-1']);
    expect(read.state === 'OK' && read.units[0]?.stays.map((stay) => stay.placementId)).toEqual([
      'PL-2',
      'PL-9',
    ]);
  });

  it('reports a failure instead of throwing', async () => {
    driver.script = ['fail', 'fail'];
    expect(await reads().readResidentialUnits(['UNIT-1'])).toEqual({
      state: 'UNAVAILABLE',
      asOf: readAt.toISOString(),
      reason: 'UPSTREAM_SQLSTATE_58000',
    });
  });
});
