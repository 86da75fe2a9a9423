/**
 * The data category clinical codes (and, where a GP system sends only text, the words) put a record in, for
 * records the GP system did not label (see sensitivity.ts for labels). An antidepressant or an A&E attendance
 * for self-harm says as much as the mental health condition behind it, so it is held as tightly: a role allowed
 * general health but not mental health must not be able to infer the condition from the medicine or the visit.
 *
 * Where each list comes from:
 * - Medicines: BNF chapter 4 (central nervous system) sections 4.2 antipsychotic and antimanic drugs,
 *   4.3 antidepressant drugs and 4.10 drugs used in substance dependence, with the anxiolytic buspirone (4.1.2),
 *   are MENTAL_HEALTH; BNF 7.3 contraceptives and HIV pre-exposure prophylaxis are SEXUAL_HEALTH. Other chapter 4
 *   sections are not: CNS stimulants for ADHD (4.4), hypnotics such as melatonin (4.1.1), analgesics (4.7) and
 *   antiepileptics (4.8) treat conditions the hub shows as general health, and benzodiazepines are as often given
 *   for seizures. GP systems code medicines with dm+d ids (the SNOMED CT UK drug extension), and the BNF section
 *   of a dm+d id needs the NHSBSA mapping, which the hub does not carry; so the drugs are matched by approved name
 *   (dm+d VTM and VMP names begin with it), with the SNOMED CT substance concepts and dm+d VMPs below as codes.
 * - Reasons and conditions: SNOMED CT concepts for self-harm, suicide, overdose, mental disorders and sexually
 *   transmitted infections; ICD-10 X60–X84 (intentional self-harm), Y87.0 and Z91.5 (its sequelae and history),
 *   R45.8 (suicidal ideation), T36–T51 (poisoning by drugs, an overdose, or alcohol), F10–F69 and F99 (mental and
 *   behavioural disorders; F70–F98, learning disability and developmental disorders such as autism and ADHD, stay
 *   general health as the hub treats them), A50–A64, B20–B24, Z20.2, Z21 and Z30 (sexual health).
 * Matching is deliberately generous: holding a general record too tightly costs a role one item, and the
 * opposite discloses a child's mental or sexual health.
 */
import { systems } from './fhir-values.js';
import type { DataCategory } from './health-types.js';
import type { CodeableConcept } from './payload-schemas.js';

type Sensitive = Exclude<DataCategory, 'HEALTH'>;

// dm+d is a SNOMED CT extension: UK Core sends its ids with the SNOMED CT system, some systems with dm+d's own.
const snomedSystems = new Set<string | undefined>([systems.snomed, 'https://dmd.nhs.uk', undefined]);

const medicineCodes: Record<Sensitive, ReadonlySet<string>> = {
  MENTAL_HEALTH: new Set([
    '372767007', // Fluoxetine (substance)
    '372594008', // Sertraline (substance)
    '42271711000001106', // dm+d VMP Fluoxetine 20mg capsules
    '39704111000001102', // dm+d VMP Sertraline 50mg tablets
  ]),
  SEXUAL_HEALTH: new Set([
    '37745711000001108', // dm+d VMP Desogestrel 75microgram tablets
  ]),
};

