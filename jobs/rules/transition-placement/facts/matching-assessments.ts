/**
 * Matching and impact assessments for a stay in a children's home (the local extension's placement assessments:
 * RISK of the child, MATCHING against the home, IMPACT_ON_RESIDENTS).
 */
import type {
  PlacementAssessmentValue,
  SocialCareSectionValue,
} from '../../../../connectors/social-care/social-care-section.js';
import { placementIdsOf, type HomeStay } from './childrens-homes.js';

const matchingKinds = new Set(['MATCHING', 'IMPACT_ON_RESIDENTS']);

/**
 * Whether an assessment weighs the admission against the children already in the home: it says so, or it is a
 * matching or impact assessment that does not say otherwise.
 */
export function addressesResidents(assessment: PlacementAssessmentValue): boolean {
  if (assessment.addressesExistingResidents !== null) return assessment.addressesExistingResidents;
  return matchingKinds.has(assessment.kind?.trim().toUpperCase() ?? '');
}

/** The assessments linked to any placement record of the stay. */
export function assessmentsFor(section: SocialCareSectionValue, stay: HomeStay): PlacementAssessmentValue[] {
  const ids = placementIdsOf(stay);
  return section.placementAssessments.filter((a) => a.placementId !== null && ids.has(a.placementId));
}
