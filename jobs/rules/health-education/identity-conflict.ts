/**
 * IDENTITY_CONFLICT: an agency's record of the child holds an NHS number that fails its modulus 11 check, a UPN
 * that fails its check letter, or a date of birth, NHS number or UPN that disagrees with the other agencies. These
 * are the DfE return validations (CIN census 1510; SSDA903 168 and 208) a council fails on, and a record that
 * disagrees is one another agency may never be matched with.
 *
 * The identity index checks every linked record's identifiers when it links them (schema/identifiers: modulus 11,
 * the UPN check letter) and records each failure as an open conflict on the child; the joined record carries those
 * conflicts, not the agencies' raw identifiers, so this rule reads them. It needs no agency part: the index is
 * read with the child. A sex disagreement is not in the rule and is not reported here. One finding per agency
 * record, so the record to correct is the subject and its owner is the agency that holds it.
 */
import { decided, defineRule, type Evidence, type Finding, type RuleOutcome } from '../rule.js';
import {
  agencyLabels,
  evidenceAgencyOf,
  recordOwners,
  type EvidenceAgency,
} from './facts/identity-agencies.js';

const facts: Readonly<Record<string, string>> = {
  INVALID_NHS_NUMBER: 'NHS number fails its modulus 11 check',
  INVALID_UPN: 'UPN fails its check letter',
  DOB_DISAGREES: 'date of birth disagrees with',
  NHS_NUMBER_DISAGREES: 'NHS number disagrees with',
  UPN_DISAGREES: 'UPN disagrees with',
};

const summaries: Readonly<Record<string, string>> = {
  INVALID_NHS_NUMBER: 'an NHS number that fails its check digit',
  INVALID_UPN: 'a UPN that fails its check letter',
  DOB_DISAGREES: 'a date of birth other agencies disagree with',
  NHS_NUMBER_DISAGREES: 'an NHS number other agencies disagree with',
  UPN_DISAGREES: 'a UPN other agencies disagree with',
};

interface RecordConflicts {
  agency: EvidenceAgency;
  localId: string;
  kinds: string[];
  evidence: Evidence[];
}

export const identityConflict = defineRule({
  id: 'IDENTITY_CONFLICT',
  title: "An agency's identifiers for the child fail validation or disagree with another agency's",
  source: {
    kind: 'STATUTORY_GUIDANCE',
    citation: 'DfE return validation rules (CIN census 1510; SSDA903 168 and 208)',
  },
  severity: 'medium',
  owner: 'SOCIAL_WORKER',
  category: 'IDENTITY',
  needs: [],
  evaluate(record): RuleOutcome {
    const byRecord = new Map<string, RecordConflicts>();
    for (const conflict of record.child.identityConflicts) {
      if (!Object.hasOwn(facts, conflict.kind)) continue;
      const agency = evidenceAgencyOf(conflict.agency) ?? 'IDENTITY';
      const key = `${agency}:${conflict.localId}`;
      const entry = byRecord.get(key) ?? { agency, localId: conflict.localId, kinds: [], evidence: [] };
      byRecord.set(key, entry);
      if (entry.kinds.includes(conflict.kind)) continue;
      entry.kinds.push(conflict.kind);
      const other =
        conflict.otherAgency === null ? null : (evidenceAgencyOf(conflict.otherAgency) ?? 'IDENTITY');
      const against = conflict.kind.endsWith('_DISAGREES')
        ? ` the ${other === null ? 'other agencies' : `${agencyLabels[other]} record`}${conflict.otherLocalId === null ? '' : ` ${conflict.otherLocalId}`}`
        : '';
      entry.evidence.push({
        agency,
        recordId: conflict.localId,
        fact: `the ${agencyLabels[agency]} record's ${facts[conflict.kind]}${against} (found ${conflict.detectedAt.slice(0, 10)})`,
        asOf: conflict.detectedAt,
      });
    }
    const findings: Finding[] = [...byRecord.values()].map((entry) => ({
      subject: { kind: 'AGENCY_RECORD', id: `${entry.agency}:${entry.localId}` },
      summary: `The ${agencyLabels[entry.agency]} record of this child holds ${entry.kinds.map((kind) => summaries[kind]).join(', and ')}.`,
      evidence: entry.evidence,
      dueDate: null,
      owner: recordOwners[entry.agency],
    }));
    return decided(findings);
  },
});
