/**
 * `referralAuditsOf`: the multi-agency audit of placement referral quality the learning review recommended. Each
 * placement referral is compared with the child's joined record as read now:
 * - the assessment it relied on: none, not authorised when the referral was made, or older than the local
 *   threshold then (REFERRAL_OUT_OF_DATE's test), with its age then and today, and any newer authorised assessment
 *   it could have used;
 * - what other records show that it does not: risks in the CIN factors of the latest authorised assessment (then
 *   and now), a missing history, GP diagnoses and medicines (general and mental health, each under its own category), an EHC plan or
 *   an EHC needs assessment under way.
 * Each omission says whether the record held it when the referral was made (`knownAtReferral`: a lapse in the
 * referral) or only since (the referral is now out of date). Agencies that could not be read are listed as not
 * compared, never treated as holding nothing.
 */
import type {
  AssessmentValue,
  PlacementReferralValue,
  SocialCareSectionValue,
} from '../../connectors/social-care/social-care-section.js';
import type { EducationSectionValue } from '../../connectors/education/education-section.js';
import type { HealthSectionValue } from '../../connectors/health/to-health-section.js';
import type { DataCategory } from '../../schema/data-categories.js';
import type { AgencyPart, JoinedChildRecord } from '../rules/joined-record.js';
import type { RuleContext } from '../rules/rule.js';
import { isMissingEpisode } from '../rules/transition-placement/facts/missing-episodes.js';
import { mentions, RISKS, risksInFactors } from '../rules/transition-placement/facts/risks.js';
import { addMonths, type DayNumber } from '../rules/time/calendar-day.js';
import { codeOrNull } from './facts/codes.js';
import { educationDayOf, shown, socialCareDayOf } from './facts/days.js';
import { gpItems } from './facts/gp-items.js';

export interface ReferralAssessmentCheck {
  /** NONE when the referral relied on an assessment authorised, and within the threshold, on the day it was made. */
  problem: 'NONE' | 'NO_ASSESSMENT' | 'NOT_AUTHORISED' | 'OUT_OF_DATE';
  assessmentId: string | null;
  authorisedDate: string | null;
  ageAtReferralDays: number | null;
  ageTodayDays: number | null;
  /** RULE_STALE_ASSESSMENT_MONTHS (shared with ASSESSMENT_STALE). */
  thresholdMonths: number;
  /** The latest assessment authorised before the referral, when it is newer than the one relied on. */
  newerAssessmentId: string | null;
}

export type OmissionKind =
  'RISK' | 'MISSING_HISTORY' | 'DIAGNOSIS' | 'MEDICATION' | 'EHC_PLAN' | 'EHC_NEEDS_ASSESSMENT';

export interface ReferralOmission {
  kind: OmissionKind;
  /** The data category the omission reveals. */
  category: Extract<DataCategory, 'EXPLOITATION_RISK' | 'HEALTH' | 'MENTAL_HEALTH' | 'SEND'>;
  agency: 'SOCIAL_CARE' | 'HEALTH' | 'EDUCATION';
  recordId: string | null;
  /** What is recorded: a risk's label, the GP's display name, a count of episodes, an EHC status. No names. */
  what: string;
  recordedOn: string | null;
  knownAtReferral: boolean;
}

export interface UncomparedAgency {
  agency: 'HEALTH' | 'EDUCATION';
  /** OK only for a part that said OK but carried no section (reason NO_SECTION). */
  state: 'UNAVAILABLE' | 'TIMED_OUT' | 'OK';
  asOf: string | null;
  reason: string | null;
}

export interface ReferralAudit {
  childId: string;
  referralId: string;
  date: string;
  resultingPlacementId: string | null;
  assessment: ReferralAssessmentCheck;
  omissions: ReferralOmission[];
  notCompared: UncomparedAgency[];
}

