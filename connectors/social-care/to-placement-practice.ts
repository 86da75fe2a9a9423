/**
 * The local extension's placement practice records: placement referrals (and what they said), risk / matching /
 * impact assessments, meetings, placement notifications and notices to co-residents' workers.
 */
import type { ChildRecord } from './child-record.js';
import type {
  CoresidentNotificationValue,
  MeetingValue,
  PlacementAssessmentValue,
  PlacementNotificationValue,
  PlacementReferralValue,
} from './social-care-section.js';
import { roleFromJobTitle, toPractitioner } from './to-practitioner.js';

/** Each referral with the authorisation date of the assessment it relied on, so its age can be judged. */
export function toPlacementReferrals(record: ChildRecord): PlacementReferralValue[] {
  const authorisedById = new Map(
    record.assessments.map((row) => [row.cina_assessment_id, row.cina_assessment_auth_date]),
  );
  return record.placementReferrals.map((row) => ({
    id: row.plrf_referral_id,
    date: row.plrf_referral_date,
    assessmentId: row.plrf_assessment_id,
    assessmentAuthorisedDate:
      row.plrf_assessment_id === null ? null : (authorisedById.get(row.plrf_assessment_id) ?? null),
    summary: row.plrf_summary,
    risks: row.plrf_risks_json,
    diagnoses: row.plrf_diagnoses_json,
    medications: row.plrf_medications_json,
    ehcpStatus: row.plrf_ehcp_status,
    missingHistory: row.plrf_missing_history,
    resultingPlacementId: row.plrf_resulting_placement_id,
  }));
}

export function toPlacementAssessments(record: ChildRecord): PlacementAssessmentValue[] {
  return record.placementAssessments.map((row) => ({
    id: row.plas_assessment_id,
    placementId: row.plas_placement_id,
    residentialUnitId: row.plas_residential_unit_id,
    date: row.plas_assessment_date,
    kind: row.plas_assessment_kind,
    risksConsidered: row.plas_risks_considered_json,
    addressesExistingResidents: row.plas_addresses_existing_residents,
  }));
}

/** Meetings as recorded: a field left NULL stays null (the review found meetings whose status nobody knew). */
export function toMeetings(record: ChildRecord): MeetingValue[] {
  return record.meetings.map((row) => ({
    id: row.meet_meeting_id,
    date: row.meet_meeting_date,
    type: row.meet_meeting_type,
    statutory: row.meet_statutory,
    purpose: row.meet_purpose,
    placementId: row.meet_placement_id,
    requiredAttendees: row.meet_required_attendees_json,
    actualAttendees: row.meet_actual_attendees_json,
    minutesRecipients: row.meet_minutes_recipients_json,
    updatedRiskAssessment: row.meet_updated_risk_assessment,
  }));
}

export function toPlacementNotifications(record: ChildRecord): PlacementNotificationValue[] {
  return record.placementNotifications.map((row) => ({
    id: row.plno_notification_id,
    placementId: row.plno_placement_id,
    recipient: row.plno_recipient,
    date: row.plno_notification_date,
  }));
}

export function toCoresidentNotifications(record: ChildRecord): CoresidentNotificationValue[] {
  return record.coresidentNotifications.map((row) => {
    const professionalId = row.corn_notified_professional_id;
    const professional = professionalId === null ? undefined : record.professionals.get(professionalId);
    return {
      id: row.corn_notification_id,
      placementId: row.corn_placement_id,
      residentialUnitId: row.corn_residential_unit_id,
      aboutPersonId: row.corn_about_person_id,
      notified: professional
        ? toPractitioner(professional, roleFromJobTitle(professional.prof_professional_job_title), null)
        : null,
      date: row.corn_notification_date,
    };
  });
}
