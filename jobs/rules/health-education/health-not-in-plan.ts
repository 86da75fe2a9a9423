/**
 * HEALTH_NOT_IN_PLAN: the care plan's health section leaves out a condition, medicine or allergy the GP records as
 * current, or names no GP. The learning review found GP-held health needs missing from assessment and care planning
 * ("all health information should be integrated ... including the involvement of GPs"); CPPCR 2010 Sch 2 asks for
 * the child's health and the details of their registered medical practitioner. Checked for children looked after today, against the care plan
 * in force today.
 *
 * Mental health items are compared too (the learning review's children's depression, self-harm and anxiety were
 * the ones left out), but the evidence does not name them: the finding is shown to roles that may see general
 * health, and the GP record itself shows the item to those who may see it. Sexual health items are not compared
 * (see facts/gp-items.ts).
 */
import type {
  CarePlanValue,
  SocialCareSectionValue,
} from '../../../connectors/social-care/social-care-section.js';
import { decided, defineRule, notAssessed, type Evidence, type RuleOutcome } from '../rule.js';
import type { DayNumber } from '../time/calendar-day.js';
import { unreadableOutcome } from './facts/agency-parts.js';
import { socialCareDay } from '../facts/agency-days.js';
import { currentGpItems, type GpItem } from './facts/gp-items.js';
import { periodOfCareOn } from './facts/period-of-care.js';

const needs = ['socialCare', 'health'] as const;

const itemWords: Readonly<Record<GpItem['kind'], string>> = {
  condition: 'condition',
  medication: 'medicine',
  allergy: 'allergy',
};

/** Care plans and GP systems differ in case and spacing, never in the words (the plan copies the GP's text). */
const normalise = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** The care plan in force on `today`: started by then, not ended before it; the latest started if several. */
export function carePlanInForce(sc: SocialCareSectionValue, today: DayNumber): CarePlanValue | null {
  const inForce = sc.carePlans
    .filter((plan) => plan.startDate !== null && socialCareDay(plan.startDate) <= today)
    .filter((plan) => plan.endDate === null || socialCareDay(plan.endDate) >= today)
    .sort((a, b) => socialCareDay(b.startDate as string) - socialCareDay(a.startDate as string));
  return inForce[0] ?? null;
}

function describe(item: GpItem): string {
  const since = item.since === null ? '' : ` (since ${item.since.slice(0, 10)})`;
  if (item.category === 'MENTAL_HEALTH')
    return `a current ${itemWords[item.kind]} the GP holds as restricted information${since} is not in the care plan`;
  return `current ${itemWords[item.kind]} "${item.display}"${since} is not in the care plan`;
}

export const healthNotInPlan = defineRule({
  id: 'HEALTH_NOT_IN_PLAN',
  title: "GP-recorded health needs missing from the care plan's health section",
  source: { kind: 'LEARNING_REVIEW', citation: 'the learning review; CPPCR 2010 Sch 2' },
  severity: 'high',
  owner: 'SOCIAL_WORKER',
  category: 'HEALTH',
  needs,
  evaluate(record, context): RuleOutcome {
    const unread = unreadableOutcome(record, needs);
    if (unread) return unread;
    const sc = record.socialCare.section;
    if (sc === null || periodOfCareOn(sc, context.today) === null) return decided([]);
    const plan = carePlanInForce(sc, context.today);
    // No plan is CARE_PLAN_MISSING's finding; there is nothing here to compare the GP record with.
    if (plan === null)
      return notAssessed('MISSING_DATA', 'no care plan is in force to compare with the GP record');
    if (plan.health === null)
      return notAssessed('MISSING_DATA', 'the care plan in force has no health section recorded');
    const planHealth = plan.health;
    const evidence: Evidence[] = [];
    const socialCareAsOf = record.socialCare.asOf;
    const namesNoGp = planHealth.gpName === null || planHealth.gpName.trim() === '';
    if (namesNoGp)
      evidence.push({
        agency: 'SOCIAL_CARE',
        recordId: plan.id,
        fact: 'the care plan names no GP',
        asOf: socialCareAsOf,
      });

    // No GP record linked: nothing to compare (GP_NOT_LINKED reports the missing link for a looked-after child).
    const health = record.health.section;
    const missing: GpItem[] = [];
    if (health !== null) {
      const inPlan: Readonly<Record<GpItem['kind'], Set<string>>> = {
        condition: new Set(planHealth.conditions.map(normalise)),
        medication: new Set(planHealth.medications.map(normalise)),
        allergy: new Set(planHealth.allergies.map(normalise)),
      };
      for (const item of currentGpItems(health, context.today)) {
        const listed = inPlan[item.kind];
        if (listed.has(normalise(item.display)) || (item.code !== null && listed.has(normalise(item.code))))
          continue;
        missing.push(item);
        evidence.push({
          agency: 'HEALTH',
          recordId: item.id,
          fact: describe(item),
          asOf: record.health.asOf,
        });
      }
    }
    if (evidence.length === 0) return decided([]);
    const parts: string[] = [];
    if (missing.length > 0)
      parts.push(
        `leaves out ${missing.length} current ${missing.length === 1 ? 'item' : 'items'} the GP records`,
      );
    if (namesNoGp) parts.push('names no GP');
    return decided([
      {
        subject: { kind: 'CARE_PLAN', id: plan.id },
        summary: `The care plan's health section ${parts.join(' and ')}.`,
        evidence,
        dueDate: null,
      },
    ]);
  },
});
