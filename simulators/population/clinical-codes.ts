/**
 * Clinical vocabulary for the GP records: SNOMED CT conditions, allergies, procedures and encounter types, dm+d
 * medicines (VMP ids) and LOINC observations.
 *
 * The display strings are what the hub compares with the care plan's health section, so each condition and
 * medicine has exactly one display. Codes are real-format identifiers; the dm+d ids for salbutamol, methylphenidate,
 * dexamfetamine, fluoxetine and sertraline were checked against published NHS codelists, the rest are best-effort and
 * should be treated as opaque by anything that reads them.
 */

export type ConditionKey =
  | 'ASTHMA'
  | 'ECZEMA'
  | 'HAY_FEVER'
  | 'ADHD'
  | 'AUTISM'
  | 'ANXIETY'
  | 'DEPRESSION'
  | 'SELF_HARM'
  | 'DRUG_MISUSE'
  | 'ALCOHOL_MISUSE'
  | 'PTSD'
  | 'EATING_DISORDER'
  | 'CONDUCT_DISORDER'
  | 'EPILEPSY'
  | 'TYPE_1_DIABETES'
  | 'LEARNING_DISABILITY'
  | 'DEVELOPMENTAL_DELAY'
  | 'FETAL_ALCOHOL'
  | 'ENURESIS'
  | 'CHLAMYDIA'
  | 'GONORRHOEA'
  | 'STI';

export interface ConditionDefinition {
  snomed: string;
  display: string;
  sensitive: 'SEXUAL_HEALTH' | 'MENTAL_HEALTH' | null;
  /** Long-term conditions stay active; episodes (an infection) resolve. */
  chronic: boolean;
  /** Counts as a complex health need when the hub looks for EHCP or adult-services indicators. */
  complex: boolean;
}

export const CONDITIONS: Readonly<Record<ConditionKey, ConditionDefinition>> = {
  ASTHMA: { snomed: '195967001', display: 'Asthma', sensitive: null, chronic: true, complex: false },
  ECZEMA: {
    snomed: '24079001',
    display: 'Atopic dermatitis',
    sensitive: null,
    chronic: true,
    complex: false,
  },
  HAY_FEVER: {
    snomed: '61582004',
    display: 'Allergic rhinitis',
    sensitive: null,
    chronic: true,
    complex: false,
  },
  ADHD: {
    snomed: '406506008',
    display: 'Attention deficit hyperactivity disorder',
    sensitive: null,
    chronic: true,
    complex: true,
  },
  AUTISM: {
    snomed: '408856003',
    display: 'Autistic disorder',
    sensitive: null,
    chronic: true,
    complex: true,
  },
  ANXIETY: {
    snomed: '197480006',
    display: 'Anxiety disorder',
    sensitive: 'MENTAL_HEALTH',
    chronic: true,
    complex: false,
  },
  DEPRESSION: {
    snomed: '35489007',
    display: 'Depressive disorder',
    sensitive: 'MENTAL_HEALTH',
    chronic: true,
    complex: true,
  },
  SELF_HARM: {
    snomed: '248062006',
    display: 'Self-injurious behaviour',
    sensitive: 'MENTAL_HEALTH',
    chronic: true,
    complex: true,
  },
  DRUG_MISUSE: {
    snomed: '26416006',
    display: 'Drug misuse',
    sensitive: 'MENTAL_HEALTH',
    chronic: true,
    complex: true,
  },
  ALCOHOL_MISUSE: {
    snomed: '15167005',
    display: 'Alcohol misuse',
    sensitive: 'MENTAL_HEALTH',
    chronic: true,
    complex: true,
  },
  PTSD: {
    snomed: '47505003',
    display: 'Post-traumatic stress disorder',
    sensitive: 'MENTAL_HEALTH',
    chronic: true,
    complex: true,
  },
  EATING_DISORDER: {
    snomed: '72366004',
    display: 'Eating disorder',
    sensitive: 'MENTAL_HEALTH',
    chronic: true,
    complex: true,
  },
  CONDUCT_DISORDER: {
    snomed: '430909002',
    display: 'Conduct disorder',
    sensitive: null,
    chronic: true,
    complex: true,
  },
  EPILEPSY: { snomed: '84757009', display: 'Epilepsy', sensitive: null, chronic: true, complex: true },
  TYPE_1_DIABETES: {
    snomed: '46635009',
    display: 'Type 1 diabetes mellitus',
    sensitive: null,
    chronic: true,
    complex: true,
  },
  LEARNING_DISABILITY: {
    snomed: '110359009',
    display: 'Learning disability',
    sensitive: null,
    chronic: true,
    complex: true,
  },
  DEVELOPMENTAL_DELAY: {
    snomed: '248290002',
    display: 'Developmental delay',
    sensitive: null,
    chronic: true,
    complex: true,
  },
  FETAL_ALCOHOL: {
    snomed: '205788004',
    display: 'Fetal alcohol syndrome',
    sensitive: null,
    chronic: true,
    complex: true,
  },
  ENURESIS: {
    snomed: '8009008',
    display: 'Nocturnal enuresis',
    sensitive: null,
    chronic: false,
    complex: false,
  },
  CHLAMYDIA: {
    snomed: '105629000',
    display: 'Chlamydial infection',
    sensitive: 'SEXUAL_HEALTH',
    chronic: false,
    complex: false,
  },
  GONORRHOEA: {
    snomed: '15628003',
    display: 'Gonorrhoea',
    sensitive: 'SEXUAL_HEALTH',
    chronic: false,
    complex: false,
  },
  STI: {
    snomed: '8098009',
    display: 'Sexually transmitted infectious disease',
    sensitive: 'SEXUAL_HEALTH',
    chronic: false,
    complex: false,
  },
};

