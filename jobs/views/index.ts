/** The reconciliation views: pure functions over a child's joined record (see README.md). */
export { plansOf } from './plans-of.js';
export {
  PLAN_KINDS,
  PLAN_STATUSES,
  type PlanAgency,
  type PlanItem,
  type PlanKind,
  type PlanLink,
  type PlanOwner,
  type PlanStatus,
  type StatutoryDue,
} from './plan-item.js';
export { DUE_BASES, type DueBasis, type DueBasisKey } from './statutory-dues.js';
export {
  trackerEntryOf,
  type TrackedPlacement,
  type TrackerEntry,
  type TrackerFinding,
  type TrackerVerdict,
} from './tracker-entry-of.js';
export {
  referralAuditsOf,
  type OmissionKind,
  type ReferralAssessmentCheck,
  type ReferralAudit,
  type ReferralOmission,
  type UncomparedAgency,
} from './referral-audits-of.js';