export function referralAuditsOf(record: JoinedChildRecord, context: RuleContext): ReferralAudit[] {
  const socialCare = record.socialCare.state === 'OK' ? record.socialCare.section : null;
  if (socialCare === null) return [];
  const health = readSection(record.health);
  const education = readSection(record.education);
  const notCompared = [uncompared(record.health), uncompared(record.education)].filter(
    (item): item is UncomparedAgency => item !== null,
  );
  return socialCare.placementReferrals
    .map((referral) => ({ referral, made: socialCareDayOf(referral.date) }))
    .filter(
      (item): item is typeof item & { made: DayNumber } => item.made !== null && item.made <= context.today,
    )
    .sort((a, b) => b.made - a.made)
    .map(({ referral, made }) => ({
      childId: record.child.id,
      referralId: referral.id,
      date: shown(made) as string,
      resultingPlacementId: referral.resultingPlacementId,
      assessment: assessmentCheck(socialCare, referral, made, context),
      omissions: [
        ...riskOmissions(socialCare, referral, made, context.today),
        ...missingHistoryOmissions(socialCare, referral, made, context.today),
        ...(health ? gpOmissions(health, referral, made, context.today) : []),
        ...(education ? ehcOmissions(education, referral, made, context.today) : []),
      ],
      notCompared,
    }));
}

function readSection<S>(part: AgencyPart<S>): S | null {
  return part.state === 'OK' ? part.section : null;
}

function uncompared(part: AgencyPart<unknown>): UncomparedAgency | null {
  if (part.state === 'NOT_LINKED' || (part.state === 'OK' && part.section !== null)) return null;
  return {
    agency: part.agency as UncomparedAgency['agency'],
    state: part.state,
    asOf: part.asOf,
    reason: part.reason ?? 'NO_SECTION',
  };
}

function assessmentCheck(
  section: SocialCareSectionValue,
  referral: PlacementReferralValue,
  made: DayNumber,
  context: RuleContext,
): ReferralAssessmentCheck {
  const months = context.config.staleAssessmentMonths;
  const relied = section.assessments.find((a) => a.id === referral.assessmentId);
  const authorised = socialCareDayOf(referral.assessmentAuthorisedDate ?? relied?.authorisedDate);
  const newer = latestAuthorisedBy(section.assessments, made);
  const base = {
    assessmentId: referral.assessmentId,
    authorisedDate: shown(authorised),
    ageAtReferralDays: authorised === null ? null : made - authorised,
    ageTodayDays: authorised === null ? null : context.today - authorised,
    thresholdMonths: months,
    newerAssessmentId:
      newer !== null && newer.id !== referral.assessmentId && (authorised === null || newer.day > authorised)
        ? newer.id
        : null,
  };
  if (referral.assessmentId === null) return { ...base, problem: 'NO_ASSESSMENT' };
  if (authorised === null || authorised > made) return { ...base, problem: 'NOT_AUTHORISED' };
  return { ...base, problem: addMonths(authorised, months) < made ? 'OUT_OF_DATE' : 'NONE' };
}

function latestAuthorisedBy(assessments: readonly AssessmentValue[], day: DayNumber) {
  return (
    assessments
      .map((a) => ({ id: a.id, day: socialCareDayOf(a.authorisedDate) }))
      .filter((a): a is { id: string; day: DayNumber } => a.day !== null && a.day <= day)
      .sort((a, b) => a.day - b.day)
      .at(-1) ?? null
  );
}

/**
 * Risks the referral does not name, from the CIN factors of the latest assessment authorised by the referral date
 * (the picture it should have given) and of the latest authorised by today (the picture now). An older
 * assessment's factors that a later one no longer records are not counted: the later assessment supersedes them.
 */
function riskOmissions(
  section: SocialCareSectionValue,
  referral: PlacementReferralValue,
  made: DayNumber,
  today: DayNumber,
): ReferralOmission[] {
  const risksOf = (latest: { id: string; day: DayNumber } | null) => {
    const factors = section.assessments.find((a) => a.id === latest?.id)?.factors ?? [];
    return risksInFactors(factors).map((risk) => ({
      risk,
      latest: latest as { id: string; day: DayNumber },
    }));
  };
  const then = risksOf(latestAuthorisedBy(section.assessments, made));
  const known = new Set(then.map(({ risk }) => risk));
  const since = risksOf(latestAuthorisedBy(section.assessments, today)).filter(
    ({ risk }) => !known.has(risk),
  );
  return [...then, ...since]
    .filter(({ risk }) => !mentions(referral.risks, risk))
    .map(({ risk, latest }) => ({
      kind: 'RISK',
      category: 'EXPLOITATION_RISK',
      agency: 'SOCIAL_CARE',
      recordId: latest.id,
      what: RISKS[risk].label,
      recordedOn: shown(latest.day),
      knownAtReferral: known.has(risk),
    }));
}