export type MedicationKey =
  | 'SALBUTAMOL'
  | 'BECLOMETASONE'
  | 'METHYLPHENIDATE_IR'
  | 'METHYLPHENIDATE_MR'
  | 'DEXAMFETAMINE'
  | 'MELATONIN'
  | 'FLUOXETINE'
  | 'SERTRALINE'
  | 'EMOLLIENT'
  | 'HYDROCORTISONE_CREAM'
  | 'CETIRIZINE'
  | 'LEVETIRACETAM'
  | 'INSULIN'
  | 'DESOGESTREL'
  | 'DOXYCYCLINE';

export interface MedicationDefinition {
  dmd: string;
  display: string;
  /** Courses end; maintenance medicines stay active while the condition does. */
  course: boolean;
}

export const MEDICATIONS: Readonly<Record<MedicationKey, MedicationDefinition>> = {
  SALBUTAMOL: {
    dmd: '39113611000001102',
    display: 'Salbutamol 100micrograms/dose inhaler CFC free',
    course: false,
  },
  BECLOMETASONE: {
    dmd: '39112711000001103',
    display: 'Clenil Modulite 100micrograms/dose inhaler',
    course: false,
  },
  METHYLPHENIDATE_IR: { dmd: '42014311000001106', display: 'Methylphenidate 10mg tablets', course: false },
  METHYLPHENIDATE_MR: {
    dmd: '36123511000001103',
    display: 'Methylphenidate 18mg modified-release tablets',
    course: false,
  },
  DEXAMFETAMINE: { dmd: '39708411000001103', display: 'Dexamfetamine 5mg tablets', course: false },
  MELATONIN: { dmd: '42040911000001104', display: 'Melatonin 2mg modified-release tablets', course: false },
  FLUOXETINE: { dmd: '42271711000001106', display: 'Fluoxetine 20mg capsules', course: false },
  SERTRALINE: { dmd: '39704111000001102', display: 'Sertraline 50mg tablets', course: false },
  EMOLLIENT: { dmd: '3491011000001102', display: 'Emollient cream', course: false },
  HYDROCORTISONE_CREAM: { dmd: '331646005', display: 'Hydrocortisone 1% cream', course: true },
  CETIRIZINE: { dmd: '42216611000001105', display: 'Cetirizine 10mg tablets', course: false },
  LEVETIRACETAM: { dmd: '39681111000001102', display: 'Levetiracetam 250mg tablets', course: false },
  INSULIN: {
    dmd: '3428711000001107',
    display: 'Insulin aspart 100units/ml solution for injection',
    course: false,
  },
  DESOGESTREL: { dmd: '37745711000001108', display: 'Desogestrel 75microgram tablets', course: false },
  DOXYCYCLINE: { dmd: '42203011000001102', display: 'Doxycycline 100mg capsules', course: true },
};

/** Which medicines treat which conditions (the first is the usual choice). */
export const TREATMENTS: Readonly<Partial<Record<ConditionKey, readonly MedicationKey[]>>> = {
  ASTHMA: ['SALBUTAMOL', 'BECLOMETASONE'],
  ECZEMA: ['EMOLLIENT', 'HYDROCORTISONE_CREAM'],
  HAY_FEVER: ['CETIRIZINE'],
  ADHD: ['METHYLPHENIDATE_MR', 'METHYLPHENIDATE_IR', 'DEXAMFETAMINE', 'MELATONIN'],
  AUTISM: ['MELATONIN'],
  ANXIETY: ['SERTRALINE'],
  DEPRESSION: ['FLUOXETINE'],
  EPILEPSY: ['LEVETIRACETAM'],
  TYPE_1_DIABETES: ['INSULIN'],
  CHLAMYDIA: ['DOXYCYCLINE'],
};

