import { describe, expect, it } from 'vitest';
import { sensitivityCategory } from './sensitivity.js';

const actCode = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
const confidentiality = 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality';

describe('sensitivity category', () => {
  it('is HEALTH without sensitivity labels, even when the record is restricted', () => {
    expect(sensitivityCategory(undefined)).toBe('HEALTH');
    expect(sensitivityCategory([{ system: confidentiality, code: 'R' }])).toBe('HEALTH');
  });

  it('is SEXUAL_HEALTH for sexual health, STI, HIV and sexual abuse labels', () => {
    for (const code of ['SEX', 'STD', 'HIV', 'SDV'])
      expect(sensitivityCategory([{ system: actCode, code }])).toBe('SEXUAL_HEALTH');
  });

  it('is MENTAL_HEALTH for psychiatry, mental health and substance use labels', () => {
    expect(
      sensitivityCategory([
        { system: confidentiality, code: 'R' },
        { system: actCode, code: 'PSY' },
        { system: actCode, code: 'MH' },
      ]),
    ).toBe('MENTAL_HEALTH');
    expect(sensitivityCategory([{ code: 'ETH' }])).toBe('MENTAL_HEALTH');
  });

  it('reads category codings too, but not codes from other systems that happen to match', () => {
    expect(sensitivityCategory([], [{ coding: [{ system: actCode, code: 'MH' }] }])).toBe('MENTAL_HEALTH');
    expect(sensitivityCategory([{ system: 'http://snomed.info/sct', code: 'SEX' }])).toBe('HEALTH');
  });

  it('treats a record labelled both ways as sexual health', () => {
    expect(
      sensitivityCategory([
        { system: actCode, code: 'MH' },
        { system: actCode, code: 'SEX' },
      ]),
    ).toBe('SEXUAL_HEALTH');
  });
});
