/**
 * Care histories: periods of care and the placements within them.
 *
 * Teenagers move more, and a breakdown (carer asks for the placement to end, child's request, allegation) is
 * often followed by an emergency admission to a children's home as an interim placement "until a long-term
 * placement is found", which is where the learning review's children waited for months.
 */
import { ageInYears, type DayNumber } from './dates.js';
import type { ResidentialUnit } from './model.js';
import { homePostcode, outOfAreaPostcode } from './postcodes.js';
import type { SeededRandom } from './random.js';
import type { CarePeriod, PlannedPlacement, RiskFlags } from './profile-types.js';
import { hasExploitationRisk } from './plan-status.js';
import {
  ADOPTION_PLACEMENT,
  BREAKDOWN_CHANGE_REASONS,
  CARE_ENDED_REASONS,
  CHILDRENS_HOME,
  LEGAL_STATUS_WEIGHTS,
  PLACED_WITH_PARENTS,
  PLANNED_CHANGE_REASONS,
  PRIMARY_NEED_WEIGHTS,
  SEMI_INDEPENDENT,
} from './social-care-codes.js';

interface CareInputs {
  dob: DayNumber;
  asOfDay: DayNumber;
  risks: RiskFlags;
}

/** The care history of a child who is looked after today: the current period, sometimes after an earlier one. */
export function planCurrentCare(random: SeededRandom, inputs: CareInputs): CarePeriod[] {
  const ageDays = inputs.asOfDay - inputs.dob;
  const mode = random.weighted([
    ['recent', 35],
    ['medium', 25],
    ['long', 40],
  ] as const);
  let duration =
    mode === 'recent'
      ? random.int(10, 365)
      : mode === 'medium'
        ? random.int(366, 3 * 365)
        : random.int(0, ageDays);
  duration = Math.max(Math.min(duration, ageDays - 2), Math.min(10, ageDays - 2));
  const start = inputs.asOfDay - duration;
  const periods: CarePeriod[] = [];
  // Some children return home and come back into care.
  if (start - inputs.dob > 900 && random.chance(0.1)) {
    const end = start - random.int(60, Math.min(700, start - inputs.dob - 300));
    const earlierStart = Math.max(inputs.dob + 2, end - random.int(30, 500));
    periods.push(planPeriod(random, inputs, earlierStart, end, CARE_ENDED_REASONS.RETURNED_HOME));
  }
  periods.push(planPeriod(random, inputs, start, null, null));
  return periods;
}

/** A child who was looked after and has left care (home, special guardianship, adoption). */
export function planPastCare(random: SeededRandom, inputs: CareInputs): CarePeriod[] {
  const latestStart = inputs.asOfDay - 90;
  const start = random.int(Math.min(inputs.dob + 2, latestStart), latestStart);
  const end = start + random.int(30, Math.max(31, Math.min(1500, inputs.asOfDay - 60 - start)));
  const youngAtStart = ageInYears(inputs.dob, start) < 5;
  const reason = random.weighted([
    [CARE_ENDED_REASONS.RETURNED_HOME, 45],
    [CARE_ENDED_REASONS.SPECIAL_GUARDIANSHIP, 25],
    [CARE_ENDED_REASONS.ADOPTED, youngAtStart ? 20 : 0],
    [CARE_ENDED_REASONS.CHILD_ARRANGEMENTS, 10],
  ] as const);
  return [planPeriod(random, inputs, start, Math.min(end, inputs.asOfDay - 30), reason)];
}

function planPeriod(
  random: SeededRandom,
  inputs: CareInputs,
  start: DayNumber,
  end: DayNumber | null,
  endReason: string | null,
): CarePeriod {
  const adopted = endReason === CARE_ENDED_REASONS.ADOPTED;
  const legalStatus = adopted ? 'E1' : random.weighted(LEGAL_STATUS_WEIGHTS);
  const needCode = random.weighted(PRIMARY_NEED_WEIGHTS);
  const placements = planPlacements(random, inputs, start, end, adopted);
  return { start, end, endReason, legalStatus, needCode, placements };
}

