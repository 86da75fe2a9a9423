import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameTokens, normaliseName } from './normalise-name.js';

const asciiName = fc.stringMatching(/^[A-Za-z' .-]{0,20}$/);
const word = fc.stringMatching(/^[A-Z][a-z]{1,10}$/);

describe('normaliseName', () => {
  it('folds case, accents and apostrophes', () => {
    expect(normaliseName("O'Brien").joined).toBe('obrien');
    expect(normaliseName('OBRIEN').joined).toBe('obrien');
    expect(normaliseName('Wiśniewski').joined).toBe('wisniewski');
    expect(normaliseName('Zoë').joined).toBe('zoe');
    expect(normaliseName('Łukasz').joined).toBe('lukasz');
    expect(normaliseName('  Da  Silva ').parts).toEqual(['da', 'silva']);
  });

  it('writes a double-barrelled name the same whichever way it is joined', () => {
    const forms = ['Hughes-Morgan', 'Hughes Morgan', 'HughesMorgan', 'hughes–morgan', 'HUGHES MORGAN'];
    for (const form of forms) expect(normaliseName(form).joined).toBe('hughesmorgan');
    expect(normaliseName('Hughes-Morgan').parts).toEqual(['hughes', 'morgan']);
  });

  it('gives only lower-case ASCII letters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), (raw) => {
        for (const part of normaliseName(raw).parts) expect(part).toMatch(/^[a-z]+$/);
      }),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), (raw) => {
        const once = normaliseName(raw);
        expect(normaliseName(once.parts.join(' '))).toEqual(once);
        expect(normaliseName(once.joined).joined).toBe(once.joined);
      }),
    );
  });

  it('ignores case for ASCII names', () => {
    fc.assert(
      fc.property(asciiName, (raw) => {
        expect(normaliseName(raw.toUpperCase())).toEqual(normaliseName(raw.toLowerCase()));
      }),
    );
  });

  it('joins to the same form whatever separates two parts', () => {
    fc.assert(
      fc.property(word, word, fc.constantFrom('-', ' ', '', ' - ', '.'), (first, second, separator) => {
        expect(normaliseName(`${first}${separator}${second}`).joined).toBe(`${first}${second}`.toLowerCase());
      }),
    );
  });

  it('splits only on separators', () => {
    expect(nameTokens("Mary-Jane O'Neill")).toEqual(['mary', 'jane', 'oneill']);
    expect(nameTokens('')).toEqual([]);
  });
});
