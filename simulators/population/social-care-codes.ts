/**
 * Codes from the statutory returns the Standard Safeguarding Dataset is built on (CIN census, SSDA903), with the
 * weights the generator draws them with. Weights are rough national shares, not exact statistics.
 */

/** CIN census primary need: N1 abuse or neglect ... N9 cases other than children in need. */
export const PRIMARY_NEED_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['N1', 57],
  ['N2', 8],
  ['N3', 4],
  ['N4', 8],
  ['N5', 14],
  ['N6', 2],
  ['N7', 0.5],
  ['N8', 3],
  ['N9', 3.5],
];

/** Assessment factors that describe the family rather than the child's own behaviour. */
export const FAMILY_FACTORS: readonly string[] = [
  '1B',
  '2B',
  '3A',
  '3B',
  '4B',
  '6B',
  '16A',
  '17A',
  '18B',
  '21',
];

/** Factors about risks to (and from) the child that matter for placement matching. */
export const RISK_FACTORS = {
  MISSING: '10A',
  CSE: '11A',
  TRAFFICKING: '12A',
  GANGS: '13A',
  BEHAVIOUR: '14A',
  SELF_HARM: '15A',
  CCE: '24A',
  CHILD_MENTAL_HEALTH: '4A',
  CHILD_DRUGS: '2A',
  CHILD_ALCOHOL: '1A',
} as const;

/** What a placement referral or matching assessment calls each risk factor. */
export const RISK_LABELS: Readonly<Record<string, string>> = {
  '10A': 'Going missing',
  '11A': 'Child sexual exploitation',
  '12A': 'Trafficking',
  '13A': 'Gang involvement',
  '14A': 'Violent or aggressive behaviour',
  '15A': 'Self-harm',
  '24A': 'Child criminal exploitation',
  '4A': 'Mental health',
  '2A': 'Drug misuse',
  '1A': 'Alcohol misuse',
  HSB: 'Harmful sexual behaviour',
};

export const CIN_CLOSURE_REASONS = {
  ADOPTED: 'RC1',
  SPECIAL_GUARDIANSHIP: 'RC4',
  TRANSFERRED: 'RC5',
  CEASED_OTHER: 'RC7',
  NFA_AFTER_ASSESSMENT: 'RC8',
  UNIVERSAL_SERVICES: 'RC9',
} as const;

export const CP_CATEGORY_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['NEG', 50],
  ['EMO', 37],
  ['PHY', 7],
  ['SAB', 4],
  ['MUL', 2],
];

/** Legal status on starting care: C2 full care order, C1 interim care order, V2 s20, E1 placement order, J2 PACE. */
export const LEGAL_STATUS_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['C2', 48],
  ['C1', 14],
  ['V2', 30],
  ['E1', 5],
  ['J2', 3],
];

/** SSDA903 reasons a placement changed. Breakdowns are the ones the learning review is about. */
export const BREAKDOWN_CHANGE_REASONS: readonly string[] = ['CREQB', 'CHILD', 'ALLEG', 'STAND'];
export const PLANNED_CHANGE_REASONS: readonly string[] = [
  'CARPL',
  'CARPL',
  'CARPL',
  'LAREQ',
  'CLOSE',
  'CREQO',
  'PLACE',
];

/** Why a care period ended (SSDA903 reason episode ceased). */
export const CARE_ENDED_REASONS = {
  ADOPTED: 'E11',
  RETURNED_HOME: 'E13',
  SPECIAL_GUARDIANSHIP: 'E45',
  CHILD_ARRANGEMENTS: 'E41',
  MOVED_TO_INDEPENDENT_LIVING: 'E8',
} as const;

/** The episode ends but the child stays in care (a placement or legal status change). */
export const EPISODE_CONTINUES = 'X1';

export const FOSTER_TYPES: readonly string[] = ['U1', 'U3', 'U4', 'U6'];
export const CHILDRENS_HOME = 'K2';
export const SEMI_INDEPENDENT = 'H5';
export const PLACED_WITH_PARENTS = 'P1';
export const ADOPTION_PLACEMENT = 'A5';

export const PERMANENCE_PLANS = {
  LONG_TERM_FOSTER: 'Long-term foster care',
  RETURN_HOME: 'Return to birth family',
  ADOPTION: 'Adoption',
  SPECIAL_GUARDIANSHIP: 'Special guardianship order',
  RESIDENTIAL: 'Residential care until a family placement is found',
  INDEPENDENCE: 'Supported move to independent living',
} as const;

/** CIN census disability codes. */
export const DISABILITY_FOR_CONDITION: Readonly<Record<string, string>> = {
  AUTISM: 'AUT',
  LEARNING_DISABILITY: 'LD',
  EPILEPSY: 'CON',
  ADHD: 'BEH',
  CONDUCT_DISORDER: 'BEH',
  DEVELOPMENTAL_DELAY: 'LD',
  FETAL_ALCOHOL: 'LD',
};

export const CARE_LEAVER_ACCOMMODATION: readonly string[] = ['D', 'E', 'G', 'B', 'C'];
export const CARE_LEAVER_ACTIVITY: readonly string[] = ['F1', 'F1', 'F2', 'P1', 'G4', 'G6'];

export const SOCIAL_CARE_TEAMS = {
  ASSESSMENT: 'Assessment and Intervention',
  CHILD_PROTECTION: 'Child Protection and Court',
  CHILDREN_IN_CARE: 'Children in Care',
  LEAVING_CARE: 'Leaving Care',
  DISABLED_CHILDREN: 'Disabled Children',
  IRO: 'Independent Reviewing Service',
} as const;
