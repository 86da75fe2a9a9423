/**
 * Which children are known to children's social care, and the risks in their lives.
 *
 * The looked-after share is deliberately about ten times the national rate (about 7% rather than 0.7%), as the
 * issue asks, so a demo-sized population still has enough children in care, in children's homes and leaving care
 * to show every gap; together with child protection, children in need and closed cases about 15% are known.
 */
import type { SeededRandom } from './random.js';
import type { RiskFlags, SocialCareStatus } from './profile-types.js';
import type { Sex } from './model.js';

interface StatusRates {
  LAC: number;
  CP: number;
  CIN: number;
  CARE_LEFT: number;
  CLOSED: number;
}

function ratesForAge(ageYears: number): StatusRates {
  if (ageYears < 1) return { LAC: 0.04, CP: 0.022, CIN: 0.025, CARE_LEFT: 0, CLOSED: 0.01 };
  if (ageYears <= 4) return { LAC: 0.045, CP: 0.022, CIN: 0.03, CARE_LEFT: 0.006, CLOSED: 0.025 };
  if (ageYears <= 9) return { LAC: 0.05, CP: 0.016, CIN: 0.035, CARE_LEFT: 0.008, CLOSED: 0.032 };
  if (ageYears <= 15) return { LAC: 0.09, CP: 0.013, CIN: 0.04, CARE_LEFT: 0.006, CLOSED: 0.035 };
  return { LAC: 0.11, CP: 0.006, CIN: 0.035, CARE_LEFT: 0.004, CLOSED: 0.035 };
}

export function planStatus(random: SeededRandom, ageYears: number, ageDays: number): SocialCareStatus {
  // A child a few days old has had no time to come into care in this model.
  if (ageDays < 30) return 'NONE';
  const rates = ratesForAge(ageYears);
  let roll = random.next();
  for (const status of ['LAC', 'CP', 'CIN', 'CARE_LEFT', 'CLOSED'] as const) {
    roll -= rates[status];
    if (roll < 0) return status;
  }
  return 'NONE';
}

const NO_RISKS: RiskFlags = {
  missing: false,
  cse: false,
  cce: false,
  gangs: false,
  selfHarm: false,
  violence: false,
  harmfulSexualBehaviour: false,
};

export function planRisks(
  random: SeededRandom,
  status: SocialCareStatus,
  ageYears: number,
  sex: Sex,
): RiskFlags {
  if (ageYears < 10) return { ...NO_RISKS };
  const lac = status === 'LAC';
  const known = lac || status === 'CP' || status === 'CIN';
  const teen = ageYears >= 12;
  const scale = lac ? 1 : known ? 0.35 : 0.04;
  return {
    missing: teen && random.chance(0.35 * scale),
    cse: teen && random.chance((sex === 'F' ? 0.15 : 0.05) * scale),
    cce: teen && random.chance((sex === 'M' ? 0.12 : 0.05) * scale),
    gangs: teen && random.chance((sex === 'M' ? 0.07 : 0.02) * scale),
    selfHarm: random.chance((teen ? 0.18 : 0.05) * (lac ? 1 : known ? 0.45 : 0.12)),
    violence: random.chance(0.12 * scale),
    harmfulSexualBehaviour: teen && random.chance(0.03 * scale),
  };
}

export function hasExploitationRisk(risks: RiskFlags): boolean {
  return risks.cse || risks.cce || risks.gangs;
}
