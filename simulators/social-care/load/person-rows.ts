import type { SocialCareRecord } from '../../population/model.js';
import type { MappingContext } from './mapping-context.js';
import type { RowSink } from './row-sink.js';
import { json, yn } from './values.js';

// Person Gender code set: 01 male, 02 female, 00 not known.
const genderCode = { M: '01', F: '02', U: '00' } as const;

function ageInYears(dateOfBirth: string, asOf: string): number {
  const born = new Date(dateOfBirth);
  const now = new Date(asOf);
  let age = now.getUTCFullYear() - born.getUTCFullYear();
  const beforeBirthday =
    now.getUTCMonth() < born.getUTCMonth() ||
    (now.getUTCMonth() === born.getUTCMonth() && now.getUTCDate() < born.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}

/** UN1 (not yet of school age) or UN4 (UPN not yet known) where there is no UPN. */
function upnUnknownCode(record: SocialCareRecord, asOf: string): string | null {
  if (record.identity.upn !== null) return null;
  return ageInYears(record.identity.dateOfBirth, asOf) < 4 ? 'UN1' : 'UN4';
}

export function mapPerson(record: SocialCareRecord, context: MappingContext, sink: RowSink): void {
  const { identity, personId } = record;
  sink.add('ssd_person', {
    pers_legacy_id: null,
    pers_person_id: personId,
    pers_upn: identity.upn,
    pers_forename: identity.givenName,
    pers_surname: identity.familyName,
    pers_sex: identity.sex,
    pers_gender: genderCode[identity.sex],
    pers_ethnicity: 'NOBT',
    pers_dob: identity.dateOfBirth,
    pers_common_child_id: identity.nhsNumber,
    pers_single_unique_id: identity.nhsNumber,
    pers_upn_unknown: upnUnknownCode(record, context.asOf),
    pers_send_flag: yn(record.sendFlag),
    pers_expected_dob: null,
    pers_death_date: null,
    pers_is_mother: 'N',
    pers_nationality: null,
  });

  if (identity.nhsNumber !== null) {
    sink.add('ssd_linked_identifiers', {
      link_table_id: `${personId}-NHS`,
      link_person_id: personId,
      link_identifier_type: 'NHS Number',
      link_identifier_value: identity.nhsNumber,
      link_valid_from_date: null,
      link_valid_to_date: null,
    });
  }
  if (identity.upn !== null) {
    sink.add('ssd_linked_identifiers', {
      link_table_id: `${personId}-UPN`,
      link_person_id: personId,
      link_identifier_type: 'Unique Pupil Number',
      link_identifier_value: identity.upn,
      link_valid_from_date: null,
      link_valid_to_date: null,
    });
  }

  if (identity.postcode !== null || identity.addressLine !== null) {
    sink.add('ssd_address', {
      addr_table_id: `${personId}-ADDR`,
      addr_person_id: personId,
      addr_address_type: 'HOME',
      addr_address_start_date: null,
      addr_address_end_date: null,
      addr_address_postcode: identity.postcode,
      // The SSD's address JSON keys (ROOM, FLOOR, FLAT, BUILDING, HOUSE, STREET, TOWN, UPRN, ...).
      addr_address_json: json({ STREET: identity.addressLine, POSTCODE: identity.postcode }),
    });
  }

  record.disabilityCodes.forEach((code, index) => {
    sink.add('ssd_disability', {
      disa_table_id: `${personId}-DIS${index + 1}`,
      disa_person_id: personId,
      disa_disability_code: code,
    });
  });

  if (record.sealed !== null) {
    sink.add('ssdx_sealed_record', { seal_person_id: personId, seal_reason: record.sealed });
  }
}
