/** Record builders for this folder's tests: a plausible child, overridden field by field. */
import { nhsNumberCheckDigit } from '../../../schema/identifiers/nhs-number.js';
import { upnCheckLetter } from '../../../schema/identifiers/upn.js';
import type { AgencyPersonRecord, RecordRef } from './types.js';

export function child(
  ref: Pick<AgencyPersonRecord, 'agency' | 'localId'>,
  overrides: Partial<AgencyPersonRecord> = {},
): AgencyPersonRecord {
  return {
    nhsNumber: null,
    upn: null,
    givenName: 'Oliver',
    familyName: 'Hughes-Morgan',
    dateOfBirth: '2014-03-07',
    sex: 'M',
    postcode: 'WX1 2AB',
    ...ref,
    ...overrides,
  };
}

/** A valid NHS number built from a nine-digit stem (the next stem up if this one cannot take a check digit). */
export function validNhs(stem: number): string {
  for (let n = stem; ; n++) {
    const nine = String(n).padStart(9, '0');
    const check = nhsNumberCheckDigit(nine);
    if (check !== null) return `${nine}${check}`;
  }
}

/** The same number with its check digit wrong. */
export function invalidNhs(stem: number): string {
  const valid = validNhs(stem);
  return `${valid.slice(0, 9)}${(Number(valid[9]) + 1) % 10}`;
}

export function validUpn(serial: number): string {
  const twelve = `873${String(serial).padStart(9, '0')}`;
  return `${upnCheckLetter(twelve)}${twelve}`;
}

export function invalidUpn(serial: number): string {
  const valid = validUpn(serial);
  const wrong = valid[0] === 'A' ? 'B' : 'A';
  return `${wrong}${valid.slice(1)}`;
}

export const ref = (agency: RecordRef['agency'], localId: string): RecordRef => ({ agency, localId });
