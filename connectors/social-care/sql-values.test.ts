import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  jsonInstant,
  sqlDate,
  sqlFlag,
  sqlInt,
  sqlNumber,
  sqlStringList,
  sqlText,
  sqlTimestamp,
} from './sql-values.js';

describe('SQL text values', () => {
  it('reads PostgreSQL timestamps as UTC instants, to the millisecond', () => {
    expect(sqlTimestamp.parse('2024-01-15 12:00:00')).toBe('2024-01-15T12:00:00.000Z');
    expect(sqlTimestamp.parse('2024-01-15 12:00:00.123456')).toBe('2024-01-15T12:00:00.123Z');
    expect(sqlTimestamp.parse('2024-01-15 12:00:00.5')).toBe('2024-01-15T12:00:00.500Z');
    expect(sqlTimestamp.parse('2024-01-15')).toBe('2024-01-15T00:00:00.000Z');
    expect(sqlDate.parse('2009-03-14 00:00:00')).toBe('2009-03-14');
  });

  it('rejects what the fault proxy writes, and impossible dates, instead of reading null', () => {
    for (const bad of ['not-a-date', '2024-02-30 00:00:00', '2024-13-01', '', 'infinity', '24-01-15']) {
      expect(sqlTimestamp.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('reads Y/N flags, integers, numbers and trims text', () => {
    expect(sqlFlag.parse('Y')).toBe(true);
    expect(sqlFlag.parse('n ')).toBe(false);
    expect(sqlFlag.safeParse('malformed-value').success).toBe(false);
    expect(sqlInt.parse('4')).toBe(4);
    expect(sqlInt.safeParse('not-a-number').success).toBe(false);
    expect(sqlNumber.parse('2.5')).toBe(2.5);
    expect(sqlNumber.safeParse('NaN').success).toBe(false);
    expect(sqlText.parse('  K2 ')).toBe('K2');
    expect(sqlText.parse('   ')).toBeNull();
    expect(sqlText.parse(null)).toBeNull();
  });

  it('reads JSON lists held in text, and rejects anything else', () => {
    expect(sqlStringList.parse('["11A","24A"]')).toEqual(['11A', '24A']);
    expect(sqlStringList.safeParse('[1,2]').success).toBe(false);
    expect(sqlStringList.safeParse('not json').success).toBe(false);
    expect(z.object({ at: jsonInstant }).parse({ at: '2024-02-01T00:00:00Z' })).toEqual({
      at: '2024-02-01T00:00:00.000Z',
    });
    expect(jsonInstant.safeParse('yesterday').success).toBe(false);
  });
});
