/**
 * Referrals (CIN episodes), Child and Family Assessments with their factors, s47 enquiries, initial child
 * protection conferences, child protection plans and reviews, and CIN / CP visits.
 */
import { socialWorkerOn } from './assign-professionals.js';
import { addMonths, ageInYears, isoDateTime, type DayNumber } from './dates.js';
import { LAPSE_RATES, lapsed } from './lapse-rates.js';
import type { CinEpisode, S47Enquiry } from './model.js';
import { conditionsActiveOn } from './plan-health.js';
import {
  CIN_CLOSURE_REASONS,
  CARE_ENDED_REASONS,
  CP_CATEGORY_WEIGHTS,
  FAMILY_FACTORS,
  PRIMARY_NEED_WEIGHTS,
  RISK_FACTORS,
} from './social-care-codes.js';
import { participationCode, workingTime, type SocialCareDraft } from './social-care-draft.js';

export function writeReferral(draft: SocialCareDraft): void {
  const { profile, random, record, deps } = draft;
  const referralDay = profile.referralDay;
  if (referralDay === null) return;
  const asOf = deps.context.asOfDay;
  const lastPeriod = profile.care[profile.care.length - 1];
  let closeDay: DayNumber | null = null;
  let closeReason: string | null = null;
  if (profile.status === 'CLOSED') {
    closeDay = Math.min(asOf - 1, referralDay + random.int(30, 90));
    closeReason = random.chance(0.6)
      ? CIN_CLOSURE_REASONS.NFA_AFTER_ASSESSMENT
      : CIN_CLOSURE_REASONS.UNIVERSAL_SERVICES;
  } else if (profile.status === 'CARE_LEFT' && lastPeriod?.end != null) {
    closeDay = Math.min(asOf - 1, lastPeriod.end + random.int(20, 90));
    closeReason =
      lastPeriod.endReason === CARE_ENDED_REASONS.ADOPTED
        ? CIN_CLOSURE_REASONS.ADOPTED
        : lastPeriod.endReason === CARE_ENDED_REASONS.SPECIAL_GUARDIANSHIP
          ? CIN_CLOSURE_REASONS.SPECIAL_GUARDIANSHIP
          : CIN_CLOSURE_REASONS.CEASED_OTHER;
  }
  const episode: CinEpisode = {
    referralId: deps.context.ids.next('REF'),
    referralDate: workingTime(random, referralDay),
    primaryNeed: lastPeriod?.needCode ?? random.weighted(PRIMARY_NEED_WEIGHTS),
    closeDate: closeDay === null ? null : workingTime(random, closeDay),
    closeReason,
    workerId: socialWorkerOn(profile, referralDay)?.id ?? '',
  };
  record.cinEpisodes.push(episode);
  writeAssessments(draft, episode.referralId, referralDay, closeDay);
  writeChildProtection(draft, episode.referralId, referralDay);
  writeCinVisits(draft, referralDay, closeDay);
}

function assessmentStarts(
  draft: SocialCareDraft,
  referralDay: DayNumber,
  closeDay: DayNumber | null,
): DayNumber[] {
  const { profile, random, deps } = draft;
  const asOf = deps.context.asOfDay;
  const starts = [Math.min(asOf - 1, referralDay + random.int(0, 3))];
  if (profile.status === 'CLOSED') return starts;
  const until = closeDay ?? asOf - 5;
  const inCare = profile.status === 'LAC' || profile.status === 'CARE_LEFT';
  // Coming into care counts as a move: the assessment that led to care is refreshed once the child is placed.
  const moves = inCare
    ? profile.care.flatMap((period) => period.placements.map((placement) => placement.start))
    : [];
  const lastMove = moves[moves.length - 1] ?? null;
  const staleFrom =
    inCare && lapsed(random, LAPSE_RATES.assessmentStale, draft.profile.practice)
      ? asOf - random.int(400, 700)
      : Infinity;
  const skipLastMove =
    inCare &&
    lastMove !== null &&
    lapsed(random, LAPSE_RATES.assessmentNotRefreshedAfterMove, draft.profile.practice);
  let latest = starts[0] as number;
  for (;;) {
    // Refreshed well inside a year (a start, then up to 40 days to authorise), and soon after each move.
    const annual = latest + random.int(270, 320);
    const move = moves.find((day) => day > latest);
    let next = annual;
    if (move !== undefined && move + 10 < annual) {
      if (skipLastMove && move === lastMove) break;
      next = move + random.int(3, 10);
    }
    if (next > until || next > staleFrom) break;
    starts.push(next);
    latest = next;
  }
  return starts;
}