const medicineNames: Record<Sensitive, readonly string[]> = {
  MENTAL_HEALTH: [
    // 4.3 antidepressants: tricyclic and related, MAOIs, SSRIs, others.
    'amitriptyline',
    'clomipramine',
    'dosulepin',
    'doxepin',
    'imipramine',
    'lofepramine',
    'nortriptyline',
    'trimipramine',
    'mianserin',
    'trazodone',
    'phenelzine',
    'isocarboxazid',
    'tranylcypromine',
    'moclobemide',
    'citalopram',
    'escitalopram',
    'fluoxetine',
    'fluvoxamine',
    'paroxetine',
    'sertraline',
    'agomelatine',
    'duloxetine',
    'mirtazapine',
    'reboxetine',
    'venlafaxine',
    'vortioxetine',
    'esketamine',
    // 4.2 antipsychotics (first and second generation, depots) and antimanic drugs.
    'amisulpride',
    'aripiprazole',
    'asenapine',
    'benperidol',
    'cariprazine',
    'chlorpromazine',
    'clozapine',
    'flupentixol',
    'fluphenazine',
    'haloperidol',
    'levomepromazine',
    'loxapine',
    'lurasidone',
    'olanzapine',
    'paliperidone',
    'pericyazine',
    'perphenazine',
    'pimozide',
    'promazine',
    'quetiapine',
    'risperidone',
    'sulpiride',
    'trifluoperazine',
    'zuclopenthixol',
    'lithium',
    // 4.1.2 anxiolytic used for nothing else.
    'buspirone',
    // 4.10 substance dependence.
    'acamprosate',
    'buprenorphine',
    'disulfiram',
    'lofexidine',
    'methadone',
    'nalmefene',
    'naltrexone',
  ],
  SEXUAL_HEALTH: [
    // 7.3 contraceptives (oral, parenteral, intra-uterine, emergency).
    'desogestrel',
    'drospirenone',
    'dienogest',
    'ethinylestradiol',
    'etonogestrel',
    'gestodene',
    'levonorgestrel',
    'medroxyprogesterone',
    'nomegestrol',
    'norethisterone',
    'norgestimate',
    'ulipristal',
    // HIV pre-exposure prophylaxis.
    'emtricitabine',
  ],
};

const reasonCodes: Record<Sensitive, ReadonlySet<string>> = {
  MENTAL_HEALTH: new Set([
    '248062006', // Self-injurious behaviour
    '276853009', // Self inflicted injury
    '418420002', // Intentionally harming self
    '219174008', // Late effect of self inflicted injury
    '82313006', // Suicide attempt
    '44301001', // Suicide
    '86849004', // Suicidal deliberate poisoning
    '6471006', // Suicidal thoughts
    '55680006', // Drug overdose
    '74732009', // Mental disorder
    '197480006', // Anxiety disorder
    '35489007', // Depressive disorder
    '13746004', // Bipolar disorder
    '58214004', // Schizophrenia
    '69322001', // Psychotic disorder
    '47505003', // Post-traumatic stress disorder
    '72366004', // Eating disorder
    '56882008', // Anorexia nervosa
    '78004001', // Bulimia nervosa
    '26416006', // Drug misuse
    '15167005', // Alcohol misuse
  ]),
  SEXUAL_HEALTH: new Set([
    '8098009', // Sexually transmitted infectious disease
    '105629000', // Chlamydial infection
    '15628003', // Gonorrhoea
    '86406008', // Human immunodeficiency virus infection
    '18391007', // Elective abortion
  ]),
};

const reasonWords: Record<Sensitive, RegExp> = {
  MENTAL_HEALTH: new RegExp(
    [
      String.raw`self[\s-]?(harm|injur|inflicted|poison|cutting)`,
      'suicid',
      'overdose',
      String.raw`depress(ion|ive)\b`,
      String.raw`anxiety\b`,
      String.raw`panic (attack|disorder)`,
      'psychos[ie]s',
      'psychotic',
      'schizo',
      'bipolar',
      'eating disorder',
      'anorexia nervosa',
      'bulimi',
      String.raw`post[\s-]?traumatic stress`,
      String.raw`ptsd\b`,
      String.raw`obsessive[\s-]compulsive`,
      String.raw`mental (health|disorder|illness)`,
      String.raw`(drug|alcohol|substance|solvent) (misuse|abuse|dependence|intoxication)`,
    ]
      .map((word) => String.raw`\b${word}`)
      .join('|'),
    'i',
  ),
  SEXUAL_HEALTH: new RegExp(
    [
      'sexually transmitted',
      String.raw`sti\b`,
      'chlamydi',
      'gonorrh',
      'syphilis',
      String.raw`hiv\b`,
      String.raw`genital (herpes|warts)`,
      'contracepti',
      'pregnan',
      String.raw`sexual (health|assault|abuse)`,
    ]
      .map((word) => String.raw`\b${word}`)
      .join('|'),
    'i',
  ),
};

