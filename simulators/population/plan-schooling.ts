/**
 * Schooling: which schools a child attended (Reception to Year 11, then sixth form or college), special educational
 * needs, and the EHC needs assessment timeline for those who have one.
 */
import { CONDITIONS } from './clinical-codes.js';
import { dayFromCivil, schoolYearStartYear, yearGroupOn, type DayNumber } from './dates.js';
import type { UpnAllocator } from './identifiers.js';
import { LAPSE_RATES, lapsed } from './lapse-rates.js';
import type { AreaOrganisations, School } from './organisations.js';
import { conditionsActiveOn } from './plan-health.js';
import type { SeededRandom } from './random.js';
import type {
  CarePeriod,
  EhcFacts,
  HealthFacts,
  PlannedEnrolment,
  RiskFlags,
  SchoolingFacts,
  SocialCareStatus,
} from './profile-types.js';

interface SchoolingInputs {
  dob: DayNumber;
  asOfDay: DayNumber;
  status: SocialCareStatus;
  health: HealthFacts;
  care: readonly CarePeriod[];
  risks: RiskFlags;
  /** Day the family moved into the area, if they did; schooling before it happened elsewhere. */
  movedIn: DayNumber | null;
  /** The child's lapse multiplier (lapse-rates.ts). */
  practice: number;
}

export interface UpnSources {
  local: UpnAllocator;
  /** UPNs issued by the authorities children moved from. */
  elsewhere: UpnAllocator;
}

const SEN_NEED_FOR_CONDITION: Readonly<Partial<Record<string, string>>> = {
  AUTISM: 'ASD',
  LEARNING_DISABILITY: 'MLD',
  DEVELOPMENTAL_DELAY: 'SLCN',
  FETAL_ALCOHOL: 'MLD',
  ADHD: 'SEMH',
  CONDUCT_DISORDER: 'SEMH',
  ANXIETY: 'SEMH',
  DEPRESSION: 'SEMH',
  SELF_HARM: 'SEMH',
  PTSD: 'SEMH',
  EPILEPSY: 'PD',
};

const SPECIAL_SCHOOL_CONDITIONS = new Set([
  'AUTISM',
  'LEARNING_DISABILITY',
  'DEVELOPMENTAL_DELAY',
  'FETAL_ALCOHOL',
]);

function termStart(year: number, random: SeededRandom): DayNumber {
  return dayFromCivil(year, 9, 1) + random.int(1, 6);
}

function summerEnd(year: number): DayNumber {
  return dayFromCivil(year, 7, 22);
}

