import type { Population, SocialCareRecord } from '../../population/model.js';
import type { RowSink } from './row-sink.js';
import { json, yn } from './values.js';

/** Residential units are the council's view of the homes it places in, one row each. */
export function mapResidentialUnits(population: Population, sink: RowSink): void {
  for (const unit of population.residentialUnits) {
    sink.add('ssdx_residential_unit', {
      resu_unit_id: unit.id,
      resu_urn: unit.urn,
      resu_name: unit.name,
      resu_provider: unit.providerCode,
      resu_postcode: unit.postcode,
      resu_capacity: unit.capacity,
      resu_manager_professional_id: unit.managerProfessionalId,
    });
  }
}

function jsonOrNull(value: readonly string[] | null): string | null {
  return value === null ? null : json(value);
}

export function mapPlacementPractice(record: SocialCareRecord, sink: RowSink): void {
  const personId = record.personId;

  for (const referral of record.placementReferrals) {
    sink.add('ssdx_placement_referral', {
      plrf_referral_id: referral.id,
      plrf_person_id: personId,
      plrf_referral_date: referral.date,
      plrf_assessment_id: referral.assessmentId,
      plrf_summary: referral.content.summary,
      plrf_risks_json: json(referral.content.risks),
      plrf_diagnoses_json: json(referral.content.diagnoses),
      plrf_medications_json: json(referral.content.medications),
      plrf_ehcp_status: referral.content.ehcpStatus,
      plrf_missing_history: yn(referral.content.missingHistory),
      plrf_resulting_placement_id: referral.resultingPlacementId,
    });
  }

  for (const assessment of record.matchingAssessments) {
    sink.add('ssdx_placement_assessment', {
      plas_assessment_id: assessment.id,
      plas_person_id: personId,
      plas_placement_id: assessment.placementId,
      plas_residential_unit_id: assessment.residentialUnitId,
      plas_assessment_date: assessment.date,
      plas_assessment_kind: assessment.kind,
      plas_risks_considered_json: json(assessment.risksConsidered),
      plas_addresses_existing_residents: yn(assessment.addressesExistingResidents),
    });
  }

  for (const meeting of record.meetings) {
    sink.add('ssdx_meeting', {
      meet_meeting_id: meeting.id,
      meet_person_id: personId,
      meet_meeting_date: meeting.date,
      meet_meeting_type: meeting.type,
      meet_statutory: yn(meeting.statutory),
      meet_purpose: meeting.purpose,
      meet_placement_id: meeting.placementId,
      meet_required_attendees_json: jsonOrNull(meeting.requiredAttendees),
      meet_actual_attendees_json: json(meeting.actualAttendees),
      meet_minutes_recipients_json: jsonOrNull(meeting.minutesRecipients),
      meet_updated_risk_assessment: yn(meeting.updatedRiskAssessment),
    });
  }

  for (const notification of record.placementNotifications) {
    sink.add('ssdx_placement_notification', {
      plno_notification_id: notification.id,
      plno_person_id: personId,
      plno_placement_id: notification.placementId,
      plno_recipient: notification.recipient,
      plno_notification_date: notification.date,
    });
  }

  for (const notification of record.coresidentNotifications) {
    sink.add('ssdx_coresident_notification', {
      corn_notification_id: notification.id,
      corn_person_id: personId,
      corn_placement_id: notification.placementId,
      corn_residential_unit_id: notification.residentialUnitId,
      corn_notified_professional_id: notification.notifiedProfessionalId,
      corn_about_person_id: notification.aboutPersonId,
      corn_notification_date: notification.date,
    });
  }
}
