import { beforeEach, describe, expect, it } from 'vitest';
import { readJoinedRecordsWith } from './read-joined-records.js';
import {
  fakeConnector,
  placement,
  readAt,
  socialCareSectionWith,
  type FakeConnector,
} from './test-fixtures/fake-connectors.js';
import { linkedRecord, memoryLookup, type MemoryLookup } from './test-fixtures/memory-lookup.js';

const now = () => new Date('2026-11-25T10:00:00.000Z');

// A and B live in Oak House now; C lived there for a while (not in the batch); X, whom the identity index does
// not link, left before A came. F is known only to the GP.
const sections = socialCareSectionWith({
  'S-A': [placement('PL-A', '2026-03-01T10:00:00.000Z', null, 'U1')],
  'S-B': [placement('PL-B', '2026-01-01T10:00:00.000Z', null, 'U1')],
  'S-C': [placement('PL-C', '2026-02-01T10:00:00.000Z', '2026-04-01T10:00:00.000Z', 'U1')],
  'S-X': [placement('PL-X', '2025-06-01T10:00:00.000Z', '2026-01-15T10:00:00.000Z', 'U1')],
});
const oakHouse = {
  unitId: 'U1',
  name: 'Oak House',
  stays: [
    {
      personId: 'S-X',
      placementId: 'PL-X',
      start: '2025-06-01T10:00:00.000Z',
      end: '2026-01-15T10:00:00.000Z',
    },
    { personId: 'S-B', placementId: 'PL-B', start: '2026-01-01T10:00:00.000Z', end: null },
    {
      personId: 'S-C',
      placementId: 'PL-C',
      start: '2026-02-01T10:00:00.000Z',
      end: '2026-04-01T10:00:00.000Z',
    },
    { personId: 'S-A', placementId: 'PL-A', start: '2026-03-01T10:00:00.000Z', end: null },
  ],
};

let socialCare: FakeConnector;
let gp: FakeConnector;
let education: FakeConnector;
let adult: FakeConnector;
let lookup: MemoryLookup;
beforeEach(() => {
  socialCare = fakeConnector('SOCIAL_CARE', ['S-A', 'S-B', 'S-C', 'S-X'], sections);
  socialCare.units.set('U1', oakHouse);
  gp = fakeConnector('HEALTH', ['G-A', 'G-B', 'G-F']);
  education = fakeConnector('EDUCATION', ['E-A']);
  adult = fakeConnector('ADULT_SERVICES', []);
  lookup = memoryLookup([
    {
      id: 'ch-a',
      records: [
        linkedRecord('social-care', 'S-A'),
        linkedRecord('gp', 'G-A'),
        linkedRecord('education', 'E-A'),
      ],
    },
    { id: 'ch-b', records: [linkedRecord('social-care', 'S-B'), linkedRecord('gp', 'G-B')] },
    { id: 'ch-c', records: [linkedRecord('social-care', 'S-C')] },
    { id: 'ch-f', records: [linkedRecord('gp', 'G-F', { dateOfBirth: '2020-02-29' })] },
  ]);
});

const read = (ids: string[], batchSize?: number) =>
  readJoinedRecordsWith(
    { lookup, connectors: [socialCare, gp, education, adult], now, ...(batchSize ? { batchSize } : {}) },
    ids,
  );

