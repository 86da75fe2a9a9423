import type { AgencyPersonRecord } from '../connector.js';
import { normaliseNhsNumber } from '../../schema/identifiers/nhs-number.js';
import type { PersonIndexEntry } from './payload-schemas.js';

/**
 * One adult services record for the identity index. Identifiers are kept as recorded (only spacing and case
 * tidied), even when they fail their check: identity matching reports invalid identifiers as conflicts.
 */
export function toPersonRecord(entry: PersonIndexEntry): AgencyPersonRecord {
  return {
    agency: 'adult',
    localId: entry.id,
    nhsNumber: blankToNull(entry.nhsNumber === null ? null : normaliseNhsNumber(entry.nhsNumber)),
    upn: blankToNull(entry.upn === null ? null : entry.upn.replace(/\s+/g, '').toUpperCase()),
    givenName: entry.givenName,
    familyName: entry.familyName,
    dateOfBirth: entry.dateOfBirth,
    sex: entry.sex,
    postcode: blankToNull(entry.postcode?.trim() ?? null),
  };
}

function blankToNull(value: string | null): string | null {
  return value === null || value === '' ? null : value;
}
