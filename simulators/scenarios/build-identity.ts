/**
 * An agency's recorded identity for a scenario child: the person as written, with the file's overrides applied
 * ("mistyped" NHS numbers and "wrong-check-letter" UPNs are made deterministically from the scenario and child
 * keys), and each difference from the truth noted on the person, as the generator does.
 */
import {
  isValidNhsNumber,
  isValidUpn,
  mistypeNhsNumber,
  wrongCheckLetterUpn,
} from '../population/identifiers.js';
import type { AgencyCode, RecordedDifference, RecordedIdentity } from '../population/model.js';
import { NICKNAMES } from '../population/name-data.js';
import { SeededRandom, hashLabel } from '../population/random.js';
import { transposeDayAndMonth } from '../population/recorded-identity.js';
import type { ChildContext } from './child-context.js';
import type { ScenarioIdentityOverride } from './schema.js';

export function buildIdentity(
  context: ChildContext,
  agency: AgencyCode,
  localId: string,
  override: ScenarioIdentityOverride | undefined,
  withUpn: boolean,
): RecordedIdentity {
  const truth = context.truth;
  const random = new SeededRandom(hashLabel(`${context.file.name}/${context.child.key}/${agency}`));
  const identity: RecordedIdentity = {
    givenName: override?.givenName ?? truth.givenName,
    familyName: override?.familyName ?? truth.familyName,
    sex: override?.sex ?? truth.sex,
    dateOfBirth: override?.dateOfBirth !== undefined ? context.date(override.dateOfBirth) : truth.dateOfBirth,
    postcode: override?.postcode !== undefined ? override.postcode : truth.postcode,
    addressLine:
      override?.addressLine !== undefined ? override.addressLine : (context.child.person.addressLine ?? null),
    nhsNumber: truth.nhsNumber,
    upn: withUpn ? truth.upn : null,
  };
  if (override?.nhsNumber !== undefined) {
    identity.nhsNumber =
      override.nhsNumber === 'mistyped'
        ? truth.nhsNumber === null
          ? null
          : mistypeNhsNumber(truth.nhsNumber, random)
        : override.nhsNumber;
  }
  if (override?.upn !== undefined) {
    identity.upn =
      override.upn === 'wrong-check-letter'
        ? truth.upn === null
          ? null
          : wrongCheckLetterUpn(truth.upn, random)
        : override.upn;
  }
  noteDifferences(context, agency, localId, identity, withUpn);
  return identity;
}

function noteDifferences(
  context: ChildContext,
  agency: AgencyCode,
  localId: string,
  identity: RecordedIdentity,
  withUpn: boolean,
): void {
  const truth = context.truth;
  const differences: RecordedDifference[] = [];
  const note = (kind: RecordedDifference['kind']) => differences.push({ agency, localId, kind });
  if (truth.nhsNumber !== null && identity.nhsNumber === null) note('NHS_NUMBER_MISSING');
  if (identity.nhsNumber !== null && !isValidNhsNumber(identity.nhsNumber)) note('NHS_NUMBER_INVALID');
  if (withUpn && truth.upn !== null && identity.upn === null) note('UPN_MISSING');
  if (identity.upn !== null && !isValidUpn(identity.upn)) note('UPN_INVALID');
  if (identity.givenName !== truth.givenName) {
    note(NICKNAMES[truth.givenName]?.includes(identity.givenName) ? 'NICKNAME' : 'NAME_MISSPELT');
  }
  if (identity.familyName !== truth.familyName)
    note(truth.familyName.includes('-') ? 'SURNAME_FORM' : 'NAME_MISSPELT');
  if (
    identity.dateOfBirth !== truth.dateOfBirth &&
    transposeDayAndMonth(truth.dateOfBirth) === identity.dateOfBirth
  ) {
    note('DATE_OF_BIRTH_TRANSPOSED');
  }
  if (identity.postcode !== null && identity.postcode !== truth.postcode) note('POSTCODE_OUT_OF_DATE');
  if (differences.length > 0) (truth.recordedDifferences ??= []).push(...differences);
}