describe('readJoinedRecords', () => {
  it('answers each child in order, with one read per agency and none for unlinked children', async () => {
    const [a, missing, b, f] = await read(['ch-a', 'ch-gone', 'ch-b', 'ch-f']);
    expect(missing).toBeNull();
    expect(gp.calls).toEqual([[{ ids: ['G-A'] }, { ids: ['G-B'] }, { ids: ['G-F'] }]]);
    expect(education.calls).toEqual([[{ ids: ['E-A'] }]]);
    expect(adult.calls).toEqual([]);
    // The batch's read, then one more for the residents the batch did not read (C, and X under its own id).
    expect(socialCare.calls).toEqual([
      [{ ids: ['S-A'] }, { ids: ['S-B'] }],
      [{ ids: ['S-C'] }, { ids: ['S-X'] }],
    ]);
    expect(socialCare.unitCalls).toEqual([['U1']]);

    expect(a?.child).toMatchObject({
      id: 'ch-a',
      links: [{ agency: 'social-care', localId: 'S-A' }, {}, {}],
    });
    expect(a?.socialCare).toMatchObject({ agency: 'SOCIAL_CARE', state: 'OK', asOf: readAt });
    expect(a?.education).toMatchObject({ state: 'OK', section: { ids: ['E-A'] } });
    expect(a?.adultServices).toEqual({
      agency: 'ADULT_SERVICES',
      state: 'NOT_LINKED',
      asOf: null,
      reason: null,
      section: null,
    });
    expect(a?.readAt).toBe(now().toISOString());
    expect(b?.education.state).toBe('NOT_LINKED');
    expect(f).toMatchObject({
      child: { id: 'ch-f', dateOfBirth: '2020-02-29' },
      socialCare: { state: 'NOT_LINKED' },
      health: { state: 'OK', section: { ids: ['G-F'] } },
      residential: null,
    });
  });

  it('gives the home and everyone placed there while the child was, with their social care parts', async () => {
    const [a, b] = await read(['ch-a', 'ch-b']);
    expect(a?.residential).toEqual({
      unitId: 'U1',
      unitName: 'Oak House',
      coResidents: [
        // B is in the batch: B's own part, not a second read.
        {
          childId: 'ch-b',
          socialCarePersonId: 'S-B',
          placementStart: '2026-01-01T10:00:00.000Z',
          placementEnd: null,
          socialCare: b?.socialCare,
        },
        {
          childId: 'ch-c',
          socialCarePersonId: 'S-C',
          placementStart: '2026-02-01T10:00:00.000Z',
          placementEnd: '2026-04-01T10:00:00.000Z',
          socialCare: expect.objectContaining({
            state: 'OK',
            section: expect.objectContaining({ personIds: ['S-C'] }),
          }),
        },
      ],
    });
    expect(
      b?.residential?.coResidents.map((resident) => [resident.childId, resident.socialCarePersonId]),
    ).toEqual([
      [null, 'S-X'],
      ['ch-c', 'S-C'],
      ['ch-a', 'S-A'],
    ]);
    expect(b?.residential?.coResidents[0]?.socialCare.state).toBe('OK');
  });

  it('makes no residents reads when nobody in the batch lives in a home', async () => {
    await read(['ch-f']);
    expect(socialCare.calls).toEqual([]);
    expect(socialCare.unitCalls).toEqual([]);
  });

  it('reads `batchSize` children at a time: one read per agency per batch', async () => {
    const records = await read(['ch-f', 'ch-a', 'ch-b', 'ch-gone', 'ch-c'], 2);
    expect(records.map((record) => record?.child.id ?? null)).toEqual(['ch-f', 'ch-a', 'ch-b', null, 'ch-c']);
    expect(gp.calls).toHaveLength(2);
    expect(lookup.calls.children).toBeGreaterThanOrEqual(3);
  });

  it('fails only the failing agency, for every child it holds', async () => {
    gp.failure = { code: 'UNAVAILABLE', reason: 'UPSTREAM_HTTP_503' };
    const records = await read(['ch-a', 'ch-b', 'ch-c']);
    expect(records.map((record) => record?.health.state)).toEqual([
      'UNAVAILABLE',
      'UNAVAILABLE',
      'NOT_LINKED',
    ]);
    expect(records.map((record) => record?.health.reason)).toEqual([
      'UPSTREAM_HTTP_503',
      'UPSTREAM_HTTP_503',
      null,
    ]);
    expect(records.map((record) => record?.socialCare.state)).toEqual(['OK', 'OK', 'OK']);
    expect(records[0]?.education.state).toBe('OK');
  });

  it('reads no home when social care fails, and says so in the social care part', async () => {
    socialCare.failure = { code: 'TIMED_OUT', reason: 'UPSTREAM_TIMEOUT' };
    const [a] = await read(['ch-a']);
    expect(a?.socialCare).toMatchObject({ state: 'TIMED_OUT', reason: 'UPSTREAM_TIMEOUT', section: null });
    expect(a?.residential).toBeNull();
    expect(socialCare.unitCalls).toEqual([]);
  });

  it('fails the social care part of a child whose home could not be read, rather than show an empty home', async () => {
    socialCare.unitsFailure = { state: 'UNAVAILABLE', reason: 'UPSTREAM_SQLSTATE_57014' };
    const [a, f] = await read(['ch-a', 'ch-f']);
    expect(a?.socialCare).toEqual({
      agency: 'SOCIAL_CARE',
      state: 'UNAVAILABLE',
      asOf: readAt,
      reason: 'UPSTREAM_SQLSTATE_57014',
      section: null,
    });
    expect(a?.residential).toBeNull();
    expect(f?.socialCare.state).toBe('NOT_LINKED');
    expect(socialCare.calls).toHaveLength(1);
  });

  it('reports a co-resident social care could not read in that resident’s part', async () => {
    socialCare.held.delete('S-C');
    const [a] = await read(['ch-a']);
    const c = a?.residential?.coResidents.find((resident) => resident.socialCarePersonId === 'S-C');
    expect(c?.socialCare).toMatchObject({ state: 'NOT_LINKED', reason: 'RECORD_NOT_FOUND' });
  });

  it('refuses a batch size that is not a positive integer', async () => {
    await expect(read(['ch-a'], 0.5)).rejects.toThrow(RangeError);
  });
});