function assessmentFactors(draft: SocialCareDraft, day: DayNumber): string[] {
  const { profile, random } = draft;
  const factors = new Set(random.sample(FAMILY_FACTORS, random.int(1, 3)));
  if (ageInYears(profile.dob, day) >= 10) {
    const { risks } = profile;
    if (risks.cse) factors.add(RISK_FACTORS.CSE);
    if (risks.cce) factors.add(RISK_FACTORS.CCE);
    if (risks.gangs) factors.add(RISK_FACTORS.GANGS);
    if (risks.selfHarm) factors.add(RISK_FACTORS.SELF_HARM);
    if (risks.violence) factors.add(RISK_FACTORS.BEHAVIOUR);
    if (profile.missing.some((m) => m.start < day)) factors.add(RISK_FACTORS.MISSING);
  }
  for (const condition of conditionsActiveOn(profile.health, day)) {
    if (condition.key === 'ANXIETY' || condition.key === 'DEPRESSION')
      factors.add(RISK_FACTORS.CHILD_MENTAL_HEALTH);
    if (condition.key === 'DRUG_MISUSE') factors.add(RISK_FACTORS.CHILD_DRUGS);
    if (condition.key === 'ALCOHOL_MISUSE') factors.add(RISK_FACTORS.CHILD_ALCOHOL);
  }
  if (factors.size > 1) factors.delete('21');
  return [...factors];
}

function writeAssessments(
  draft: SocialCareDraft,
  referralId: string,
  referralDay: DayNumber,
  closeDay: DayNumber | null,
) {
  const { profile, random, record, deps } = draft;
  const asOf = deps.context.asOfDay;
  const starts = assessmentStarts(draft, referralDay, closeDay);
  const lateIndex = lapsed(random, LAPSE_RATES.assessmentLate, draft.profile.practice)
    ? random.int(0, starts.length - 1)
    : -1;
  starts.forEach((start, index) => {
    // Calendar-day margins keep "late" beyond 45 working days and "on time" well inside it, whatever the holidays;
    // updates after a move are quicker than a first assessment.
    const late = index === lateIndex;
    const completed =
      start + (late ? random.int(75, 140) : index === 0 ? random.int(10, 40) : random.int(7, 25));
    const authorised = completed <= asOf - 1 ? completed : null;
    const seen = Math.min(asOf - 1, start + random.int(0, 7));
    const factors = assessmentFactors(draft, start);
    const id = deps.context.ids.next('ASM');
    record.assessments.push({
      id,
      referralId,
      startDate: workingTime(random, start),
      childSeenDate: workingTime(random, seen),
      authorisedDate: authorised === null ? null : workingTime(random, authorised),
      factors,
      workerId: socialWorkerOn(profile, start)?.id ?? '',
    });
    draft.assessments.push({ id, start, authorised, factors });
  });
}

