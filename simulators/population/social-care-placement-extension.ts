/**
 * The documented local extension beside the SSD (docs/data-standards.md): placement referrals and what
 * they said, risk / matching / impact assessments, placement planning and other meetings, placement notifications
 * and notices to the professionals of a children's home's existing residents.
 */
import { socialWorkerOn } from './assign-professionals.js';
import { CONDITIONS, MEDICATIONS } from './clinical-codes.js';
import { ageInYears, isoDateTime, type DayNumber } from './dates.js';
import { hasHappened } from './generation-context.js';
import { LAPSE_RATES, lapsed } from './lapse-rates.js';
import type { Meeting, PlacementReferral } from './model.js';
import { conditionsActiveOn, medicationsActiveOn } from './plan-health.js';
import type { ChildProfile, PlannedPlacement } from './profile-types.js';
import { CHILDRENS_HOME, RISK_LABELS } from './social-care-codes.js';
import { workingTime, type SocialCareDraft } from './social-care-draft.js';

export function writePlacementExtension(draft: SocialCareDraft): void {
  for (const period of draft.profile.care) {
    for (const placement of period.placements) {
      const written = draft.placementIds.get(placement);
      if (!written) continue;
      writeReferral(draft, placement, written.id);
      writeMatching(draft, placement, written.id, written.startMinute);
      writePlacementMeeting(draft, placement, written.id, written.startMinute);
      writeNotifications(draft, placement, written.id);
      if (placement.type === CHILDRENS_HOME) writeCoresidentNotices(draft, placement, written.id);
    }
  }
  writeOtherMeetings(draft);
}

/** Risk labels the child's records support on a day: assessment factors, harmful sexual behaviour. */
export function childRiskLabels(profile: ChildProfile, factors: readonly string[]): string[] {
  const labels = factors
    .filter((factor) => factor in RISK_LABELS)
    .map((factor) => RISK_LABELS[factor] as string);
  if (profile.risks.harmfulSexualBehaviour) labels.push(RISK_LABELS.HSB as string);
  return labels;
}

function latestAssessmentBefore(draft: SocialCareDraft, day: DayNumber) {
  let latest: SocialCareDraft['assessments'][number] | null = null;
  for (const assessment of draft.assessments) {
    if (assessment.authorised !== null && assessment.authorised <= day) latest = assessment;
  }
  return latest;
}

function ehcpStatusOn(profile: ChildProfile, day: DayNumber): PlacementReferral['content']['ehcpStatus'] {
  const ehc = profile.schooling?.ehc;
  if (!ehc || ehc.request > day) return 'NONE';
  if (ehc.finalPlan !== null && ehc.finalPlan <= day) return 'ISSUED';
  if (ehc.outcome === 'N') return 'NONE';
  if (ehc.decision !== null && ehc.decision <= day) return 'IN_ASSESSMENT';
  return 'REQUESTED';
}

function writeReferral(draft: SocialCareDraft, placement: PlannedPlacement, placementId: string): void {
  const { random, record, deps, profile } = draft;
  const external =
    placement.type === CHILDRENS_HOME || placement.providerCode === 'PR4' || placement.providerCode === 'PR5';
  if (!external || !random.chance(0.9)) return;
  const day = Math.max(
    profile.referralDay ?? placement.start,
    placement.start - (placement.emergency ? random.int(0, 1) : random.int(3, 21)),
  );
  const assessment = latestAssessmentBefore(draft, day);
  // An emergency admission before any assessment is finished goes through the duty route, without a referral.
  if (!assessment) return;
  const risks = childRiskLabels(profile, assessment?.factors ?? []);
  const diagnoses = conditionsActiveOn(profile.health, day).map((c) => CONDITIONS[c.key].display);
  const medications = medicationsActiveOn(profile.health, day).map((m) => MEDICATIONS[m.key].display);
  let ehcpStatus = ehcpStatusOn(profile, day);
  let missingHistory = profile.missing.some((m) => m.start < day);
  if (lapsed(random, LAPSE_RATES.referralOmits, draft.profile.practice)) {
    const omissions: Array<() => void> = [];
    if (diagnoses.length > 0) omissions.push(() => diagnoses.splice(random.int(0, diagnoses.length - 1), 1));
    if (risks.length > 0) omissions.push(() => risks.splice(random.int(0, risks.length - 1), 1));
    if (ehcpStatus !== 'NONE') omissions.push(() => (ehcpStatus = 'UNKNOWN'));
    if (missingHistory) omissions.push(() => (missingHistory = false));
    if (omissions.length > 0) random.pick(omissions)();
  }
  const age = ageInYears(profile.dob, day);
  const who = profile.sex === 'F' ? 'girl' : profile.sex === 'M' ? 'boy' : 'child';
  const setting =
    placement.type === CHILDRENS_HOME
      ? 'Residential'
      : placement.type.startsWith('U')
        ? 'Foster'
        : 'Supported';
  record.placementReferrals.push({
    id: deps.context.ids.next('PRF'),
    date: workingTime(random, day),
    assessmentId: assessment?.id ?? null,
    content: {
      summary: `${setting} placement sought for a ${age}-year-old ${who}${placement.emergency ? ' following a placement breakdown' : ''}.`,
      risks,
      diagnoses,
      medications,
      ehcpStatus,
      missingHistory,
    },
    resultingPlacementId: placementId,
  });
}

