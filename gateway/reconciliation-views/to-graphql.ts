/**
 * The views' values as the subschema's types: plan items with their owner's e-mail filled in, referral audits
 * with their omissions grouped by data category (one field per category, so the gateway releases each group only
 * to roles that may see it), and agency read states shown only for agencies whose data the caller may see.
 */
import type { AgencyPart, JoinedChildRecord } from '../../jobs/rules/joined-record.js';
import type { OwnerRole } from '../../jobs/rules/rule.js';
import type { PlanItem, ReferralAudit, ReferralOmission } from '../../jobs/views/index.js';
import type { ViewsAccessProbe } from './views-access.js';

export interface SourceStatusValue {
  agency: string;
  state: string;
  asOf: string | null;
  reason: string | null;
}

export function withOwnerPerson(item: PlanItem, people: Partial<Record<OwnerRole, string>>): PlanItem {
  if (item.owner.person !== null) return item;
  return { ...item, owner: { ...item.owner, person: people[item.owner.role] ?? null } };
}

/** The categories each agency's plans carry: its read state matters to a caller who may see any of them. */
const planCategoriesOf: ReadonlyArray<
  [keyof JoinedChildRecord & ('socialCare' | 'education' | 'adultServices'), string[]]
> = [
  ['socialCare', ['SOCIAL_CARE', 'LOOKED_AFTER', 'PLACEMENT', 'HEALTH']],
  ['education', ['EDUCATION', 'SEND']],
  ['adultServices', ['ADULT_SERVICES']],
];

function unread(part: AgencyPart<unknown>): SourceStatusValue | null {
  if (part.state === 'NOT_LINKED' || (part.state === 'OK' && part.section !== null)) return null;
  return {
    agency: part.agency,
    state: part.state === 'OK' ? 'UNAVAILABLE' : part.state,
    asOf: part.asOf,
    reason: part.reason ?? 'NO_SECTION',
  };
}

function seesAny(probe: ViewsAccessProbe, childId: string, categories: readonly string[]): boolean {
  return categories.some((category) => probe.withholding(childId, category) === null);
}

export function plansNotRead(record: JoinedChildRecord, probe: ViewsAccessProbe): SourceStatusValue[] {
  return planCategoriesOf.flatMap(([part, categories]) => {
    const status = unread(record[part]);
    return status !== null && seesAny(probe, record.child.id, categories) ? [status] : [];
  });
}

export interface ReferralAuditValue {
  referralId: string;
  date: string;
  resultingPlacementId: string | null;
  assessment: ReferralAudit['assessment'];
  omittedRisks: ReferralOmission[];
  omittedHealth: ReferralOmission[];
  omittedMentalHealth: ReferralOmission[];
  omittedSend: ReferralOmission[];
  notCompared: SourceStatusValue[];
  child: { id: string };
}

const comparedCategories: Record<string, string[]> = {
  HEALTH: ['HEALTH', 'MENTAL_HEALTH'],
  EDUCATION: ['SEND'],
};

export function referralAuditValue(audit: ReferralAudit, probe: ViewsAccessProbe): ReferralAuditValue {
  const of = (category: string) => audit.omissions.filter((omission) => omission.category === category);
  return {
    referralId: audit.referralId,
    date: audit.date,
    resultingPlacementId: audit.resultingPlacementId,
    assessment: audit.assessment,
    omittedRisks: of('EXPLOITATION_RISK'),
    omittedHealth: of('HEALTH'),
    omittedMentalHealth: of('MENTAL_HEALTH'),
    omittedSend: of('SEND'),
    notCompared: audit.notCompared
      .filter((agency) => seesAny(probe, audit.childId, comparedCategories[agency.agency] ?? []))
      .map((agency) => ({ ...agency, state: agency.state === 'OK' ? 'UNAVAILABLE' : agency.state })),
    child: { id: audit.childId },
  };
}
