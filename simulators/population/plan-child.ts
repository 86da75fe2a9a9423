/**
 * One child's life, before any agency writes it down: identity, social care status, risks, health, care history,
 * missing episodes and schooling. Each child draws from its own random stream (forked from the seed by index), so
 * a child's facts do not depend on how many draws earlier children needed.
 */
import { ageInYears, isoDate, type DayNumber } from './dates.js';
import type { GenerationContext } from './generation-context.js';
import type { NhsNumberAllocator } from './identifiers.js';
import { LAPSE_RATES, lapsed, practiceScale } from './lapse-rates.js';
import type { Sex } from './model.js';
import { BOY_NAMES, FAMILY_NAMES, GIRL_NAMES } from './name-data.js';
import type { AreaOrganisations } from './organisations.js';
import { planCurrentCare, planPastCare } from './plan-care.js';
import { conditionsActiveOn, planHealth } from './plan-health.js';
import { planMissingEpisodes } from './plan-missing.js';
import { planSchooling, type UpnSources } from './plan-schooling.js';
import { planRisks, planStatus } from './plan-status.js';
import { homePostcode, outOfAreaPostcode, streetAddress } from './postcodes.js';
import type { ChildProfile, HealthFacts, SocialCareStatus } from './profile-types.js';
import type { SeededRandom } from './random.js';

export interface PlanningTools {
  area: AreaOrganisations;
  nhsNumbers: NhsNumberAllocator;
  upns: UpnSources;
}

/** Oldest generated age: 18 years less a margin, so every child is 0–17 on the as-of day. */
const MAX_AGE_DAYS = 18 * 365 - 5;

export function truthKeyFor(index: number): string {
  return `person-${String(index + 1).padStart(6, '0')}`;
}

export function planChild(context: GenerationContext, index: number, tools: PlanningTools): ChildProfile {
  const random = context.random.fork(`child:${index}`);
  const { asOfDay } = context;
  const ageDays = random.int(0, MAX_AGE_DAYS);
  const dob = asOfDay - ageDays;
  const ageYears = ageInYears(dob, asOfDay);
  const sex: Sex = random.chance(0.001) ? 'U' : random.chance(0.512) ? 'M' : 'F';
  const givenName = random.pick(
    sex === 'F' ? GIRL_NAMES : sex === 'M' ? BOY_NAMES : random.pick([GIRL_NAMES, BOY_NAMES]),
  );
  const familyName = pickFamilyName(random);

  const status = planStatus(random, ageYears, ageDays);
  const practice = practiceScale(random);
  const risks = planRisks(random, status, ageYears, sex);
  const movedIn = ageDays > 90 && random.chance(0.1) ? random.int(dob + 30, asOfDay - 30) : null;
  const postcode = homePostcode(random);
  const previousPostcode = movedIn !== null ? outOfAreaPostcode(random) : homePostcode(random);

  const careInputs = { dob, asOfDay, risks };
  const care =
    status === 'LAC'
      ? planCurrentCare(random, careInputs)
      : status === 'CARE_LEFT'
        ? planPastCare(random, careInputs)
        : [];
  const health = planHealth(random, { dob, asOfDay, ageYears, sex, status, risks });
  const missing = risks.missing ? planMissingEpisodes(random, { dob, asOfDay, care, practice }) : [];
  const schoolingInputs = { dob, asOfDay, status, health, care, risks, movedIn, practice };
  const schooling = planSchooling(random, schoolingInputs, tools.area, tools.upns);

  // A few children (newly arrived, unaccompanied) have no NHS number anywhere yet.
  const nhsNumber = random.chance(0.003) ? null : tools.nhsNumbers.next();
  const gpRegistered = nhsNumber !== null && random.chance(0.972);
  const referralDay = planReferralDay(random, status, dob, asOfDay, care[0]?.start ?? null);

  const adultNeeds =
    ageYears >= 16 && likelyAdultNeeds(schooling?.facts.sen === 'E', health, asOfDay, status);
  const adultReferred =
    adultNeeds &&
    (ageYears >= 17 ? !lapsed(random, LAPSE_RATES.adultReferralMissing, practice) : random.chance(0.45));

  return {
    index,
    truth: {
      truthKey: truthKeyFor(index),
      givenName,
      familyName,
      sex,
      dateOfBirth: isoDate(dob),
      postcode,
      nhsNumber,
      upn: schooling?.upn ?? null,
    },
    dob,
    sex,
    ageYears,
    addressLine: streetAddress(random),
    previousPostcode,
    movedIn,
    status,
    practice,
    referralDay,
    risks,
    health,
    gpRegistered,
    schooling: schooling?.facts ?? null,
    care,
    missing,
    adultNeeds,
    adultReferred,
    assignments: {
      socialCarePersonId: null,
      socialWorkers: [],
      iro: null,
      personalAdviser: null,
      gpPractice: null,
      gp: null,
      transitionWorker: null,
    },
  };
}

function pickFamilyName(random: SeededRandom): string {
  const first = random.pick(FAMILY_NAMES);
  if (!random.chance(0.04)) return first;
  let second = random.pick(FAMILY_NAMES);
  while (second === first) second = random.pick(FAMILY_NAMES);
  return `${first}-${second}`;
}

function planReferralDay(
  random: SeededRandom,
  status: SocialCareStatus,
  dob: DayNumber,
  asOfDay: DayNumber,
  firstCareDay: DayNumber | null,
): DayNumber | null {
  const notBeforeBirth = (day: DayNumber) => Math.max(dob + 1, day);
  switch (status) {
    case 'NONE':
      return null;
    case 'LAC':
    case 'CARE_LEFT':
      return notBeforeBirth((firstCareDay ?? asOfDay) - random.int(0, 120));
    case 'CIN':
      return notBeforeBirth(asOfDay - random.int(20, 900));
    case 'CP':
      return notBeforeBirth(asOfDay - random.int(25, 700));
    case 'CLOSED':
      return notBeforeBirth(asOfDay - random.int(90, 3000));
  }
}

/** Conditions that usually mean care and support needs continue into adulthood. */
const ADULT_NEED_CONDITIONS = new Set([
  'AUTISM',
  'LEARNING_DISABILITY',
  'DEVELOPMENTAL_DELAY',
  'FETAL_ALCOHOL',
  'EPILEPSY',
]);
/** Mental health conditions that, for a child leaving care, point the same way. */
const LEAVER_NEED_CONDITIONS = new Set(['SELF_HARM', 'DEPRESSION', 'PTSD', 'EATING_DISORDER']);

function likelyAdultNeeds(
  hasEhcp: boolean,
  health: HealthFacts,
  day: DayNumber,
  status: SocialCareStatus,
): boolean {
  if (hasEhcp) return true;
  return conditionsActiveOn(health, day).some(
    (c) => ADULT_NEED_CONDITIONS.has(c.key) || (status === 'LAC' && LEAVER_NEED_CONDITIONS.has(c.key)),
  );
}
