/**
 * GP_NOT_LINKED: a looked-after child whose records carry no valid NHS number, or whose NHS number no GP record
 * answers for. Without a valid NHS number CP-IS cannot flag the child to unscheduled care, and without a GP record
 * the hub (and the health professionals) cannot see the child's health; CPPCR 2010 Sch 2 asks for the child's
 * registered medical practitioner.
 *
 * What the joined record allows: the NHS number the linked records agree on (null when none is valid or they
 * disagree), the identity index's open conflicts (an invalid NHS number on the social care record, records that
 * disagree), and the GP part: NOT_LINKED is no GP record for the child at all, and an OK part carries each GP
 * record's NHS number. The social care record's own NHS number is not in the joined record, so a social care
 * record with no NHS number while other agencies agree on one is not seen here.
 */
import { normaliseNhsNumber } from '../../../schema/identifiers/nhs-number.js';
import { decided, defineRule, type Evidence, type RuleOutcome } from '../rule.js';
import { unreadableOutcome } from './facts/agency-parts.js';
import { evidenceAgencyOf } from './facts/identity-agencies.js';
import { periodOfCareOn } from './facts/period-of-care.js';

const needs = ['socialCare', 'health'] as const;

const nhsNumberConflicts: Readonly<Record<string, string>> = {
  INVALID_NHS_NUMBER: 'holds an NHS number that fails its modulus 11 check',
  NHS_NUMBER_DISAGREES: 'holds an NHS number that disagrees with another agency',
};

const recordNames: Readonly<Record<string, string>> = {
  SOCIAL_CARE: 'the social care record',
  HEALTH: 'a GP record',
  EDUCATION: 'the education record',
  ADULT_SERVICES: 'the adult services record',
};

const noGpRecord = "No GP record answers for the looked-after child's NHS number.";

export const gpNotLinked = defineRule({
  id: 'GP_NOT_LINKED',
  title: 'Looked-after child without a valid NHS number or a GP record that answers for it',
  source: { kind: 'LAW', citation: 'CPPCR 2010 Sch 2; CP-IS matching on NHS number' },
  severity: 'high',
  owner: 'SOCIAL_WORKER',
  category: 'GP_DETAILS',
  needs,
  evaluate(record, context): RuleOutcome {
    const unread = unreadableOutcome(record, needs);
    if (unread) return unread;
    const sc = record.socialCare.section;
    if (sc === null || periodOfCareOn(sc, context.today) === null) return decided([]);
    const { child } = record;
    const evidence: Evidence[] = [];
    const problems: string[] = [];

    const conflicts = child.identityConflicts.filter((conflict) =>
      Object.hasOwn(nhsNumberConflicts, conflict.kind),
    );
    for (const conflict of conflicts) {
      const agency = evidenceAgencyOf(conflict.agency) ?? 'IDENTITY';
      evidence.push({
        agency: 'IDENTITY',
        recordId: conflict.localId,
        fact: `${recordNames[agency] ?? 'an agency record'} ${nhsNumberConflicts[conflict.kind]} (found ${conflict.detectedAt.slice(0, 10)})`,
        asOf: conflict.detectedAt,
      });
    }
    const socialCareInvalid = conflicts.some(
      (conflict) =>
        conflict.kind === 'INVALID_NHS_NUMBER' && evidenceAgencyOf(conflict.agency) === 'SOCIAL_CARE',
    );
    if (child.nhsNumber === null) {
      problems.push("The looked-after child's records agree on no valid NHS number.");
      if (conflicts.length === 0)
        evidence.push({
          agency: 'IDENTITY',
          recordId: null,
          fact: 'no linked record holds a valid NHS number',
          asOf: record.readAt,
        });
    } else if (socialCareInvalid)
      problems.push("The looked-after child's social care record holds an invalid NHS number.");

    if (child.nhsNumber !== null) {
      const agreed = normaliseNhsNumber(child.nhsNumber);
      const health = record.health.section;
      if (health === null) {
        problems.push(noGpRecord);
        evidence.push({
          agency: 'HEALTH',
          recordId: null,
          fact: 'no GP record is linked to the child',
          asOf: record.health.asOf,
        });
      } else if (
        !health.patients.some(
          (patient) => patient.nhsNumber !== null && normaliseNhsNumber(patient.nhsNumber) === agreed,
        )
      ) {
        problems.push(noGpRecord);
        for (const patient of health.patients)
          evidence.push({
            agency: 'HEALTH',
            recordId: patient.patientId,
            fact:
              patient.nhsNumber === null
                ? 'the linked GP record holds no NHS number'
                : 'the linked GP record holds a different NHS number',
            asOf: record.health.asOf,
          });
      }
    }
    if (problems.length === 0) return decided([]);
    return decided([
      {
        subject: { kind: 'CHILD', id: child.id },
        summary: problems.join(' '),
        evidence,
        dueDate: null,
      },
    ]);
  },
});