function writeMatching(
  draft: SocialCareDraft,
  placement: PlannedPlacement,
  placementId: string,
  startMinute: number,
): void {
  const { random, record, deps, profile } = draft;
  const { ids } = deps.context;
  const day = placement.emergency ? placement.start : placement.start - random.int(1, 5);
  const at = placement.emergency ? isoDateTime(day, Math.max(0, startMinute - 90)) : workingTime(random, day);
  const own = childRiskLabels(profile, latestAssessmentBefore(draft, placement.start)?.factors ?? []);
  if (placement.type === CHILDRENS_HOME && placement.unit) {
    if (lapsed(random, LAPSE_RATES.admissionNotMatched, draft.profile.practice)) return;
    const ignoresResidents = lapsed(random, LAPSE_RATES.matchingIgnoresResidents, draft.profile.practice);
    const considered = new Set(own);
    if (!ignoresResidents) {
      for (const resident of deps.residential.residentsOn(
        placement.unit.id,
        placement.start,
        profile.index,
      )) {
        for (const label of residentRiskLabels(resident.profile, placement.start)) considered.add(label);
      }
    }
    record.matchingAssessments.push({
      id: ids.next('MAT'),
      placementId,
      residentialUnitId: placement.unit.id,
      date: at,
      kind: 'IMPACT_ON_RESIDENTS',
      risksConsidered: [...considered],
      addressesExistingResidents: !ignoresResidents,
    });
    return;
  }
  if (placement.type.startsWith('U') && random.chance(0.85)) {
    record.matchingAssessments.push({
      id: ids.next('MAT'),
      placementId,
      residentialUnitId: null,
      date: at,
      kind: 'MATCHING',
      risksConsidered: own,
      addressesExistingResidents: true,
    });
  }
}

/** What another resident's records say about risks, as a matching assessment would read them. */
function residentRiskLabels(profile: ChildProfile, day: DayNumber): string[] {
  const labels: string[] = [];
  if (profile.risks.cse) labels.push(RISK_LABELS['11A'] as string);
  if (profile.risks.cce) labels.push(RISK_LABELS['24A'] as string);
  if (profile.risks.gangs) labels.push(RISK_LABELS['13A'] as string);
  if (profile.risks.violence) labels.push(RISK_LABELS['14A'] as string);
  if (profile.risks.harmfulSexualBehaviour) labels.push(RISK_LABELS.HSB as string);
  if (profile.missing.some((m) => m.start < day)) labels.push(RISK_LABELS['10A'] as string);
  return labels;
}

function writePlacementMeeting(
  draft: SocialCareDraft,
  placement: PlannedPlacement,
  placementId: string,
  startMinute: number,
): void {
  const { random, record, deps } = draft;
  if (lapsed(random, LAPSE_RATES.placementMeetingMissing, draft.profile.practice)) return;
  const hours = lapsed(random, LAPSE_RATES.placementMeetingLate, draft.profile.practice)
    ? random.int(96, 240)
    : random.int(6, 48);
  const minuteOfStartDay = startMinute + hours * 60;
  if (!hasHappened(deps.context, placement.start, minuteOfStartDay)) return;
  if (placement.end !== null && placement.start + Math.floor(minuteOfStartDay / 1440) > placement.end) return;
  const carer = placement.type === CHILDRENS_HOME ? 'HOME_MANAGER' : 'CARER';
  const required = ['SOCIAL_WORKER', carer, 'CHILD', 'IRO'];
  const actual = random.chance(0.2) ? required.filter((who) => who !== 'IRO') : required;
  record.meetings.push({
    id: deps.context.ids.next('MTG'),
    date: isoDateTime(placement.start, minuteOfStartDay),
    type: 'PLACEMENT_PLANNING',
    statutory: true,
    purpose: 'Agree the placement plan and review the risk and matching assessment',
    placementId,
    requiredAttendees: required,
    actualAttendees: actual,
    minutesRecipients: ['SOCIAL_WORKER', carer, 'IRO', 'CHILD'],
    updatedRiskAssessment: !lapsed(random, LAPSE_RATES.placementMeetingNoRiskUpdate, draft.profile.practice),
  });
}