export function planSchooling(
  random: SeededRandom,
  inputs: SchoolingInputs,
  area: AreaOrganisations,
  upns: UpnSources,
): { facts: SchoolingFacts; upn: string } | null {
  const yearGroup = yearGroupOn(inputs.dob, inputs.asOfDay);
  if (yearGroup < 0) return null;
  const lac = inputs.status === 'LAC';
  if (yearGroup <= 11 && random.chance(0.007)) return null; // educated at home or missing education
  if (yearGroup >= 12 && !random.chance(lac ? 0.6 : 0.75)) return null;

  const active = conditionsActiveOn(inputs.health, inputs.asOfDay);
  const complexHealth = active.some((c) => CONDITIONS[c.key].complex);
  const specialCandidate = active.some((c) => SPECIAL_SCHOOL_CONDITIONS.has(c.key));
  const knownToSocialCare = lac || inputs.status === 'CP' || inputs.status === 'CIN';

  const { sen, ehc } = planSen(
    random,
    inputs,
    yearGroup,
    complexHealth || knownToSocialCare,
    specialCandidate,
  );
  const senNeeds =
    sen === 'N'
      ? []
      : planSenNeeds(
          random,
          active.map((c) => c.key),
        );

  const receptionYear = schoolYearStartYear(inputs.dob) + 5;
  const phases: Array<{ from: DayNumber; to: DayNumber | null; pickSchool: () => School }> = [];
  const atSpecial = sen === 'E' && specialCandidate && random.chance(0.45);
  const primary = random.pick(area.primaries);
  const secondary = random.pick(area.secondaries);
  const special = random.pick(area.special);
  phases.push({
    from: termStart(receptionYear, random),
    to: summerEnd(receptionYear + 7),
    pickSchool: () => (atSpecial && yearGroup <= 6 ? special : primary),
  });
  if (yearGroup >= 7) {
    const sixthFormAtCollege = yearGroup >= 12 && random.chance(0.5);
    phases.push({
      from: termStart(receptionYear + 7, random),
      to: sixthFormAtCollege ? summerEnd(receptionYear + 12) : summerEnd(receptionYear + 14),
      pickSchool: () => (atSpecial ? special : secondary),
    });
    if (sixthFormAtCollege) {
      phases.push({ from: termStart(receptionYear + 12, random), to: null, pickSchool: () => area.college });
    }
  }

  const enrolments: PlannedEnrolment[] = [];
  for (const phase of phases) {
    if (phase.from > inputs.asOfDay) break;
    const from = inputs.movedIn !== null && inputs.movedIn > phase.from ? inputs.movedIn : phase.from;
    if (phase.to !== null && from >= phase.to) continue;
    const to = phase.to !== null && phase.to <= inputs.asOfDay ? phase.to : null;
    enrolments.push({ school: phase.pickSchool(), from, to });
  }
  if (enrolments.length === 0) return null;

  splitForPlacementMove(random, inputs, enrolments, area);
  if (lac && inputs.risks.violence && yearGroup >= 7 && yearGroup <= 11 && random.chance(0.1)) {
    moveToPupilReferralUnit(random, inputs, enrolments, area.pru);
  }

  const first = enrolments[0] as PlannedEnrolment;
  const arrivedWithUpn = inputs.movedIn !== null && inputs.movedIn > (phases[0]?.from ?? 0);
  const upn = arrivedWithUpn
    ? upns.elsewhere.next(String(random.int(2001, 2999)), schoolYearStartYear(phases[0]?.from ?? first.from))
    : upns.local.next(first.school.establishmentNumber, schoolYearStartYear(first.from));
  return { facts: { enrolments, sen, senNeeds, ehc }, upn };
}

function planSen(
  random: SeededRandom,
  inputs: SchoolingInputs,
  yearGroup: number,
  complexNeeds: boolean,
  specialCandidate: boolean,
): { sen: SchoolingFacts['sen']; ehc: EhcFacts | null } {
  const lac = inputs.status === 'LAC';
  const pE = specialCandidate ? 0.45 : lac ? 0.22 : complexNeeds ? 0.1 : 0.03;
  if (random.chance(pE)) return { sen: 'E', ehc: issuedPlan(random, inputs, yearGroup) };
  const pK = lac ? 0.3 : complexNeeds ? 0.3 : 0.12;
  if (!random.chance(pK)) return { sen: 'N', ehc: null };
  if (
    complexNeeds &&
    yearGroup >= 1 &&
    !lapsed(random, 1 - LAPSE_RATES.ehcRequestedWhenComplex, inputs.practice)
  ) {
    return { sen: 'K', ehc: pendingRequest(random, inputs) };
  }
  return { sen: 'K', ehc: null };
}

function issuedPlan(random: SeededRandom, inputs: SchoolingInputs, yearGroup: number): EhcFacts {
  const earliest = inputs.dob + 3 * 365;
  const latest = inputs.asOfDay - 200;
  const request = random.int(Math.min(earliest, latest), latest);
  const decisionLate = lapsed(random, LAPSE_RATES.ehcDecisionLate, inputs.practice);
  const decision = request + (decisionLate ? random.int(50, 90) : random.int(25, 40));
  const issueLate = lapsed(random, LAPSE_RATES.ehcIssueLate, inputs.practice);
  const finalPlan = Math.max(
    decision + 30,
    request + (issueLate ? random.int(145, 190) : random.int(95, 136)),
  );
  return {
    request,
    decision,
    outcome: 'Y',
    finalPlan: Math.min(finalPlan, inputs.asOfDay - 1),
    status: 'ISSUED',
    reviewsLapse: lapsed(random, LAPSE_RATES.ehcReviewOverdue, inputs.practice),
    pfaLapse: yearGroup >= 9 && lapsed(random, LAPSE_RATES.pfaMissing, inputs.practice),
  };
}