const nameWords: Record<Sensitive, RegExp> = {
  MENTAL_HEALTH: new RegExp(String.raw`\b(${medicineNames.MENTAL_HEALTH.join('|')})\b`, 'i'),
  SEXUAL_HEALTH: new RegExp(String.raw`\b(${medicineNames.SEXUAL_HEALTH.join('|')})\b`, 'i'),
};

/** ICD-10 three-character categories (letter and two digits), inclusive ranges. */
const icd10Ranges: Record<Sensitive, ReadonlyArray<readonly [string, string]>> = {
  MENTAL_HEALTH: [
    ['X60', 'X84'],
    ['F10', 'F69'],
    ['F99', 'F99'],
    ['T36', 'T51'],
  ],
  SEXUAL_HEALTH: [
    ['A50', 'A64'],
    ['B20', 'B24'],
    ['Z21', 'Z21'],
    ['Z30', 'Z30'],
  ],
};
/** Four-character ICD-10 codes (without the dot) whose category is otherwise not sensitive. */
const icd10Codes: Record<Sensitive, ReadonlySet<string>> = {
  MENTAL_HEALTH: new Set(['Y870', 'Z915', 'R458']),
  SEXUAL_HEALTH: new Set(['Z202']),
};

const isIcd10 = (system: string | undefined) => system?.startsWith('http://hl7.org/fhir/sid/icd-10') ?? false;

function icd10Category(code: string, category: Sensitive): boolean {
  const compact = code.toUpperCase().replace(/[\s.]/g, '');
  const three = compact.slice(0, 3);
  if (!/^[A-Z]\d\d$/.test(three)) return false;
  return (
    icd10Codes[category].has(compact.slice(0, 4)) ||
    icd10Ranges[category].some(([from, to]) => three >= from && three <= to)
  );
}

/** Sexual health over mental health over general, as sensitivity.ts decides between labels. */
export function narrowestCategory(...categories: readonly DataCategory[]): DataCategory {
  if (categories.includes('SEXUAL_HEALTH')) return 'SEXUAL_HEALTH';
  if (categories.includes('MENTAL_HEALTH')) return 'MENTAL_HEALTH';
  return 'HEALTH';
}

const texts = (concepts: readonly (CodeableConcept | undefined)[], extra: readonly string[] = []) => [
  ...extra,
  ...concepts.flatMap((concept) => [
    ...(concept?.text === undefined ? [] : [concept.text]),
    ...(concept?.coding ?? []).flatMap((coding) => (coding.display === undefined ? [] : [coding.display])),
  ]),
];

/** The category a medicine's codes or name put it in: HEALTH when neither says anything sensitive. */
export function medicineCategory(
  concept: CodeableConcept | undefined,
  name: string | null = null,
): DataCategory {
  const codes = (concept?.coding ?? [])
    .filter((coding) => snomedSystems.has(coding.system))
    .flatMap((coding) => (coding.code === undefined ? [] : [coding.code.trim()]));
  const words = texts([concept], name === null ? [] : [name]);
  const matches = (category: Sensitive) =>
    codes.some((code) => medicineCodes[category].has(code)) ||
    words.some((text) => nameWords[category].test(text));
  return matches('SEXUAL_HEALTH') ? 'SEXUAL_HEALTH' : matches('MENTAL_HEALTH') ? 'MENTAL_HEALTH' : 'HEALTH';
}

/**
 * The category clinical concepts put a record in: an encounter's reasons and type, a condition's code. SNOMED CT
 * and ICD-10 codes are read by their lists; text and displays by their words.
 */
export function clinicalCategory(concepts: readonly (CodeableConcept | undefined)[]): DataCategory {
  const codings = concepts.flatMap((concept) => concept?.coding ?? []);
  const words = texts(concepts);
  const matches = (category: Sensitive) =>
    codings.some((coding) => {
      const code = coding.code?.trim();
      if (code === undefined || code === '') return false;
      if (isIcd10(coding.system)) return icd10Category(code, category);
      return snomedSystems.has(coding.system) && reasonCodes[category].has(code);
    }) || words.some((text) => reasonWords[category].test(text));
  return matches('SEXUAL_HEALTH') ? 'SEXUAL_HEALTH' : matches('MENTAL_HEALTH') ? 'MENTAL_HEALTH' : 'HEALTH';
}