function enrolledOn(profile: ChildProfile, day: DayNumber): boolean {
  return (profile.schooling?.enrolments ?? []).some((e) => e.from <= day && (e.to === null || e.to > day));
}

function writeNotifications(draft: SocialCareDraft, placement: PlannedPlacement, placementId: string): void {
  const { random, record, deps, profile } = draft;
  const { asOfDay: asOf, ids } = deps.context;
  const recipients: Array<'GP' | 'SCHOOL' | 'ICB' | 'IRO'> = [];
  if (profile.gpRegistered) recipients.push('GP');
  if (enrolledOn(profile, placement.start)) recipients.push('SCHOOL');
  recipients.push('ICB', 'IRO');
  const lapse = lapsed(random, LAPSE_RATES.placementNotNotified, draft.profile.practice);
  const skipped = lapse && random.chance(0.5) ? random.pick(recipients) : null;
  const late = lapse && skipped === null ? random.pick(recipients) : null;
  for (const recipient of recipients) {
    if (recipient === skipped) continue;
    const day = placement.start + (recipient === late ? random.int(10, 25) : random.int(0, 4));
    if (day > asOf - 1) continue;
    record.placementNotifications.push({
      id: ids.next('PNT'),
      placementId,
      recipient,
      date: workingTime(random, day),
    });
  }
}

function writeCoresidentNotices(
  draft: SocialCareDraft,
  placement: PlannedPlacement,
  placementId: string,
): void {
  const { random, record, deps, profile } = draft;
  const unit = placement.unit;
  if (!unit || lapsed(random, LAPSE_RATES.coresidentsNotInformed, draft.profile.practice)) return;
  const skipIros = lapsed(random, LAPSE_RATES.coresidentIrosNotInformed, draft.profile.practice);
  const { asOfDay: asOf, ids } = deps.context;
  for (const resident of deps.residential.residentsOn(unit.id, placement.start, profile.index)) {
    const aboutPersonId = resident.profile.assignments.socialCarePersonId;
    if (aboutPersonId === null) continue;
    const notified = [socialWorkerOn(resident.profile, placement.start)];
    const iro = resident.profile.assignments.iro;
    if (!skipIros && iro && iro.from <= placement.start) notified.push(iro.professional);
    for (const professional of notified) {
      const day = placement.start + random.int(0, 3);
      if (!professional || day > asOf - 1) continue;
      record.coresidentNotifications.push({
        id: ids.next('CRN'),
        placementId,
        residentialUnitId: unit.id,
        notifiedProfessionalId: professional.id,
        aboutPersonId,
        date: workingTime(random, day),
      });
    }
  }
}

function writeOtherMeetings(draft: SocialCareDraft): void {
  const { random, record, deps, profile } = draft;
  const { asOfDay: asOf, ids } = deps.context;
  const open = profile.status === 'LAC' || profile.status === 'CP';
  if (!open) return;
  const recent = (days: number) => Math.max(profile.referralDay ?? asOf - days, asOf - days);
  const risky = profile.risks.missing || profile.risks.cse || profile.risks.cce || profile.risks.selfHarm;
  const crisisMeetings = risky ? random.int(1, 3) : 0;
  for (let i = 0; i < crisisMeetings; i++) {
    const attendees = ['SOCIAL_WORKER', 'TEAM_MANAGER', 'POLICE', 'CAMHS'];
    record.meetings.push({
      id: ids.next('MTG'),
      date: workingTime(random, recent(random.int(5, 360))),
      type: 'PROFESSIONALS',
      statutory: false,
      purpose: 'Respond to an incident and agree safety actions',
      placementId: null,
      requiredAttendees: attendees,
      actualAttendees: attendees.slice(0, random.int(2, attendees.length)),
      minutesRecipients: attendees,
      updatedRiskAssessment: false,
    });
  }
  if (lapsed(random, LAPSE_RATES.meetingStatusUnclear, draft.profile.practice)) {
    const unclear: Meeting = {
      id: ids.next('MTG'),
      date: workingTime(random, recent(random.int(5, 300))),
      type: null,
      statutory: null,
      purpose: null,
      placementId: null,
      requiredAttendees: null,
      actualAttendees: ['SOCIAL_WORKER', 'HOME_MANAGER', 'POLICE'],
      minutesRecipients: null,
      updatedRiskAssessment: false,
    };
    record.meetings.push(unclear);
  }
}
