/**
 * Children's health: long-term conditions (more common, and more often mental health, among looked-after
 * teenagers), the medicines that treat them, allergies and sexual-health episodes.
 */
import {
  CONDITIONS,
  TREATMENTS,
  type AllergyKey,
  type ConditionKey,
  type MedicationKey,
} from './clinical-codes.js';
import type { DayNumber } from './dates.js';
import type { Sex } from './model.js';
import type { SeededRandom } from './random.js';
import type { HealthFacts, MedicationFact, RiskFlags, SocialCareStatus } from './profile-types.js';

interface HealthInputs {
  dob: DayNumber;
  asOfDay: DayNumber;
  ageYears: number;
  sex: Sex;
  status: SocialCareStatus;
  risks: RiskFlags;
}

/** `rate` raised towards `factor` times itself as `boost` goes from 0 to 1. */
function boosted(rate: number, factor: number, boost: number): number {
  return rate * (1 + (factor - 1) * boost);
}

/** Probability of each condition for this child; zero where the age makes it implausible. */
function conditionChances(inputs: HealthInputs): Array<[ConditionKey, number, number]> {
  const { ageYears: age, status, risks, sex } = inputs;
  const lac = status === 'LAC' || status === 'CARE_LEFT';
  const known = lac || status === 'CP' || status === 'CIN';
  // Looked-after children carry the full extra risk of each condition; other children known to social care half.
  const boost = lac ? 1 : known ? 0.5 : 0;
  // [condition, probability, minimum age at onset in years]
  return [
    ['ASTHMA', age >= 2 ? 0.09 : 0, 2],
    ['ECZEMA', age < 6 ? 0.12 : 0.05, 0],
    ['HAY_FEVER', age >= 6 ? 0.08 : 0, 5],
    ['ADHD', age >= 6 ? boosted(0.04, 3, boost) : 0, 6],
    ['AUTISM', age >= 3 ? boosted(0.02, 2.5, boost) : 0, 3],
    ['ANXIETY', age >= 11 ? Math.min(0.6, boosted(0.06, 3, boost) + (risks.selfHarm ? 0.3 : 0)) : 0, 10],
    ['DEPRESSION', age >= 12 ? Math.min(0.6, boosted(0.03, 4, boost) + (risks.selfHarm ? 0.25 : 0)) : 0, 12],
    ['SELF_HARM', risks.selfHarm ? 0.8 : age >= 12 ? 0.01 : 0, 11],
    [
      'DRUG_MISUSE',
      age >= 13 ? Math.min(0.6, boosted(0.01, 6, boost) + (risks.cce || risks.gangs ? 0.35 : 0)) : 0,
      13,
    ],
    ['ALCOHOL_MISUSE', age >= 14 ? boosted(0.005, 6, boost) + (risks.cse ? 0.1 : 0) : 0, 14],
    ['PTSD', age >= 6 && lac ? 0.04 : 0, 6],
    ['EATING_DISORDER', age >= 12 && sex === 'F' ? boosted(0.01, 2, boost) : 0, 12],
    ['CONDUCT_DISORDER', age >= 8 ? (lac ? 0.05 : 0.005) + (risks.violence ? 0.15 : 0) : 0, 8],
    ['EPILEPSY', 0.005, 1],
    ['TYPE_1_DIABETES', age >= 2 ? 0.002 : 0, 2],
    ['LEARNING_DISABILITY', age >= 3 ? boosted(0.015, 2, boost) : 0, 3],
    ['DEVELOPMENTAL_DELAY', age < 8 ? boosted(0.02, 2, boost) : 0, 1],
    ['FETAL_ALCOHOL', lac ? 0.02 : 0, 1],
    ['ENURESIS', age >= 5 && age <= 12 ? 0.05 : 0, 5],
    ['CHLAMYDIA', age >= 15 ? boosted(0.015, 3, boost) + (risks.cse ? 0.12 : 0) : 0, 15],
    ['GONORRHOEA', age >= 15 ? boosted(0.002, 3, boost) + (risks.cse ? 0.03 : 0) : 0, 15],
  ];
}

function onsetDay(random: SeededRandom, inputs: HealthInputs, minAgeYears: number): DayNumber {
  const earliest = inputs.dob + Math.round(minAgeYears * 365.25);
  return random.int(Math.min(earliest, inputs.asOfDay), inputs.asOfDay);
}

const ALLERGY_WEIGHTS: ReadonlyArray<readonly [AllergyKey, number]> = [
  ['PENICILLIN', 30],
  ['PEANUT', 20],
  ['TREE_NUT', 8],
  ['EGG', 12],
  ['MILK', 10],
  ['LATEX', 3],
  ['BEE_VENOM', 4],
  ['DUST_MITE', 13],
];

