/**
 * The closed vocabularies access control speaks: roles, activities, data categories, purposes of use and the
 * relationship kinds that make a relationship with a child legitimate. The policy file (policy.json) may only use
 * these words; code that checks access can rely on their types.
 */
import type { Relationship } from '../../connectors/connector.js';

export const ROLES = [
  'SOCIAL_WORKER',
  'TEAM_MANAGER',
  'IRO',
  'PANEL_MEMBER',
  'GP',
  'HEALTH_PROFESSIONAL',
  'SENCO',
  'DESIGNATED_TEACHER',
  'VIRTUAL_SCHOOL_HEAD',
  'TRANSITION_WORKER',
  'PRIVACY_OFFICER',
  'FEED_CLIENT',
  'ADMIN',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that never see child data, whatever the policy file says (checked when the policy is loaded). */
export const ROLES_WITHOUT_CHILD_DATA: readonly Role[] = ['PRIVACY_OFFICER', 'FEED_CLIENT', 'ADMIN'];

/** The only roles that may see SEXUAL_HEALTH (checked when the policy is loaded). */
export const HEALTH_ROLES: readonly Role[] = ['GP', 'HEALTH_PROFESSIONAL'];

export const ACTIVITIES = [
  'VIEW_CHILD_RECORD',
  'VIEW_SOCIAL_CARE',
  'VIEW_LOOKED_AFTER',
  'VIEW_CHILD_PROTECTION',
  'VIEW_PLACEMENT',
  'VIEW_ADDRESS',
  'VIEW_CONTACT_DETAILS',
  'VIEW_EXPLOITATION_RISK',
  'VIEW_GP_DETAILS',
  'VIEW_HEALTH',
  'VIEW_SEXUAL_HEALTH',
  'VIEW_MENTAL_HEALTH',
  'VIEW_EDUCATION',
  'VIEW_SEND',
  'VIEW_ADULT_SERVICES',
  'SEAL_OVERRIDE',
  'BREAK_GLASS',
  'SELF_CLAIM_RELATIONSHIP',
  'DECIDE_IDENTITY_MATCH',
  'VIEW_AUDIT',
  'MANAGE_ALERTS',
  'SUBMIT_FEED',
  'MANAGE_FEEDS',
  'REQUEST_HANDOFF',
  'ACKNOWLEDGE_FINDING',
  'MANAGE_PANEL_LISTS',
] as const;
export type Activity = (typeof ACTIVITIES)[number];

// The data categories are shared with reconciliation (schema/data-categories.ts).
export { DATA_CATEGORIES, type DataCategory } from '../../schema/data-categories.js';

export const PURPOSES_OF_USE = [
  'DIRECT_CARE',
  'SAFEGUARDING',
  'CARE_PLANNING',
  'PANEL',
  'TRANSITION',
  'AUDIT',
  'DATA_FEED',
  'ADMINISTRATION',
  'RECONCILIATION',
] as const;
export type PurposeOfUse = (typeof PURPOSES_OF_USE)[number];

/**
 * What makes a caller's relationship with a child legitimate: the kinds agencies record (connectors/connector.ts)
 * plus PANEL_LIST, the hub's own list of children a tracking panel is reviewing.
 */
export const RELATIONSHIP_KINDS = [
  'ALLOCATED_SOCIAL_WORKER',
  'TEAM_MANAGER',
  'IRO',
  'PERSONAL_ADVISER',
  'GP_PRACTICE',
  'SCHOOL',
  'VIRTUAL_SCHOOL',
  'TRANSITION_WORKER',
  'PANEL_LIST',
] as const satisfies readonly (Relationship['kind'] | 'PANEL_LIST')[];
export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number];

// Compile-time check that every agency relationship kind is listed above.
type MissingKinds = Exclude<Relationship['kind'], RelationshipKind>;
const _everyAgencyKindListed: [MissingKinds] extends [never] ? true : MissingKinds = true;
