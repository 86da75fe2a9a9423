/**
 * A child as the hub's identity index knows them, in the two shapes reconciliation needs: the `child` part of the
 * joined record, and the fields the agencies' merge keys read (`merge.Child.key(...)`). Derived as the identity
 * subschema's `Child` resolvers derive them (connectors/identity/schema.ts): demographics from the
 * highest-precedence record (`displayRecord`), an NHS number or UPN only when every valid one on the linked records
 * agrees, and each agency's linked record ids. The int test checks the two agree child for child.
 */
import type { ChildIdentity, ConflictRow, IdentityAgency } from '../../connectors/identity/identity-reads.js';
import { displayRecord } from '../../connectors/identity/identity-reads.js';
import { isValidNhsNumber } from '../../schema/identifiers/nhs-number.js';
import { isValidUpn } from '../../schema/identifiers/upn.js';
import type { ChildIdentityValue } from '../rules/joined-record.js';

/** The identity `Child` fields the agency subschemas' merge keys are built from. */
export interface MergeKeySource {
  id: string | null;
  dateOfBirth: string | null;
  nhsNumber: string | null;
  upn: string | null;
  socialCarePersonIds: string[];
  gpPatientIds: string[];
  educationPupilIds: string[];
  adultPersonIds: string[];
}

export interface IdentityChild {
  value: ChildIdentityValue;
  keySource: MergeKeySource;
}

export function toIdentityChild(identity: ChildIdentity, conflicts: readonly ConflictRow[]): IdentityChild {
  const { records } = identity;
  const dateOfBirth = displayRecord(records)?.dateOfBirth ?? null;
  const nhsNumber = agreed(
    records.map((record) => record.nhsNumber),
    isValidNhsNumber,
  );
  const upn = agreed(
    records.map((record) => record.upn),
    isValidUpn,
  );
  const idsOf = (agency: IdentityAgency) =>
    records.filter((record) => record.agency === agency).map((record) => record.localId);
  return {
    value: {
      id: identity.id,
      dateOfBirth,
      nhsNumber,
      upn,
      links: records.map((record) => ({
        agency: record.agency,
        localId: record.localId,
        method: record.linkMethod ?? 'SINGLE',
      })),
      identityConflicts: conflicts.map((conflict) => ({
        agency: conflict.agency,
        localId: conflict.localId,
        kind: conflict.kind,
        otherAgency: conflict.otherAgency,
        otherLocalId: conflict.otherLocalId,
        detectedAt: conflict.detectedAt,
      })),
    },
    keySource: {
      id: identity.id,
      dateOfBirth,
      nhsNumber,
      upn,
      socialCarePersonIds: idsOf('social-care'),
      gpPatientIds: idsOf('gp'),
      educationPupilIds: idsOf('education'),
      adultPersonIds: idsOf('adult'),
    },
  };
}

/** A social care record the identity index does not link to any child: keyed on its own person id alone. */
export function unlinkedSocialCareKeySource(personId: string): MergeKeySource {
  return {
    id: null,
    dateOfBirth: null,
    nhsNumber: null,
    upn: null,
    socialCarePersonIds: [personId],
    gpPatientIds: [],
    educationPupilIds: [],
    adultPersonIds: [],
  };
}

/** The one valid value the records agree on; null when none is valid or valid ones disagree. */
function agreed(values: ReadonlyArray<string | null>, valid: (value: string) => boolean): string | null {
  const distinct = new Set(values.filter((value): value is string => value !== null && valid(value)));
  return distinct.size === 1 ? ([...distinct][0] ?? null) : null;
}