function pendingRequest(random: SeededRandom, inputs: SchoolingInputs): EhcFacts {
  const stage = random.weighted([
    ['REQUESTED', 40],
    ['ASSESSING', 45],
    ['REFUSED', 15],
  ] as const);
  const decisionLate = lapsed(random, LAPSE_RATES.ehcDecisionLate, inputs.practice);
  const base = { finalPlan: null, reviewsLapse: false, pfaLapse: false };
  if (stage === 'REQUESTED') {
    // Either still inside the six weeks, or (a lapse) past them with no decision.
    const request = inputs.asOfDay - (decisionLate ? random.int(50, 120) : random.int(3, 38));
    return { ...base, request, decision: null, outcome: null, status: 'REQUESTED' };
  }
  // Still being assessed: inside the 20 weeks, or (a lapse) past them with no plan.
  const issueLate = stage === 'ASSESSING' && lapsed(random, LAPSE_RATES.ehcIssueLate, inputs.practice);
  const request = inputs.asOfDay - (issueLate ? random.int(145, 240) : random.int(50, 135));
  const decision = Math.min(
    inputs.asOfDay,
    request + (decisionLate ? random.int(50, 80) : random.int(25, 40)),
  );
  return stage === 'ASSESSING'
    ? { ...base, request, decision, outcome: 'Y', status: 'ASSESSING' }
    : { ...base, request, decision, outcome: 'N', status: 'REFUSED' };
}

function planSenNeeds(random: SeededRandom, conditions: readonly string[]): string[] {
  const needs = new Set<string>();
  for (const condition of conditions) {
    const need = SEN_NEED_FOR_CONDITION[condition];
    if (need) needs.add(need);
  }
  if (needs.size === 0) {
    needs.add(
      random.weighted([
        ['SLCN', 25],
        ['SEMH', 20],
        ['MLD', 18],
        ['SpLD', 18],
        ['PD', 4],
        ['HI', 3],
        ['VI', 2],
        ['OTH', 10],
      ] as const),
    );
  }
  return [...needs].slice(0, 2);
}

/** A looked-after child moved far enough to change school at one of their placement moves. */
function splitForPlacementMove(
  random: SeededRandom,
  inputs: SchoolingInputs,
  enrolments: PlannedEnrolment[],
  area: AreaOrganisations,
): void {
  if (inputs.status !== 'LAC' || !random.chance(0.3)) return;
  const current = enrolments[enrolments.length - 1] as PlannedEnrolment;
  const moveDays = inputs.care
    .flatMap((period) => period.placements.map((placement) => placement.start))
    .filter((day) => day > current.from + 60 && day < inputs.asOfDay - 30);
  if (moveDays.length === 0) return;
  const day = random.pick(moveDays);
  const pool = current.school.phase === 'PRIMARY' ? area.primaries : area.secondaries;
  const next = pool.find((school) => school !== current.school);
  if (!next || current.school.phase === 'SPECIAL' || current.school.phase === 'COLLEGE') return;
  enrolments.push({ school: next, from: day + random.int(3, 15), to: current.to });
  current.to = day;
}

function moveToPupilReferralUnit(
  random: SeededRandom,
  inputs: SchoolingInputs,
  enrolments: PlannedEnrolment[],
  pru: School,
): void {
  const current = enrolments[enrolments.length - 1] as PlannedEnrolment;
  const earliest = Math.max(current.from + 30, inputs.asOfDay - 365);
  if (earliest > inputs.asOfDay - 10) return;
  const day = random.int(earliest, inputs.asOfDay - 10);
  enrolments.push({ school: pru, from: day + random.int(1, 10), to: current.to });
  current.to = day;
}
