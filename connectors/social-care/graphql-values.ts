/**
 * The values this connector's resolvers hand to GraphQL for the shared types (schema/shared-sdl.ts). The shared
 * SDL has no TypeScript twin, so each connector states the shapes it produces.
 */
export type DataCategory =
  'SOCIAL_CARE' | 'CHILD_PROTECTION' | 'LOOKED_AFTER' | 'PLACEMENT' | 'EXPLOITATION_RISK' | 'HEALTH';

export interface SourceStatusValue {
  agency: 'SOCIAL_CARE';
  state: 'OK' | 'NOT_LINKED' | 'UNAVAILABLE' | 'TIMED_OUT';
  asOf: string | null;
  reason: string | null;
}

export type SocialCareEventKind =
  | 'REFERRAL'
  | 'ASSESSMENT_STARTED'
  | 'ASSESSMENT_AUTHORISED'
  | 'STRATEGY_DISCUSSION'
  | 'ICPC'
  | 'CP_PLAN_STARTED'
  | 'CP_PLAN_ENDED'
  | 'BECAME_LOOKED_AFTER'
  | 'CEASED_LOOKED_AFTER'
  | 'PLACEMENT_STARTED'
  | 'PLACEMENT_ENDED'
  | 'LAC_REVIEW'
  | 'HEALTH_ASSESSMENT'
  | 'MISSING_EPISODE'
  | 'RETURN_INTERVIEW'
  | 'MEETING'
  | 'PLACEMENT_REFERRAL'
  | 'VISIT';

export interface ChronologyEventValue {
  at: string;
  agency: 'SOCIAL_CARE';
  kind: SocialCareEventKind;
  summary: string;
  recordId: string | null;
  category: DataCategory;
}

export interface PractitionerValue {
  agency: 'SOCIAL_CARE';
  name: string;
  role: string;
  organisation: string | null;
  email: string | null;
  phone: string | null;
  since: string | null;
}
