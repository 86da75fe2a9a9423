import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HubError } from '../../platform/errors.js';
import {
  checkGrantLimits,
  defaultGrantLimits,
  grantMinutes,
  maxReasonLength,
  minReasonLength,
  parseGrantReason,
} from './grant-input.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof HubError ? error.code : 'NOT_A_HUB_ERROR';
  }
}

const punctuationAndSpace = fc
  .array(fc.constantFrom(' ', '.', '!', '-', '?', '\t', '\n', '*', '…', '—', '#'), { maxLength: 60 })
  .map((chars) => chars.join(''));

describe('parseGrantReason', () => {
  it('accepts and trims any reason with at least 10 characters and a word in it', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: minReasonLength, maxLength: 300 }).filter((s) => /[\p{L}\p{N}]/u.test(s)),
        fc.string({ maxLength: 5 }).map((s) => s.replace(/\S/g, ' ')),
        (text, padding) => {
          const trimmed = text.trim();
          fc.pre(trimmed.length >= minReasonLength && !/\p{Cs}/u.test(text) && !text.includes('\u0000'));
          expect(parseGrantReason(`${padding}${text}${padding}`)).toBe(trimmed);
        },
      ),
    );
  });

  it('rejects with VALIDATION_FAILED anything shorter than 10 once trimmed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: minReasonLength - 1 }), fc.nat(20), (text, pad) => {
        const padded = `${' '.repeat(pad)}${text}${'\n'.repeat(pad)}`;
        fc.pre(padded.trim().length < minReasonLength);
        expect(codeOf(() => parseGrantReason(padded))).toBe('VALIDATION_FAILED');
      }),
    );
  });

  it('rejects punctuation and whitespace however long', () => {
    fc.assert(
      fc.property(punctuationAndSpace, (text) => {
        expect(codeOf(() => parseGrantReason(text))).toBe('VALIDATION_FAILED');
      }),
    );
  });

  it('rejects an over-long reason and one PostgreSQL cannot store', () => {
    expect(codeOf(() => parseGrantReason('a'.repeat(maxReasonLength + 1)))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => parseGrantReason('a'.repeat(maxReasonLength)))).toBeUndefined();
    expect(codeOf(() => parseGrantReason('child at risk\u0000 tonight'))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => parseGrantReason('child at risk \ud800 tonight'))).toBe('VALIDATION_FAILED');
  });

  it('says which rule was broken without echoing the reason (it may name the child)', () => {
    let error: HubError | undefined;
    try {
      parseGrantReason('Jo Bloggs');
    } catch (caught) {
      error = caught as HubError;
    }
    expect(error?.safeMessage).toMatch(/at least 10 characters/);
    expect(error?.safeMessage).not.toContain('Bloggs');
    expect(error?.details).toEqual({ field: 'reason' });
  });
});

describe('grantMinutes', () => {
  const limit = { defaultMinutes: 60, maxMinutes: 240 };

  it('uses the default when not given, and cuts a longer request to the maximum', () => {
    expect(grantMinutes(undefined, limit)).toBe(60);
    expect(grantMinutes(null, limit)).toBe(60);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (minutes) => {
        expect(grantMinutes(minutes, limit)).toBe(Math.min(minutes, 240));
      }),
    );
  });

  it('rejects zero, negative and fractional minutes', () => {
    fc.assert(
      fc.property(fc.integer({ max: 0 }), (minutes) => {
        expect(codeOf(() => grantMinutes(minutes, limit))).toBe('VALIDATION_FAILED');
      }),
    );
    expect(codeOf(() => grantMinutes(1.5, limit))).toBe('VALIDATION_FAILED');
  });
});

describe('checkGrantLimits', () => {
  it('accepts the defaults and refuses limits above startAccessGrant ceilings or a default above the max', () => {
    expect(checkGrantLimits(defaultGrantLimits)).toBe(defaultGrantLimits);
    expect(defaultGrantLimits.BREAK_GLASS).toEqual({ defaultMinutes: 60, maxMinutes: 240 });
    expect(defaultGrantLimits.SELF_CLAIMED).toEqual({ defaultMinutes: 480, maxMinutes: 480 });
    const withBreakGlass = (defaultMinutes: number, maxMinutes: number) => () =>
      checkGrantLimits({ ...defaultGrantLimits, BREAK_GLASS: { defaultMinutes, maxMinutes } });
    expect(withBreakGlass(60, 241)).toThrow(/BREAK_GLASS/);
    expect(withBreakGlass(90, 60)).toThrow(/BREAK_GLASS/);
    expect(withBreakGlass(0, 60)).toThrow(/BREAK_GLASS/);
    expect(withBreakGlass(30, 30)).not.toThrow();
  });
});
