import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FhirError } from '../fhir/operation-outcome.js';
import { foldForStringSearch } from '../fhir/string-folding.js';
import {
  parseToken,
  referencedId,
  splitOrValues,
  tokenMatches,
  unescapeSearchValue,
} from './search-values.js';

const escape = (value: string): string => value.replace(/[\\,|$]/g, (char) => `\\${char}`);

describe('splitOrValues', () => {
  it('splits on commas but not on escaped ones', () => {
    expect(splitOrValues('a,b\\,c,d').map(unescapeSearchValue)).toEqual(['a', 'b,c', 'd']);
  });

  it('round-trips any list of values through escaping and joining', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 8 }), (values) => {
        const raw = values.map(escape).join(',');
        expect(splitOrValues(raw).map(unescapeSearchValue)).toEqual(values);
      }),
    );
  });
});

describe('parseToken', () => {
  it('reads the four token forms', () => {
    expect(parseToken('9990010013')).toEqual({ system: undefined, code: '9990010013' });
    expect(parseToken('https://fhir.nhs.uk/Id/nhs-number|9990010013')).toEqual({
      system: 'https://fhir.nhs.uk/Id/nhs-number',
      code: '9990010013',
    });
    expect(parseToken('|AMB')).toEqual({ system: null, code: 'AMB' });
    expect(parseToken('http://snomed.info/sct|')).toEqual({
      system: 'http://snomed.info/sct',
      code: undefined,
    });
  });

  it('rejects a bare bar', () => {
    expect(() => parseToken('|')).toThrow(FhirError);
  });

  it('round-trips any system and code, whatever characters they hold', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (system, code) => {
        expect(parseToken(`${escape(system)}|${escape(code)}`)).toEqual({ system, code });
      }),
    );
  });

  it('matches by system and code as FHIR token search does', () => {
    const coding = { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'EMER' };
    expect(tokenMatches(parseToken('EMER'), coding)).toBe(true);
    expect(tokenMatches(parseToken(`${coding.system}|EMER`), coding)).toBe(true);
    expect(tokenMatches(parseToken(`${coding.system}|`), coding)).toBe(true);
    expect(tokenMatches(parseToken('|EMER'), coding)).toBe(false);
    expect(tokenMatches(parseToken('|EMER'), { code: 'EMER' })).toBe(true);
    expect(tokenMatches(parseToken('other|EMER'), coding)).toBe(false);
    expect(tokenMatches(parseToken('emer'), coding)).toBe(false);
  });
});

describe('referencedId', () => {
  it('accepts relative, bare and absolute references to the target type only', () => {
    expect(referencedId('Patient/abc', 'Patient')).toBe('abc');
    expect(referencedId('abc', 'Patient')).toBe('abc');
    expect(referencedId('http://gp.example/fhir/Patient/abc', 'Patient')).toBe('abc');
    expect(referencedId('Group/abc', 'Patient')).toBeNull();
    expect(referencedId('Patient/', 'Patient')).toBeNull();
  });
});

describe('foldForStringSearch', () => {
  it('ignores case and accents', () => {
    expect(foldForStringSearch('Chlo\u00e9')).toBe('chloe');
    expect(foldForStringSearch('CHLOE')).toBe('chloe');
  });
});