function writeChildProtection(draft: SocialCareDraft, referralId: string, referralDay: DayNumber): void {
  const { profile, random, record, deps } = draft;
  const { asOfDay: asOf, calendar, ids } = deps.context;
  const status = profile.status;
  const enquiry =
    status === 'CP' ||
    (status === 'LAC' && random.chance(0.3)) ||
    (status === 'CLOSED' && random.chance(0.1)) ||
    (status === 'CIN' && random.chance(0.1));
  if (!enquiry) return;
  const start = Math.min(asOf - 2, referralDay + random.int(0, 5));
  const conference = status === 'CP' || status === 'LAC';
  const s47: S47Enquiry = {
    id: ids.next('S47'),
    referralId,
    startDate: workingTime(random, start),
    endDate: null,
    outcome: conference ? 'ICPC' : status === 'CIN' ? 'CIN' : 'NFA',
    icpc: null,
  };
  const end = start + random.int(5, 14);
  if (end <= asOf - 1) s47.endDate = workingTime(random, end);
  record.s47Enquiries.push(s47);
  record.meetings.push({
    id: ids.next('MTG'),
    date: workingTime(random, start),
    type: 'STRATEGY',
    statutory: true,
    purpose: 'Strategy discussion under section 47',
    placementId: null,
    requiredAttendees: ['SOCIAL_WORKER', 'TEAM_MANAGER', 'POLICE', 'HEALTH'],
    actualAttendees: ['SOCIAL_WORKER', 'TEAM_MANAGER', 'POLICE', 'HEALTH'],
    minutesRecipients: ['SOCIAL_WORKER', 'TEAM_MANAGER', 'POLICE', 'HEALTH'],
    updatedRiskAssessment: false,
  });
  if (!conference) return;

  const late = lapsed(random, LAPSE_RATES.icpcLate, draft.profile.practice);
  const target = calendar.addWorkingDays(start, 15);
  const held = calendar.addWorkingDays(start, late ? random.int(18, 35) : random.int(8, 15));
  const heldDay = held <= asOf - 1 ? held : null;
  s47.icpc = {
    id: ids.next('ICPC'),
    targetDate: isoDateTime(target, 600),
    date: heldDay === null ? null : workingTime(random, heldDay),
    outcome: heldDay === null ? null : 'CP_PLAN',
  };
  if (heldDay === null) return;

  const careStart = profile.care[profile.care.length - 1]?.start ?? null;
  const planEnd = status === 'LAC' && careStart !== null && careStart > heldDay ? careStart : null;
  if (status === 'LAC' && planEnd === null) return;
  record.cpPlans.push({
    id: ids.next('CPP'),
    startDate: workingTime(random, heldDay),
    endDate: planEnd === null ? null : workingTime(random, planEnd),
    category: random.weighted(CP_CATEGORY_WEIGHTS),
  });
  writeCpReviewsAndVisits(draft, heldDay, planEnd);
}

function writeCpReviewsAndVisits(
  draft: SocialCareDraft,
  planStart: DayNumber,
  planEnd: DayNumber | null,
): void {
  const { profile, random, record, deps } = draft;
  const { asOfDay: asOf, ids } = deps.context;
  const until = planEnd ?? asOf;
  const review = (due: DayNumber, heldDay: DayNumber | null) =>
    record.cpReviews.push({
      id: ids.next('CPR'),
      dueDate: isoDateTime(due, 600),
      date: heldDay === null ? null : workingTime(random, heldDay),
      participation: heldDay === null ? null : participationCode(random, profile.dob, heldDay, false),
    });
  let due = addMonths(planStart, 3);
  for (;;) {
    if (due > until) {
      // An open plan shows its next review, not yet due.
      if (planEnd === null) review(due, null);
      break;
    }
    const heldDay = lapsed(random, LAPSE_RATES.lacReviewLate, draft.profile.practice)
      ? due + random.int(5, 30)
      : due - random.int(0, 10);
    if (heldDay > Math.min(until, asOf - 1)) {
      if (planEnd === null) review(due, null);
      break;
    }
    review(due, heldDay);
    due = addMonths(heldDay, 6);
  }
  for (let day = planStart + random.int(1, 7); day <= Math.min(until, asOf - 1); day += random.int(7, 14)) {
    record.visits.push({
      id: ids.next('VIS'),
      date: workingTime(random, day),
      kind: 'CP',
      childSeen: random.chance(0.93),
      workerId: socialWorkerOn(profile, day)?.id ?? '',
    });
  }
}

function writeCinVisits(draft: SocialCareDraft, referralDay: DayNumber, closeDay: DayNumber | null): void {
  const { profile, random, record, deps } = draft;
  if (profile.status !== 'CIN') return;
  const { asOfDay: asOf, ids } = deps.context;
  const until = Math.min(closeDay ?? asOf - 1, asOf - 1);
  for (let day = referralDay + random.int(5, 15); day <= until; day += random.int(20, 42)) {
    record.visits.push({
      id: ids.next('VIS'),
      date: workingTime(random, day),
      kind: 'CIN',
      childSeen: random.chance(0.92),
      workerId: socialWorkerOn(profile, day)?.id ?? '',
    });
  }
}
