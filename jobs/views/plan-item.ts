/**
 * One current plan or assessment in a child's plans overview (`plansOf`): what it is, which agency holds it, the
 * data category it reveals (the gateway shows an item only to roles that may see that category), its date and
 * status, who owns it, and when it next falls due under which statutory (or local) timescale.
 */
import type { DataCategory } from '../../schema/data-categories.js';
import type { OwnerRole, RuleSource } from '../rules/rule.js';

export const PLAN_KINDS = [
  'CHILD_AND_FAMILY_ASSESSMENT',
  'CARE_PLAN',
  'PLACEMENT_PLAN',
  'RISK_AND_MATCHING_ASSESSMENT',
  'INITIAL_HEALTH_ASSESSMENT',
  'REVIEW_HEALTH_ASSESSMENT',
  'EHC_PLAN',
  'PERSONAL_EDUCATION_PLAN',
  'PATHWAY_PLAN',
  'CARE_ACT_ASSESSMENT',
  'TRANSITION_HANDOFF',
] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

export const PLAN_STATUSES = [
  /** Asked for, not yet decided (an EHC needs assessment request). */
  'REQUESTED',
  /** Under way: an assessment started and not finished, a plan being prepared. */
  'IN_PROGRESS',
  /** A plan in force (care plan, placement plan, EHC plan, PEP, pathway plan). */
  'IN_FORCE',
  /** An assessment finished (authorised, completed, decided). */
  'COMPLETED',
  /** An assessment recorded but not completed (refused, outstanding). */
  'NOT_COMPLETED',
  /** Handed to and received by another agency. */
  'RECEIVED',
] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Why a due date could not be worked out; the item is still shown. */
export type UndecidedDue = 'OUTSIDE_CALENDAR' | 'NO_DATE_OF_BIRTH' | 'MISSING_DATA' | 'AGENCY_UNAVAILABLE';

export interface StatutoryDue {
  /** What falls due, e.g. "next looked-after review (the care plan is reviewed there)". */
  what: string;
  /** YYYY-MM-DD; null when it could not be worked out (`undecided` says why). */
  date: string | null;
  /** The date has passed with nothing recorded (open-ended deadlines fall due the day after). */
  overdue: boolean;
  /** The reconciliation rule that checks this timescale (statutory-rules.md), or null where none does. */
  rule: string | null;
  source: RuleSource;
  undecided: UndecidedDue | null;
}

export interface PlanOwner {
  role: OwnerRole;
  /** The practitioner the agency records on the plan itself (a personal adviser, a transition worker). */
  name: string | null;
  /** Their work e-mail, from the plan or (filled in by the gateway) from the relationships the hub holds. */
  person: string | null;
}

/** Another record the item belongs to, so a practitioner sees how plans relate (a placement, a period of care). */
export interface PlanLink {
  kind: 'PLACEMENT' | 'PERIOD_OF_CARE' | 'REFERRAL' | 'EHC_NEEDS_ASSESSMENT';
  id: string;
}

export type PlanAgency = 'SOCIAL_CARE' | 'EDUCATION' | 'ADULT_SERVICES';

export interface PlanItem {
  kind: PlanKind;
  agency: PlanAgency;
  /** The data category the item reveals. */
  category: DataCategory;
  /** The agency's record id; null where the agency keeps the plan without one (social care's pathway plan dates). */
  recordId: string | null;
  /** When it was made: started, written, issued, completed or received (YYYY-MM-DD). */
  date: string | null;
  status: PlanStatus;
  /** A coded detail where the agency gives one (an assessment's outcome or kind); never free text. */
  detail: string | null;
  lastReviewed: string | null;
  owner: PlanOwner;
  /** When it next falls due; null when no timescale applies (the README lists which). */
  nextDue: StatutoryDue | null;
  relatesTo: PlanLink[];
}
