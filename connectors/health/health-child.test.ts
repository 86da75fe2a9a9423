import { describe, expect, it } from 'vitest';
import { HubError } from '../../platform/errors.js';
import { patientRecordsResources } from './fixtures/fixture-bundle.js';
import { recordsOrThrow, toHealthChild, toSourceStatus } from './health-child.js';
import { toPatientRecords } from './to-patient-records.js';

const now = () => new Date('2025-04-01T00:00:00.000Z');
const record = toPatientRecords(patientRecordsResources()).get('pat-a') ?? null;
const readAt = '2025-03-31T12:00:00.000Z';

describe('a health child and its source status', () => {
  it('is OK, as of the read, when a record was found', () => {
    const child = toHealthChild(
      ['pat-a', 'gone'],
      [
        { readAt, record },
        { readAt, record: null },
      ],
      now,
    );
    expect(toSourceStatus(child.outcome)).toEqual({
      agency: 'HEALTH',
      state: 'OK',
      asOf: readAt,
      reason: null,
    });
    expect(recordsOrThrow(child)).toHaveLength(1);
  });

  it('is NOT_LINKED without keys, and NOT_LINKED with a reason when no key is known upstream', () => {
    expect(toSourceStatus(toHealthChild([], [], now).outcome)).toEqual({
      agency: 'HEALTH',
      state: 'NOT_LINKED',
      asOf: null,
      reason: null,
    });
    const stale = toHealthChild(['gone'], [{ readAt, record: null }], now);
    expect(toSourceStatus(stale.outcome)).toMatchObject({ state: 'NOT_LINKED', reason: 'PATIENT_NOT_FOUND' });
    expect(recordsOrThrow(stale)).toBeNull();
  });

  it('reports a timeout as TIMED_OUT and other failures as UNAVAILABLE, with the reason code, and never throws', () => {
    const timeout = new HubError('UPSTREAM_TIMEOUT', {
      details: { agency: 'HEALTH', reason: 'UPSTREAM_TIMEOUT' },
    });
    const open = new HubError('UPSTREAM_UNAVAILABLE', {
      details: { agency: 'HEALTH', reason: 'CIRCUIT_OPEN' },
    });
    const bare = new HubError('UPSTREAM_BAD_PAYLOAD', { details: { agency: 'HEALTH' } });
    expect(toSourceStatus(toHealthChild(['a'], [timeout], now).outcome)).toEqual({
      agency: 'HEALTH',
      state: 'TIMED_OUT',
      asOf: '2025-04-01T00:00:00.000Z',
      reason: 'UPSTREAM_TIMEOUT',
    });
    expect(toSourceStatus(toHealthChild(['a'], [open], now).outcome)).toMatchObject({
      state: 'UNAVAILABLE',
      reason: 'CIRCUIT_OPEN',
    });
    expect(toSourceStatus(toHealthChild(['a'], [bare], now).outcome).reason).toBe('UPSTREAM_BAD_PAYLOAD');
  });

  it('makes the section, chronology and team throw the HubError when the read failed', () => {
    const error = new HubError('UPSTREAM_UNAVAILABLE', {
      details: { agency: 'HEALTH', reason: 'UPSTREAM_HTTP_503' },
    });
    const child = toHealthChild(['pat-a'], [error], now);
    expect(() => recordsOrThrow(child)).toThrow(error);
  });
});
