/**
 * The identity index names agencies in its own words ('social-care', 'gp', ...) and the GraphQL view in the
 * evidence's (SOCIAL_CARE, HEALTH, ...); the rules accept either.
 */
import type { Evidence, OwnerRole } from '../../rule.js';

export type EvidenceAgency = Evidence['agency'];

const byName: Readonly<Record<string, EvidenceAgency>> = {
  'social-care': 'SOCIAL_CARE',
  social_care: 'SOCIAL_CARE',
  gp: 'HEALTH',
  health: 'HEALTH',
  education: 'EDUCATION',
  adult: 'ADULT_SERVICES',
  adult_services: 'ADULT_SERVICES',
};

/** The evidence agency for an identity-index agency name, or null for one the rules do not know. */
export function evidenceAgencyOf(name: string): EvidenceAgency | null {
  return byName[name.toLowerCase()] ?? null;
}

export const agencyLabels: Readonly<Record<EvidenceAgency, string>> = {
  SOCIAL_CARE: 'social care',
  HEALTH: 'GP',
  EDUCATION: 'education',
  ADULT_SERVICES: 'adult services',
  IDENTITY: 'identity index',
};

/** Who corrects an agency's record of the child. */
export const recordOwners: Readonly<Record<EvidenceAgency, OwnerRole>> = {
  SOCIAL_CARE: 'SOCIAL_WORKER',
  HEALTH: 'GP',
  EDUCATION: 'SENCO',
  ADULT_SERVICES: 'TRANSITION_WORKER',
  IDENTITY: 'SOCIAL_WORKER',
};
