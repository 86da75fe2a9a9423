import { describe, expect, it } from 'vitest';
import { dateNumber, parseDateOfBirth } from './date-of-birth.js';

describe('parseDateOfBirth', () => {
  it('reads real dates', () => {
    expect(parseDateOfBirth('2014-03-07')).toEqual({ year: 2014, month: 3, day: 7 });
    expect(parseDateOfBirth('2016-02-29')).toEqual({ year: 2016, month: 2, day: 29 });
    expect(dateNumber({ year: 2014, month: 3, day: 7 })).toBe(20140307);
  });

  it('rejects what is not a calendar date', () => {
    for (const raw of [
      '2015-02-29',
      '2014-04-31',
      '2014-13-01',
      '2014-00-10',
      '07/03/2014',
      '',
      '2014-3-7',
    ]) {
      expect(parseDateOfBirth(raw)).toBeNull();
    }
  });
});
