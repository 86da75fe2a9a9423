import { describe, expect, it } from 'vitest';
import {
  conceptText,
  currentName,
  fullDate,
  humanNameText,
  referenceTarget,
  toInstant,
} from './fhir-values.js';

describe('FHIR value readers', () => {
  it('follow relative, absolute and versioned references, and not contained ones', () => {
    expect(referenceTarget({ reference: 'Patient/p-1' })).toEqual({ type: 'Patient', id: 'p-1' });
    expect(referenceTarget({ reference: 'https://gp.example/fhir/Organization/o.1' })).toEqual({
      type: 'Organization',
      id: 'o.1',
    });
    expect(referenceTarget({ reference: 'Practitioner/gp-1/_history/2' })).toEqual({
      type: 'Practitioner',
      id: 'gp-1',
    });
    expect(referenceTarget({ reference: '#contained' })).toBeNull();
    expect(referenceTarget({ display: 'Dr Nobody' })).toBeNull();
    expect(referenceTarget(undefined)).toBeNull();
  });

  it('turn FHIR dates and dateTimes into instants, partial dates at the start of their period', () => {
    expect(toInstant('2014')).toBe('2014-01-01T00:00:00.000Z');
    expect(toInstant('2014-03')).toBe('2014-03-01T00:00:00.000Z');
    expect(toInstant('2014-03-02')).toBe('2014-03-02T00:00:00.000Z');
    expect(toInstant('2023-09-20T10:30:00+01:00')).toBe('2023-09-20T09:30:00.000Z');
    expect(toInstant(null)).toBeNull();
    expect(toInstant(undefined)).toBeNull();
  });

  it('read concepts as people do: text, else display, else code', () => {
    expect(conceptText({ text: 'Asthma', coding: [{ display: 'Asthma (disorder)' }] })).toBe('Asthma');
    expect(conceptText({ coding: [{ code: '195967001' }, { display: 'Asthma' }] })).toBe('Asthma');
    expect(conceptText({ coding: [{ code: '195967001' }] })).toBe('195967001');
    expect(conceptText(undefined)).toBeNull();
  });

  it('pick the current name and write it out', () => {
    const name = currentName([
      { use: 'old', family: 'Former' },
      { use: 'official', family: 'Shah', given: ['Priya'], prefix: ['Dr'] },
    ]);
    expect(humanNameText(name)).toBe('Dr Priya Shah');
    expect(humanNameText({ text: ' Dr P Shah ' })).toBe('Dr P Shah');
    expect(humanNameText({})).toBeNull();
    expect(currentName([{ use: 'old', family: 'A' }, { family: 'B' }])?.family).toBe('B');
  });

  it('keep only complete dates as dates of birth', () => {
    expect(fullDate('2011-07-09')).toBe('2011-07-09');
    expect(fullDate('2012-03')).toBeNull();
    expect(fullDate(undefined)).toBeNull();
  });
});
