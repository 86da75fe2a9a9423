/**
 * ADMISSION_NOT_MATCHED: before a child joins a children's home, the home assesses the match — the impact of the
 * admission on the children already living there and theirs on the child (CHR 2015 reg 14; provider practice).
 * An assessment answers this if it addresses the existing residents (a MATCHING or IMPACT_ON_RESIDENTS assessment
 * that does not say otherwise, or any assessment that says it does), is linked to the stay's placement, and is
 * dated by the day after admission (an emergency admission out of hours is assessed the next day). One that came
 * later does not make the admission matched: the finding stands, with the later assessment in its evidence.
 *
 * Every stay in a children's home is checked. Who else lived there is known only for the home in the joined
 * record's residential context; if nobody did when the child arrived there, there was no one to match against.
 */
import type { Finding } from '../rule.js';
import { decided, defineRule } from '../rule.js';
import { addDays, dateOf } from '../time/calendar-day.js';
import { evidenceFrom, isUnreadable, sectionOf } from '../facts/agency-parts.js';
import { agencyUnavailable, missingData, outcomeOf, type Undecided } from './facts/agency-parts.js';
import { childrensHomeStays, latestStayIn, staysUnknown } from './facts/childrens-homes.js';
import { residentsAtAdmission } from './facts/existing-residents.js';
import { addressesResidents, assessmentsFor } from './facts/matching-assessments.js';
import { socialCareDayOrNull } from '../facts/agency-days.js';
import { instantOrNull } from '../facts/instants.js';
import { shownDate } from './facts/recorded-dates.js';

export const admissionNotMatched = defineRule({
  id: 'ADMISSION_NOT_MATCHED',
  title: "Children's home admission without a matching assessment against existing residents",
  source: { kind: 'LAW', citation: "Children's Homes (England) Regulations 2015 reg 14; provider practice" },
  severity: 'high',
  owner: 'SOCIAL_WORKER',
  category: 'PLACEMENT',
  needs: ['socialCare'],
  evaluate(record, context) {
    if (isUnreadable(record.socialCare))
      return agencyUnavailable(
        ['socialCare'],
        "children's home admissions and their assessments are unknown",
      );
    const socialCare = sectionOf(record.socialCare);
    if (!socialCare) return decided([]);
    const stays = childrensHomeStays(socialCare.placements);
    if (staysUnknown(stays)) return missingData(stays.missing);
    const residential = record.residential;
    const contextStay = residential ? latestStayIn(stays, residential.unitId) : null;

    const findings: Finding[] = [];
    const undecided: Undecided[] = [];
    for (const stay of stays) {
      const due = addDays(stay.admittedOn, context.config.admissionMatchingDays);
      if (context.today <= due) continue;
      if (residential && stay === contextStay) {
        const admittedAt = instantOrNull(stay.admission.startDate) ?? 0;
        if (residentsAtAdmission(residential, admittedAt, context.today).length === 0) continue;
      }
      const linked = assessmentsFor(socialCare, stay);
      const matching = linked.filter(addressesResidents);
      if (matching.some((a) => (socialCareDayOrNull(a.date) ?? Infinity) <= due)) continue;
      if (matching.some((a) => socialCareDayOrNull(a.date) === null)) {
        undecided.push({
          reason: 'MISSING_DATA',
          detail: `a matching assessment for placement ${stay.admission.id} has no date`,
          agencies: [],
        });
        continue;
      }
      findings.push({
        subject: { kind: 'PLACEMENT', id: stay.admission.id },
        summary:
          "Admitted to a children's home without a matching or impact assessment against the existing residents recorded by the day after admission.",
        evidence: [
          evidenceFrom(
            record.socialCare,
            stay.admission.id,
            `admitted to a children's home ${dateOf(stay.admittedOn)}`,
          ),
          ...(linked.length === 0
            ? [evidenceFrom(record.socialCare, null, 'no assessment recorded for the placement')]
            : linked.map((a) =>
                evidenceFrom(
                  record.socialCare,
                  a.id,
                  `${a.kind ?? 'untyped'} assessment dated ${shownDate(a.date)}${addressesResidents(a) ? '' : ', not addressing the existing residents'}`,
                ),
              )),
        ],
        dueDate: dateOf(due),
      });
    }
    return outcomeOf(findings, undecided);
  },
});
