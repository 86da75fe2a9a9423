import { describe, expect, it } from 'vitest';
import { soundex, soundexNumber } from './soundex.js';

describe('soundex', () => {
  it('gives the standard codes', () => {
    expect(soundex('robert')).toBe('R163');
    expect(soundex('rupert')).toBe('R163');
    expect(soundex('rubin')).toBe('R150');
    expect(soundex('ashcraft')).toBe('A261');
    expect(soundex('tymczak')).toBe('T522');
    expect(soundex('pfister')).toBe('P236');
    expect(soundex('honeyman')).toBe('H555');
    expect(soundex('lee')).toBe('L000');
    expect(soundex('')).toBe('');
  });

  it('puts common misspellings in one block', () => {
    expect(soundex('smith')).toBe(soundex('smyth'));
    expect(soundex('fletcher')).toBe(soundex('feltcher'));
  });

  it('numbers codes below 26,000', () => {
    expect(soundexNumber('robert')).toBe(17 * 1000 + 163);
    expect(soundexNumber('')).toBe(-1);
  });
});
