import type { AdultRecord } from '../population/model.js';
import type { ContactView, Directory } from '../kit/directory.js';

/**
 * The API's JSON shape for one person: identity as adult services hold it, transition work (referrals, Care Act
 * s58 assessments, pathway plans, transition worker) and the CLD-style dated events.
 */
export interface PersonView {
  personId: string;
  nhsNumber: string | null;
  givenName: string;
  familyName: string;
  sex: 'M' | 'F' | 'U';
  dateOfBirth: string;
  postcode: string | null;
  addressLine: string | null;
  transitionReferrals: AdultRecord['transitionReferrals'];
  s58Assessments: AdultRecord['s58Assessments'];
  pathwayPlans: Array<{
    id: string;
    needsAssessmentDate: string | null;
    planDate: string | null;
    personalAdviser: ContactView | null;
  }>;
  transitionWorker: ContactView | null;
  /** CLD event types: REQUEST, ASSESSMENT, REVIEW, SERVICE; oldest first. */
  cldEvents: Array<{
    id: string;
    eventType: AdultRecord['events'][number]['kind'];
    date: string;
    detail: string;
  }>;
}

export function toPersonView(record: AdultRecord, directory: Directory): PersonView {
  return {
    personId: record.personId,
    nhsNumber: record.identity.nhsNumber,
    givenName: record.identity.givenName,
    familyName: record.identity.familyName,
    sex: record.identity.sex,
    dateOfBirth: record.identity.dateOfBirth,
    postcode: record.identity.postcode,
    addressLine: record.identity.addressLine,
    transitionReferrals: record.transitionReferrals,
    s58Assessments: record.s58Assessments,
    pathwayPlans: record.pathwayPlans.map((plan) => ({
      id: plan.id,
      needsAssessmentDate: plan.needsAssessmentDate,
      planDate: plan.planDate,
      personalAdviser: directory.contact(plan.personalAdviserId),
    })),
    transitionWorker: directory.contact(record.transitionWorkerId),
    cldEvents: record.events
      .map((event) => ({ id: event.id, eventType: event.kind, date: event.date, detail: event.detail }))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
  };
}
