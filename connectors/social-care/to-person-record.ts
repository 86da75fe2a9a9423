/**
 * One SSD person for the identity index. Identifiers are kept as recorded (only spacing and case tidied), even when
 * they fail their check: identity matching reports invalid identifiers as conflicts, so it must see them. A sealed
 * record's reason travels with it, so the gateway knows a child is sealed without reading social care.
 */
import type { AgencyPersonRecord } from '../connector.js';
import { normaliseNhsNumber } from '../../schema/identifiers/nhs-number.js';
import { compare } from './lists.js';
import type { AddressRow, LinkedIdentifierRow, PersonIndexRow, SealedRecordRow } from './payload-schemas.js';

const sexes: Record<string, AgencyPersonRecord['sex']> = {
  M: 'M',
  MALE: 'M',
  F: 'F',
  FEMALE: 'F',
};
// SSD Person Gender codes: 01 male, 02 female.
const genderCodes: Record<string, AgencyPersonRecord['sex']> = { '01': 'M', '1': 'M', '02': 'F', '2': 'F' };

function sexOf(person: PersonIndexRow): AgencyPersonRecord['sex'] {
  return sexes[person.pers_sex?.toUpperCase() ?? ''] ?? genderCodes[person.pers_gender ?? ''] ?? 'U';
}

/** A current linked identifier of a type ('NHS Number', 'Unique Pupil Number'). */
function linked(identifiers: readonly LinkedIdentifierRow[], type: string): string | null {
  const current = identifiers.find(
    (row) =>
      row.link_identifier_type?.toLowerCase() === type.toLowerCase() &&
      row.link_valid_to_date === null &&
      row.link_identifier_value !== null,
  );
  return current?.link_identifier_value ?? null;
}

/** The postcode of the current address (not ended, latest started), else of the latest ended one. */
function postcodeOf(addresses: readonly AddressRow[]): string | null {
  const withPostcode = addresses.filter((row) => row.addr_address_postcode !== null);
  const latest = withPostcode.sort(
    (a, b) =>
      Number(a.addr_address_end_date === null) - Number(b.addr_address_end_date === null) ||
      compare(a.addr_address_end_date ?? '', b.addr_address_end_date ?? '') ||
      compare(a.addr_address_start_date ?? '', b.addr_address_start_date ?? ''),
  );
  return latest[latest.length - 1]?.addr_address_postcode?.toUpperCase() ?? null;
}

export function toPersonRecord(
  person: PersonIndexRow,
  identifiers: readonly LinkedIdentifierRow[],
  addresses: readonly AddressRow[],
  sealedRecords: readonly SealedRecordRow[] = [],
): AgencyPersonRecord {
  // SSD v1.4 names the NHS number pers_single_unique_id; older extracts only fill pers_common_child_id.
  const nhsNumber =
    person.pers_single_unique_id ?? person.pers_common_child_id ?? linked(identifiers, 'NHS Number');
  const upn = person.pers_upn ?? linked(identifiers, 'Unique Pupil Number');
  return {
    agency: 'social-care',
    localId: person.pers_person_id,
    nhsNumber: blankToNull(nhsNumber === null ? null : normaliseNhsNumber(nhsNumber)),
    upn: blankToNull(upn === null ? null : upn.replace(/\s+/g, '').toUpperCase()),
    givenName: person.pers_forename ?? '',
    familyName: person.pers_surname ?? '',
    dateOfBirth: person.pers_dob ?? '',
    sex: sexOf(person),
    postcode: postcodeOf(addresses),
    sealedReason: sealedReasonOf(sealedRecords),
  };
}

/** As the section reports it: a seal row without a reason still seals the record. */
function sealedReasonOf(sealedRecords: readonly SealedRecordRow[]): string | null {
  const [first] = sealedRecords;
  return first === undefined ? null : (first.seal_reason ?? 'SEALED');
}

function blankToNull(value: string | null): string | null {
  return value === null || value === '' ? null : value;
}
