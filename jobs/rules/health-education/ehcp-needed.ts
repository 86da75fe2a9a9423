/**
 * EHCP_NEEDED: a pupil on SEN support whose social care or GP records show complex needs, and for whom no EHC needs
 * assessment has ever been requested. The learning review found EHCPs "should have been in place for both children
 * sooner" and asked for support for children in mainstream schools without one; the SEND Code of Practice (9.14)
 * has the local authority weigh evidence from health and social care when deciding whether to assess.
 *
 * Indicators (the scenario README's reading, with disability added): an open social care case (looked after, a
 * child protection plan, or a child in need), a disability social care records, or a current GP condition that
 * indicates complex needs (facts/complex-needs.ts). The finding is shown to SEND roles, so its evidence says only
 * that an agency holds an indicator — not which case type, disability or condition.
 */
import { decided, defineRule, type Evidence, type RuleOutcome } from '../rule.js';
import { unreadableOutcome } from './facts/agency-parts.js';
import { indicatesComplexNeeds } from './facts/complex-needs.js';
import { currentGpItems } from './facts/gp-items.js';
import { periodOfCareOn } from './facts/period-of-care.js';

const needs = ['education', 'socialCare', 'health'] as const;

export const ehcpNeeded = defineRule({
  id: 'EHCP_NEEDED',
  title: 'SEN support with indicators of complex needs, and no EHC needs assessment requested',
  source: { kind: 'LEARNING_REVIEW', citation: 'the learning review; SEND Code of Practice 2015, 9.14' },
  severity: 'medium',
  owner: 'SENCO',
  category: 'SEND',
  needs,
  evaluate(record, context): RuleOutcome {
    const unread = unreadableOutcome(record, needs);
    if (unread) return unread;
    const education = record.education.section;
    // No education record: no SEN support is known of (PEP_OVERDUE and others report a missing school record).
    if (education === null || education.senProvision !== 'K') return decided([]);
    if (education.ehcNeedsAssessments.length > 0) return decided([]);

    const evidence: Evidence[] = [];
    const sc = record.socialCare.section;
    if (sc !== null) {
      const openCase =
        periodOfCareOn(sc, context.today) !== null || sc.status.childProtectionPlan || sc.status.childInNeed;
      if (openCase)
        evidence.push({
          agency: 'SOCIAL_CARE',
          recordId: null,
          fact: "children's social care has an open case",
          asOf: record.socialCare.asOf,
        });
      if (sc.disabilities.length > 0)
        evidence.push({
          agency: 'SOCIAL_CARE',
          recordId: null,
          fact: 'social care records a disability',
          asOf: record.socialCare.asOf,
        });
    }
    const health = record.health.section;
    if (health !== null)
      for (const item of currentGpItems(health, context.today).filter(indicatesComplexNeeds))
        evidence.push({
          agency: 'HEALTH',
          recordId: item.id,
          fact: 'the GP records a current long-term condition that indicates complex needs',
          asOf: record.health.asOf,
        });
    if (evidence.length === 0) return decided([]);
    evidence.unshift({
      agency: 'EDUCATION',
      recordId: education.pupilIds[0] ?? null,
      fact: 'on SEN support; no EHC needs assessment has been requested',
      asOf: record.education.asOf,
    });
    return decided([
      {
        subject: { kind: 'CHILD', id: record.child.id },
        summary:
          'This pupil is on SEN support, other agencies record indicators of complex needs, and no EHC needs assessment has been requested.',
        evidence,
        dueDate: null,
      },
    ]);
  },
});