export function planHealth(random: SeededRandom, inputs: HealthInputs): HealthFacts {
  const facts: HealthFacts = { conditions: [], medications: [], allergies: [] };
  for (const [key, probability, minAge] of conditionChances(inputs)) {
    if (probability <= 0 || !random.chance(probability)) continue;
    const onset = onsetDay(random, inputs, minAge);
    const definition = CONDITIONS[key];
    let resolved: DayNumber | null = null;
    if (!definition.chronic) {
      resolved = Math.min(inputs.asOfDay, onset + random.int(10, 60));
    } else if ((key === 'ECZEMA' || key === 'ASTHMA' || key === 'ENURESIS') && random.chance(0.25)) {
      resolved = random.int(onset, inputs.asOfDay);
    }
    facts.conditions.push({ key, onset, resolved });
    addTreatment(random, facts.medications, key, onset, resolved, inputs);
  }
  if (inputs.sex === 'F' && inputs.ageYears >= 14) {
    const lac = inputs.status === 'LAC';
    if (random.chance(lac ? 0.15 : 0.07)) {
      facts.medications.push({
        key: 'DESOGESTREL',
        start: random.int(inputs.dob + 14 * 365, inputs.asOfDay),
        end: null,
        status: 'active',
      });
    }
  }
  const allergyCount = random.chance(0.07) ? (random.chance(0.15) ? 2 : 1) : 0;
  const chosen = new Set<AllergyKey>();
  for (let i = 0; i < allergyCount; i++) chosen.add(random.weighted(ALLERGY_WEIGHTS));
  for (const key of chosen) {
    facts.allergies.push({
      key,
      recorded: random.int(Math.min(inputs.dob + 180, inputs.asOfDay), inputs.asOfDay),
    });
  }
  return facts;
}

function addTreatment(
  random: SeededRandom,
  medications: MedicationFact[],
  condition: ConditionKey,
  onset: DayNumber,
  resolved: DayNumber | null,
  inputs: HealthInputs,
): void {
  const options = TREATMENTS[condition];
  if (!options) return;
  const start = Math.min(inputs.asOfDay, onset + random.int(0, 90));
  const push = (key: MedicationKey, course: boolean) => {
    const end = course ? Math.min(inputs.asOfDay, start + random.int(5, 14)) : resolved;
    const stopped = !course && end === null && random.chance(0.08);
    medications.push({
      key,
      start,
      end: stopped ? random.int(start, inputs.asOfDay) : end,
      status: course ? 'completed' : stopped ? 'stopped' : end === null ? 'active' : 'completed',
    });
  };
  switch (condition) {
    case 'ASTHMA':
      push('SALBUTAMOL', false);
      if (random.chance(0.5)) push('BECLOMETASONE', false);
      return;
    case 'ADHD':
      if (random.chance(0.85)) {
        push(
          random.weighted([
            ['METHYLPHENIDATE_MR', 60],
            ['METHYLPHENIDATE_IR', 25],
            ['DEXAMFETAMINE', 15],
          ] as const),
          false,
        );
      }
      if (random.chance(0.3)) push('MELATONIN', false);
      return;
    case 'ECZEMA':
      if (random.chance(0.8)) push('EMOLLIENT', false);
      if (random.chance(0.4)) push('HYDROCORTISONE_CREAM', true);
      return;
    case 'ANXIETY':
      if (inputs.ageYears >= 12 && random.chance(0.35)) push('SERTRALINE', false);
      return;
    case 'DEPRESSION':
      if (random.chance(0.6)) push('FLUOXETINE', false);
      return;
    case 'HAY_FEVER':
      if (random.chance(0.5)) push('CETIRIZINE', false);
      return;
    case 'AUTISM':
      if (random.chance(0.25)) push('MELATONIN', false);
      return;
    case 'CHLAMYDIA':
      push('DOXYCYCLINE', true);
      return;
    default:
      for (const key of options) push(key, false);
  }
}

/** Conditions active on a day (onset reached, not yet resolved). */
export function conditionsActiveOn(facts: HealthFacts, day: DayNumber): HealthFacts['conditions'] {
  return facts.conditions.filter((c) => c.onset <= day && (c.resolved === null || c.resolved > day));
}

/** Medicines being taken on a day. */
export function medicationsActiveOn(facts: HealthFacts, day: DayNumber): HealthFacts['medications'] {
  return facts.medications.filter((m) => m.start <= day && (m.end === null || m.end > day));
}

export function hasComplexHealthNeeds(facts: HealthFacts, day: DayNumber): boolean {
  return conditionsActiveOn(facts, day).some((c) => CONDITIONS[c.key].complex);
}
