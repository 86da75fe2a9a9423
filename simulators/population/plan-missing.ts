/**
 * Missing episodes over the last two years: clustered (a child who goes missing tends to do so repeatedly over a
 * few weeks), far more often from children's homes, mostly in the evening, each followed by the offer of a return
 * home interview that is sometimes late or refused.
 */
import type { DayNumber } from './dates.js';
import { LAPSE_RATES, lapsed } from './lapse-rates.js';
import type { SeededRandom } from './random.js';
import type { CarePeriod, MissingFact } from './profile-types.js';
import { CHILDRENS_HOME } from './social-care-codes.js';

interface MissingInputs {
  dob: DayNumber;
  /** The child's lapse multiplier (lapse-rates.ts). */
  practice: number;
  asOfDay: DayNumber;
  care: readonly CarePeriod[];
}

export function inChildrensHome(care: readonly CarePeriod[], day: DayNumber): boolean {
  for (const period of care) {
    for (const placement of period.placements) {
      if (
        placement.type === CHILDRENS_HOME &&
        placement.start <= day &&
        (placement.end === null || placement.end > day)
      ) {
        return true;
      }
    }
  }
  return false;
}

export function planMissingEpisodes(random: SeededRandom, inputs: MissingInputs): MissingFact[] {
  const firstCareDay = inputs.care[0]?.start ?? null;
  const windowStart = Math.max(inputs.asOfDay - 730, inputs.dob + 10 * 365, firstCareDay ?? -Infinity);
  if (windowStart >= inputs.asOfDay - 3) return [];
  const everInHome = inputs.care.some((p) => p.placements.some((pl) => pl.type === CHILDRENS_HOME));
  const count = 1 + random.poisson(everInHome ? 4 : 1.2);
  const clusterCentre = random.int(windowStart, inputs.asOfDay - 3);
  const days: DayNumber[] = [];
  for (let i = 0; i < count; i++) {
    const clustered = random.chance(0.5);
    const day = clustered
      ? Math.min(inputs.asOfDay - 3, Math.max(windowStart, clusterCentre + random.int(-40, 40)))
      : random.int(windowStart, inputs.asOfDay - 3);
    days.push(day);
  }
  days.sort((a, b) => a - b);

  const facts: MissingFact[] = [];
  let lastEnd = -Infinity;
  for (const day of days) {
    const startMinute = random.weighted([
      [random.int(16 * 60, 23 * 60 + 59), 70],
      [random.int(8 * 60, 16 * 60), 30],
    ] as const);
    const startTime = day * 1440 + startMinute;
    // Episodes never overlap: the child has to be back before going missing again.
    if (startTime <= lastEnd) continue;
    const durationHours = random.weighted([
      [random.int(2, 12), 50],
      [random.int(12, 48), 35],
      [random.int(48, 120), 15],
    ] as const);
    lastEnd = startTime + durationHours * 60;
    const rhiOffered = random.chance(0.95);
    const rhiAccepted = rhiOffered && random.chance(inChildrensHome(inputs.care, day) ? 0.7 : 0.8);
    const late = lapsed(random, LAPSE_RATES.rhiLate, inputs.practice);
    facts.push({
      start: day,
      startMinute,
      durationHours,
      type: random.chance(0.75) ? 'M' : 'A',
      rhiOffered,
      rhiAccepted,
      rhiAfterHours: rhiAccepted ? (late ? random.int(80, 200) : random.int(6, 60)) : null,
    });
  }
  // Now and then a child is missing as the data is extracted.
  const latest = facts[facts.length - 1];
  if (latest && latest.start >= inputs.asOfDay - 4 && random.chance(0.3)) {
    latest.durationHours = null;
    latest.rhiOffered = false;
    latest.rhiAccepted = false;
    latest.rhiAfterHours = null;
  }
  return facts;
}
