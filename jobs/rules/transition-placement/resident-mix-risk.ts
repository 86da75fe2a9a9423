/**
 * RESIDENT_MIX_RISK: the learning review's residents assaulted one another. When a child joins a children's home,
 * the risks they bring — harmful sexual behaviour, exploitation, violence, going missing (facts/risks.ts) — are
 * weighed against residents vulnerable to them, and, when the child is vulnerable, the risks the existing
 * residents bring are weighed against the child (CHR 2015 reg 14; local harmful sexual behaviour procedures).
 * A finding is raised on the admitted child's stay while any such risk is not addressed by a matching assessment
 * for the stay that addresses the existing residents and names the risk among those it considered.
 *
 * The check is about the mix now: it covers the child's current stay, and the residents who were there when the
 * child arrived and still are (each later admission is checked on that child's own record). "Vulnerable" is any
 * recorded vulnerability (facts/risks.ts), not one matched to the particular risk. Only social care records are
 * read: the joined record has no police data, and the GP record has no coded safeguarding concerns to read.
 */
import type { Evidence, Finding } from '../rule.js';
import { decided, defineRule } from '../rule.js';
import { evidenceFrom, isUnreadable, sectionOf } from '../facts/agency-parts.js';
import { agencyUnavailable, missingData, outcomeOf, type Undecided } from './facts/agency-parts.js';
import { childrensHomeStays, stayOn, staysUnknown } from './facts/childrens-homes.js';
import { residentsAtAdmission } from './facts/existing-residents.js';
import { addressesResidents, assessmentsFor } from './facts/matching-assessments.js';
import { socialCareDayOrNull } from '../facts/agency-days.js';
import { instantOrNull } from '../facts/instants.js';
import { shownDate } from './facts/recorded-dates.js';
import {
  harmIndicators,
  mentions,
  RISKS,
  vulnerabilityIndicators,
  type Indicator,
  type RiskKey,
} from './facts/risks.js';

export const residentMixRisk = defineRule({
  id: 'RESIDENT_MIX_RISK',
  title: "Risks between a new admission and a children's home's residents not addressed by matching",
  source: {
    kind: 'LEARNING_REVIEW',
    citation:
      "The learning review (sexual and physical assault between residents); Children's Homes (England) Regulations 2015 reg 14; local harmful sexual behaviour procedures",
  },
  severity: 'high',
  owner: 'SOCIAL_WORKER',
  category: 'EXPLOITATION_RISK',
  needs: ['socialCare'],
  evaluate(record, context) {
    const today = context.today;
    if (isUnreadable(record.socialCare))
      return agencyUnavailable(['socialCare'], "the child's placements and risks are unknown");
    const socialCare = sectionOf(record.socialCare);
    if (!socialCare) return decided([]);
    const stays = childrensHomeStays(socialCare.placements);
    if (staysUnknown(stays)) return missingData(stays.missing);
    const stay = stayOn(stays, today);
    if (!stay) return decided([]);
    const residential = record.residential;
    if (!residential || !stay.placements.some((p) => p.residentialUnitId === residential.unitId))
      return missingData("the joined record does not give the residents of the child's children's home");

    const admittedOn = stay.admittedOn;
    const admittedAt = instantOrNull(stay.admission.startDate) ?? 0;
    const residents = residentsAtAdmission(residential, admittedAt, today).filter((r) => r.stillThere);
    if (residents.length === 0) return decided([]);

    const childHarm = harmIndicators(socialCare, admittedOn);
    const childVulnerable = vulnerabilityIndicators(socialCare, admittedOn);
    const toAddress = new Map<RiskKey, Evidence[]>();
    const add = (indicator: Indicator, evidence: Evidence) => {
      if (indicator.risk === 'DISABILITY' || indicator.risk === 'VULNERABILITY_FACTOR') return;
      toAddress.set(indicator.risk, [...(toAddress.get(indicator.risk) ?? []), evidence]);
    };
    const residentEvidence: Evidence[] = [];
    const unreadableResidents: string[] = [];
    let vulnerableResident = false;
    for (const { resident } of residents) {
      if (isUnreadable(resident.socialCare)) {
        unreadableResidents.push(resident.socialCarePersonId);
        continue;
      }
      const theirs = sectionOf(resident.socialCare);
      if (!theirs) continue;
      const vulnerable = vulnerabilityIndicators(theirs, admittedOn);
      if (vulnerable.length > 0) {
        vulnerableResident = true;
        for (const v of vulnerable)
          residentEvidence.push(
            // Another child's history, shown to whoever may see this child's finding: never their record or id.
            evidenceFrom(resident.socialCare, null, `an existing resident: ${v.fact}`),
          );
      }
      if (childVulnerable.length === 0) continue;
      for (const h of harmIndicators(theirs, admittedOn))
        add(h, evidenceFrom(resident.socialCare, null, `an existing resident: ${h.fact}`));
    }
    if (vulnerableResident)
      for (const h of childHarm) add(h, evidenceFrom(record.socialCare, h.recordId, h.fact));

    const matching = assessmentsFor(socialCare, stay).filter(
      (a) => addressesResidents(a) && (socialCareDayOrNull(a.date) ?? today) <= today,
    );
    const unaddressed = [...toAddress.keys()].filter(
      (risk) => !matching.some((a) => mentions(a.risksConsidered, risk)),
    );
    const undecided: Undecided[] = [];
    if (unaddressed.length === 0) {
      if (unreadableResidents.length > 0 && (childHarm.length > 0 || childVulnerable.length > 0))
        undecided.push({
          reason: 'AGENCY_UNAVAILABLE',
          detail: `the social care record of ${unreadableResidents.length} existing resident(s) could not be read`,
          agencies: ['socialCare'],
        });
      return outcomeOf([], undecided);
    }
    if (matching.some((a) => a.risksConsidered === null))
      return missingData('a matching assessment for the stay does not record which risks it considered');

    const finding: Finding = {
      subject: { kind: 'PLACEMENT', id: stay.admission.id },
      summary: `Placed in a children's home where risks between the child and existing residents (${unaddressed
        .map((risk) => RISKS[risk].label)
        .join('; ')}) are not addressed by a matching assessment.`,
      evidence: [
        evidenceFrom(
          record.socialCare,
          stay.admission.id,
          `admitted to the children's home ${shownDate(stay.admission.startDate)}`,
        ),
        ...unaddressed.flatMap((risk) => toAddress.get(risk) ?? []),
        ...(childVulnerable.length > 0
          ? childVulnerable.map((v) => evidenceFrom(record.socialCare, v.recordId, v.fact))
          : []),
        ...residentEvidence,
        ...(matching.length === 0
          ? [
              evidenceFrom(
                record.socialCare,
                null,
                'no assessment for the stay addresses the existing residents',
              ),
            ]
          : matching.map((a) =>
              evidenceFrom(
                record.socialCare,
                a.id,
                `${a.kind ?? 'untyped'} assessment dated ${shownDate(a.date)} does not consider every risk`,
              ),
            )),
      ],
      dueDate: null,
    };
    return decided([finding]);
  },
});