function planPlacements(
  random: SeededRandom,
  inputs: CareInputs,
  start: DayNumber,
  end: DayNumber | null,
  adopted: boolean,
): PlannedPlacement[] {
  const until = end ?? inputs.asOfDay;
  const span = until - start;
  const ageAtStart = ageInYears(inputs.dob, start);
  const risky = inputs.risks.missing || hasExploitationRisk(inputs.risks) || inputs.risks.violence;
  const rate = (ageAtStart >= 11 ? 0.9 : 0.35) + (risky ? 0.5 : 0);
  const moves = Math.min(7, random.poisson((span / 365) * rate), Math.floor(span / 30));
  const moveDays = new Set<DayNumber>();
  for (let i = 0; i < moves && span > 40; i++) moveDays.add(random.int(start + 14, until - 7));
  const sorted = [...moveDays].sort((a, b) => a - b);
  const boundaries = [start];
  for (const day of sorted)
    if (day - (boundaries[boundaries.length - 1] as number) >= 14) boundaries.push(day);

  const placements: PlannedPlacement[] = [];
  let afterBreakdown = false;
  for (let i = 0; i < boundaries.length; i++) {
    const placementStart = boundaries[i] as number;
    const next = boundaries[i + 1];
    const placementEnd = next ?? end;
    const age = ageInYears(inputs.dob, placementStart);
    const last = next === undefined;
    let type = chooseType(random, age, risky, afterBreakdown);
    if (adopted && last) type = ADOPTION_PLACEMENT;
    const breakdown = next !== undefined && random.chance(age >= 11 ? 0.55 : 0.25);
    const current = placementEnd === null;
    const stayDays = (placementEnd ?? inputs.asOfDay) - placementStart;
    const isLongTerm = longTerm(random, type, stayDays);
    const interim = !isLongTerm && (type === CHILDRENS_HOME || type === 'U6' || type === 'U3');
    const awaitingLongTerm = interim && random.chance(current ? 0.3 : 0.6);
    const { providerCode, distanceMiles, postcode } = setting(random, type);
    placements.push({
      start: placementStart,
      end: placementEnd,
      type,
      changeReason:
        placementEnd === null
          ? null
          : breakdown
            ? random.pick(BREAKDOWN_CHANGE_REASONS)
            : random.pick(PLANNED_CHANGE_REASONS),
      isLongTerm,
      awaitingLongTerm,
      // Only a placement made as a stop-gap carries the date it was meant to end.
      intendedEnd: awaitingLongTerm ? placementStart + random.int(42, 112) : null,
      providerCode,
      distanceMiles,
      postcode,
      emergency: afterBreakdown ? random.chance(0.6) : i === 0 && random.chance(0.4),
      unit: null,
    });
    afterBreakdown = breakdown;
  }
  return placements;
}

function chooseType(random: SeededRandom, age: number, risky: boolean, afterBreakdown: boolean): string {
  if (age < 1)
    return random.weighted([
      ['U4', 40],
      ['U6', 50],
      ['U3', 10],
    ] as const);
  if (age <= 10)
    return random.weighted([
      ['U1', 15],
      ['U3', 10],
      ['U4', 45],
      ['U6', 25],
      [PLACED_WITH_PARENTS, 3],
      [CHILDRENS_HOME, 2],
    ] as const);
  const homeWeight = 30 + (risky ? 20 : 0) + (afterBreakdown ? 25 : 0);
  if (age <= 15)
    return random.weighted([
      ['U1', 5],
      ['U3', 5],
      ['U4', 30],
      ['U6', 25],
      [CHILDRENS_HOME, homeWeight],
    ] as const);
  return random.weighted([
    ['U1', 5],
    ['U4', 20],
    ['U6', 10],
    [CHILDRENS_HOME, homeWeight - 5],
    [SEMI_INDEPENDENT, 40],
  ] as const);
}

function longTerm(random: SeededRandom, type: string, stayDays: number): boolean {
  switch (type) {
    case 'U1':
    case 'U4':
      return stayDays > 180 && random.chance(0.7);
    case CHILDRENS_HOME:
      return random.chance(0.3);
    case SEMI_INDEPENDENT:
      return random.chance(0.5);
    case ADOPTION_PLACEMENT:
    case PLACED_WITH_PARENTS:
      return true;
    default:
      return false;
  }
}

function setting(
  random: SeededRandom,
  type: string,
): { providerCode: ResidentialUnit['providerCode']; distanceMiles: number; postcode: string } {
  const near = (probability: number, nearMiles: [number, number], farMiles: [number, number]) => {
    const inArea = random.chance(probability);
    const [low, high] = inArea ? nearMiles : farMiles;
    return {
      distanceMiles: Math.round((low + random.next() * (high - low)) * 10) / 10,
      postcode: inArea ? homePostcode(random) : outOfAreaPostcode(random),
    };
  };
  switch (type) {
    case PLACED_WITH_PARENTS:
      return { providerCode: 'PR0', ...near(1, [0, 3], [0, 3]) };
    case 'U1':
    case 'U3':
      return { providerCode: 'PR1', ...near(0.85, [0.5, 12], [15, 60]) };
    case SEMI_INDEPENDENT:
      return { providerCode: random.chance(0.6) ? 'PR4' : 'PR5', ...near(0.7, [0.5, 10], [15, 50]) };
    case ADOPTION_PLACEMENT:
      return { providerCode: random.chance(0.7) ? 'PR1' : 'PR2', ...near(0.5, [3, 15], [15, 60]) };
    case CHILDRENS_HOME:
      // Replaced by the home's own details once the residential allocation picks a unit.
      return { providerCode: 'PR4', distanceMiles: 0, postcode: '' };
    default:
      return { providerCode: random.chance(0.6) ? 'PR1' : 'PR4', ...near(0.75, [0.5, 12], [15, 60]) };
  }
}

/** The child's first day in care (start of the earliest period), or null. */
export function firstEnteredCare(periods: readonly CarePeriod[]): DayNumber | null {
  return periods[0]?.start ?? null;
}