export type AllergyKey =
  'PENICILLIN' | 'PEANUT' | 'TREE_NUT' | 'EGG' | 'MILK' | 'LATEX' | 'BEE_VENOM' | 'DUST_MITE';

export const ALLERGIES: Readonly<
  Record<AllergyKey, { snomed: string; display: string; criticality: 'low' | 'high' }>
> = {
  PENICILLIN: { snomed: '91936005', display: 'Allergy to penicillin', criticality: 'high' },
  PEANUT: { snomed: '91935009', display: 'Allergy to peanuts', criticality: 'high' },
  TREE_NUT: { snomed: '91934008', display: 'Allergy to nut', criticality: 'high' },
  EGG: { snomed: '213020009', display: 'Allergy to egg protein', criticality: 'low' },
  MILK: { snomed: '425525006', display: 'Allergy to dairy product', criticality: 'low' },
  LATEX: { snomed: '300916003', display: 'Latex allergy', criticality: 'high' },
  BEE_VENOM: { snomed: '424213003', display: 'Allergy to bee venom', criticality: 'high' },
  DUST_MITE: { snomed: '232350006', display: 'House dust mite allergy', criticality: 'low' },
};

/** Routine childhood immunisations (UK schedule), by age in days when given. */
export const IMMUNISATION_SCHEDULE: ReadonlyArray<{ ageDays: number; snomed: string; display: string }> = [
  { ageDays: 56, snomed: '1082441000000108', display: 'First DTaP/IPV/Hib/HepB vaccination' },
  { ageDays: 56, snomed: '415354003', display: 'Rotavirus vaccination' },
  { ageDays: 84, snomed: '1082461000000109', display: 'Second DTaP/IPV/Hib/HepB vaccination' },
  { ageDays: 112, snomed: '1082481000000100', display: 'Third DTaP/IPV/Hib/HepB vaccination' },
  { ageDays: 368, snomed: '38598009', display: 'Measles, mumps and rubella vaccination' },
  { ageDays: 368, snomed: '12866006', display: 'Pneumococcal vaccination' },
  { ageDays: 1230, snomed: '38598009', display: 'Measles, mumps and rubella vaccination' },
  { ageDays: 4500, snomed: '428570002', display: 'Human papillomavirus vaccination' },
  { ageDays: 5150, snomed: '414619005', display: 'Td/IPV booster vaccination' },
  { ageDays: 5150, snomed: '871871008', display: 'MenACWY vaccination' },
];

export const INFLUENZA_VACCINATION = { snomed: '86198006', display: 'Influenza vaccination' } as const;

export const ENCOUNTER_TYPES = {
  AMB: { snomed: '11429006', display: 'Consultation' },
  EMER: { snomed: '4525004', display: 'Emergency department patient visit' },
  IMP: { snomed: '32485007', display: 'Hospital admission' },
} as const;

/** Why children attend A&E; the flags say which attendances point to self-harm or exploitation risk. */
export const EMERGENCY_REASONS: ReadonlyArray<{
  reason: string;
  selfHarm: boolean;
  risk: boolean;
  weight: number;
}> = [
  { reason: 'Head injury', selfHarm: false, risk: false, weight: 6 },
  { reason: 'Fracture of wrist', selfHarm: false, risk: false, weight: 4 },
  { reason: 'Sprained ankle', selfHarm: false, risk: false, weight: 5 },
  { reason: 'Laceration of hand', selfHarm: false, risk: false, weight: 3 },
  { reason: 'Acute exacerbation of asthma', selfHarm: false, risk: false, weight: 2 },
  { reason: 'Abdominal pain', selfHarm: false, risk: false, weight: 4 },
  { reason: 'Febrile illness', selfHarm: false, risk: false, weight: 4 },
  { reason: 'Paracetamol overdose', selfHarm: true, risk: false, weight: 0 },
  { reason: 'Self-inflicted laceration', selfHarm: true, risk: false, weight: 0 },
  { reason: 'Alcohol intoxication', selfHarm: false, risk: true, weight: 0 },
  { reason: 'Assault injury', selfHarm: false, risk: true, weight: 0 },
  { reason: 'Drug intoxication', selfHarm: false, risk: true, weight: 0 },
];

export const OBSERVATIONS = {
  WEIGHT: { loinc: '29463-7', display: 'Body weight', unit: 'kg' },
  HEIGHT: { loinc: '8302-2', display: 'Body height', unit: 'cm' },
  BMI: { loinc: '39156-5', display: 'Body mass index', unit: 'kg/m2' },
} as const;