function missingHistoryOmissions(
  section: SocialCareSectionValue,
  referral: PlacementReferralValue,
  made: DayNumber,
  today: DayNumber,
): ReferralOmission[] {
  if (referral.missingHistory === true) return [];
  const episodes = section.missingEpisodes
    .filter(isMissingEpisode)
    .map((episode) => ({ id: episode.id, day: socialCareDayOf(episode.startDate) }))
    .filter((e): e is { id: string; day: DayNumber } => e.day !== null && e.day <= today)
    .sort((a, b) => a.day - b.day);
  const before = episodes.filter((e) => e.day < made);
  const since = episodes.filter((e) => e.day >= made);
  const omission = (list: typeof episodes, known: boolean): ReferralOmission => ({
    kind: 'MISSING_HISTORY',
    category: 'EXPLOITATION_RISK',
    agency: 'SOCIAL_CARE',
    recordId: list.at(-1)?.id ?? null,
    what: `${list.length} missing episode(s) ${known ? 'before' : 'since'} the referral, the latest from ${shown(list.at(-1)?.day ?? null)}`,
    recordedOn: shown(list[0]?.day ?? null),
    knownAtReferral: known,
  });
  return [
    ...(before.length > 0 ? [omission(before, true)] : []),
    ...(since.length > 0 ? [omission(since, false)] : []),
  ];
}

const normalised = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** Whether the referral's list names `item`: the same words, or one inside the other (REFERRAL_OUT_OF_DATE's test). */
export function names(list: readonly string[] | null, item: string): boolean {
  const wanted = normalised(item);
  if (wanted === '') return true;
  return (list ?? [])
    .map(normalised)
    .some(
      (given) => given !== '' && (given.includes(wanted) || (given.length >= 4 && wanted.includes(given))),
    );
}

/** GP diagnoses and medicines current on the referral date or today that the referral does not name. */
function gpOmissions(
  health: HealthSectionValue,
  referral: PlacementReferralValue,
  made: DayNumber,
  today: DayNumber,
): ReferralOmission[] {
  return gpItems(health)
    .filter((item) => item.on(made) || item.on(today))
    .filter(
      (item) => !names(item.kind === 'DIAGNOSIS' ? referral.diagnoses : referral.medications, item.display),
    )
    .map((item) => ({
      kind: item.kind,
      category: item.category,
      agency: 'HEALTH',
      recordId: item.id,
      what: item.display,
      recordedOn: shown(item.since),
      knownAtReferral: item.on(made),
    }));
}

/** The referral's EHCP status against education's: a plan issued, or a needs assessment under way. */
function ehcOmissions(
  education: EducationSectionValue,
  referral: PlacementReferralValue,
  made: DayNumber,
  today: DayNumber,
): ReferralOmission[] {
  const said = codeOrNull(referral.ehcpStatus) ?? 'NOT_RECORDED';
  const omissions: ReferralOmission[] = [];
  for (const plan of education.ehcNeedsAssessments) {
    const requested = educationDayOf(plan.requestDate);
    const issued = educationDayOf(plan.finalPlanDate);
    const decided = educationDayOf(plan.decisionDate);
    const base = { category: 'SEND', agency: 'EDUCATION', recordId: plan.id } as const;
    if (issued !== null && issued <= today && plan.status !== 'CEASED') {
      if (said !== 'ISSUED')
        omissions.push({
          ...base,
          kind: 'EHC_PLAN',
          what: `EHC plan issued; the referral gives EHCP status ${said}`,
          recordedOn: shown(issued),
          knownAtReferral: issued <= made,
        });
      continue;
    }
    const refusedOrWithdrawn = plan.decisionOutcome === 'N' || plan.decisionOutcome === 'W';
    const underWayAtReferral =
      requested !== null &&
      requested <= made &&
      (issued === null || issued > made) &&
      !(refusedOrWithdrawn && decided !== null && decided <= made);
    if (underWayAtReferral && ['NONE', 'UNKNOWN', 'NOT_RECORDED'].includes(said))
      omissions.push({
        ...base,
        kind: 'EHC_NEEDS_ASSESSMENT',
        what: `EHC needs assessment requested; the referral gives EHCP status ${said}`,
        recordedOn: shown(requested),
        knownAtReferral: true,
      });
  }
  return omissions;
}
