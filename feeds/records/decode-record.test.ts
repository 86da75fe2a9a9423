import { describe, expect, it } from 'vitest';
import { decodeRecord } from './decode-record.js';
import { clockSkewMs, isFutureDate, isFutureDateTime, recordClock } from './record-clock.js';
import { rejectionFrom } from './record-problems.js';

describe('decodeRecord', () => {
  const bytes = Buffer.from('a,b,c', 'utf8');
  it('decodes UTF-8', () => {
    expect(decodeRecord({ position: 2, bytes, rawSize: bytes.length, corrected: false })).toEqual({
      ok: true,
      value: 'a,b,c',
    });
  });
  it('dead-letters bytes that are not UTF-8 as BAD_ENCODING', () => {
    const latin1 = Buffer.from([0x63, 0x61, 0x66, 0xe9]);
    expect(decodeRecord({ position: 2, bytes: latin1, rawSize: 4, corrected: false })).toMatchObject({
      ok: false,
      reason: 'BAD_ENCODING',
    });
  });
  it('dead-letters a record cut at the size limit as OVERSIZE, but not its correction', () => {
    expect(decodeRecord({ position: 2, bytes, rawSize: bytes.length + 1, corrected: false })).toMatchObject({
      ok: false,
      reason: 'OVERSIZE',
    });
    expect(decodeRecord({ position: 2, bytes, rawSize: bytes.length + 1, corrected: true }).ok).toBe(true);
  });
});

describe('record clock', () => {
  const clock = recordClock(new Date('2026-12-03T12:00:00Z'));
  it('compares dates with today and partial dates by their first day', () => {
    expect(isFutureDate('2026-12-03', clock)).toBe(false);
    expect(isFutureDate('2026-12-04', clock)).toBe(true);
    expect(isFutureDate('2026-12', clock)).toBe(false);
    expect(isFutureDate('2027', clock)).toBe(true);
  });
  it('lets instants run a few minutes ahead for clock skew, no more', () => {
    const at = (ms: number) => new Date(clock.now.getTime() + ms).toISOString();
    expect(isFutureDateTime(at(clockSkewMs), clock)).toBe(false);
    expect(isFutureDateTime(at(clockSkewMs + 1000), clock)).toBe(true);
  });
});

describe('rejectionFrom', () => {
  it('puts the most fundamental reason first, fields listed once', () => {
    expect(
      rejectionFrom([
        { reason: 'FUTURE_DATE', field: 'a' },
        { reason: 'MISSING_FIELD', field: 'b' },
        { reason: 'MISSING_FIELD', field: 'b' },
      ]),
    ).toEqual({ ok: false, reason: 'MISSING_FIELD', detail: 'b; also FUTURE_DATE: a' });
  });
});
