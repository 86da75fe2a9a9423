import type {
  GpRecord,
  Organisation,
  Population,
  Professional,
  RecordedIdentity,
} from '../population/model.js';

/** Appends the modulus 11 check digit to nine digits (test data only; returns null when no valid digit exists). */
export function nhsNumberFrom(nineDigits: string): string | null {
  const sum = [...nineDigits].reduce((total, digit, index) => total + Number(digit) * (10 - index), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return null;
  return `${nineDigits}${check === 11 ? 0 : check}`;
}

function validNhsNumber(seed: number): string {
  for (let candidate = seed; ; candidate += 1) {
    const number = nhsNumberFrom(`999${String(candidate).padStart(6, '0')}`);
    if (number !== null) return number;
  }
}

export const fixtureNhsNumbers = {
  ava: validNhsNumber(1001),
  ben: validNhsNumber(2002),
  duplicated: validNhsNumber(4004),
} as const;

const organisations: Organisation[] = [
  { id: 'org-gp-1', kind: 'GP_PRACTICE', name: 'Riverside Surgery', code: 'A81001', postcode: 'LS1 4AP' },
  {
    id: 'org-gp-2',
    kind: 'GP_PRACTICE',
    name: 'Hilltop Medical Centre',
    code: 'B82002',
    postcode: 'LS6 2QT',
  },
  { id: 'org-icb-1', kind: 'ICB', name: 'West Yorkshire ICB', code: 'QWO', postcode: 'WF1 1LT' },
  { id: 'org-school-1', kind: 'SCHOOL', name: 'Northfield Academy', code: '140001', postcode: 'LS7 3AB' },
  {
    id: 'org-la-1',
    kind: 'LOCAL_AUTHORITY',
    name: 'Example City Council',
    code: 'E08000035',
    postcode: 'LS1 1UR',
  },
];

const professional = (
  id: string,
  agency: Professional['agency'],
  role: Professional['role'],
  name: string,
  organisationId: string,
): Professional => ({
  id,
  agency,
  role,
  name,
  organisationId,
  email: `${id}@example.nhs.uk`,
  phone: '0113 496 0000',
});

const professionals: Professional[] = [
  professional('prof-gp-1', 'gp', 'GP', 'Dr Priya Shah', 'org-gp-1'),
  professional('prof-gp-2', 'gp', 'GP', 'Dr Tom O\u2019Neill', 'org-gp-2'),
  professional('prof-nurse-1', 'gp', 'PRACTICE_NURSE', 'Grace Okafor', 'org-gp-1'),
  professional('prof-sw-1', 'social-care', 'SOCIAL_WORKER', 'Sam Reed', 'org-la-1'),
];

function identity(overrides: Partial<RecordedIdentity>): RecordedIdentity {
  return {
    givenName: 'Child',
    familyName: 'Example',
    sex: 'U',
    dateOfBirth: '2012-01-01',
    postcode: 'LS1 1AA',
    addressLine: '1 Example Street',
    nhsNumber: null,
    upn: null,
    ...overrides,
  };
}

function emptyRecord(patientId: string, overrides: Partial<GpRecord>): GpRecord {
  return {
    truthKey: `truth-${patientId}`,
    patientId,
    identity: identity({}),
    practiceId: 'org-gp-1',
    gpProfessionalId: 'prof-gp-1',
    registeredSince: '2015-01-01',
    conditions: [],
    medications: [],
    allergies: [],
    immunizations: [],
    encounters: [],
    observations: [],
    ...overrides,
  };
}

const ava = emptyRecord('gp-pat-001', {
  identity: identity({
    givenName: 'Ava Grace',
    familyName: 'Thompson',
    sex: 'F',
    dateOfBirth: '2010-05-14',
    postcode: 'LS8 2PF',
    addressLine: '12 Harehills Lane',
    nhsNumber: fixtureNhsNumbers.ava,
  }),
  conditions: [
    {
      id: 'cond-001-a',
      snomed: '195967001',
      display: 'Asthma',
      onset: '2014-03-02',
      clinicalStatus: 'active',
      sensitive: null,
    },
    {
      id: 'cond-001-b',
      snomed: '197480006',
      display: 'Anxiety disorder',
      onset: '2023-09-20',
      clinicalStatus: 'active',
      sensitive: 'MENTAL_HEALTH',
    },
    {
      id: 'cond-001-c',
      snomed: '24079001',
      display: 'Atopic dermatitis',
      onset: '2011-02-01',
      clinicalStatus: 'resolved',
      sensitive: null,
    },
  ],
  medications: [
    {
      id: 'med-001-a',
      dmd: '39113611000001102',
      display: 'Salbutamol 100micrograms/dose inhaler CFC free',
      start: '2014-03-02',
      status: 'active',
    },
  ],
  allergies: [
    {
      id: 'alg-001-a',
      snomed: '91936005',
      display: 'Allergy to penicillin',
      recorded: '2016-07-11',
      criticality: 'high',
    },
  ],
  immunizations: [
    {
      id: 'imm-001-a',
      snomed: '38598009',
      display: 'Measles, mumps and rubella vaccination',
      date: '2011-06-01',
    },
  ],
  encounters: [
    {
      id: 'enc-001-a',
      class: 'AMB',
      snomed: '11429006',
      display: 'Consultation',
      start: '2024-11-04T09:10:00.000Z',
      end: '2024-11-04T09:20:00.000Z',
      reason: 'Asthma review',
    },
    {
      id: 'enc-001-b',
      class: 'EMER',
      snomed: '4525004',
      display: 'Emergency department patient visit',
      start: '2025-01-18T22:40:00.000Z',
      end: '2025-01-19T03:15:00.000Z',
      reason: 'Injury to wrist',
    },
  ],
  observations: [
    {
      id: 'obs-001-a',
      loinc: '29463-7',
      display: 'Body weight',
      date: '2024-11-04T09:15:00.000Z',
      value: 41.2,
      unit: 'kg',
    },
    {
      id: 'obs-001-b',
      loinc: '8302-2',
      display: 'Body height',
      date: '2024-11-04T09:15:00.000Z',
      value: 152,
      unit: 'cm',
    },
  ],
});

const ben = emptyRecord('gp-pat-002', {
  identity: identity({
    givenName: 'Ben',
    familyName: 'Adebayo',
    sex: 'M',
    dateOfBirth: '2008-12-01',
    postcode: 'LS9 7HB',
    nhsNumber: fixtureNhsNumbers.ben,
  }),
  practiceId: 'org-gp-2',
  gpProfessionalId: 'prof-gp-2',
  conditions: [
    {
      id: 'cond-002-a',
      snomed: '105629000',
      display: 'Chlamydial infection',
      onset: '2024-06-10',
      clinicalStatus: 'resolved',
      sensitive: 'SEXUAL_HEALTH',
    },
    {
      id: 'cond-002-b',
      snomed: '406506008',
      display: 'Attention deficit hyperactivity disorder',
      onset: '2016-04-01',
      clinicalStatus: 'active',
      sensitive: null,
    },
  ],
  medications: [
    {
      id: 'med-002-a',
      dmd: '39695211000001102',
      display: 'Methylphenidate 18mg modified-release tablets',
      start: '2016-05-01',
      status: 'stopped',
    },
  ],
  encounters: [
    {
      id: 'enc-002-a',
      class: 'EMER',
      snomed: '4525004',
      display: 'Emergency department patient visit',
      start: '2025-03-30T23:50:00.000Z',
      end: null,
      reason: null,
    },
    {
      id: 'enc-002-b',
      class: 'IMP',
      snomed: '32485007',
      display: 'Hospital admission',
      start: '2024-02-10T14:00:00.000Z',
      end: '2024-02-13T10:00:00.000Z',
      reason: 'Appendicitis',
    },
  ],
});

const noNhsNumber = emptyRecord('gp-pat-003', {
  identity: identity({
    givenName: 'Chlo\u00e9',
    familyName: 'Nowak',
    sex: 'F',
    dateOfBirth: '2014-08-30',
    postcode: null,
    addressLine: null,
  }),
  immunizations: [
    {
      id: 'imm-003-a',
      snomed: '38598009',
      display: 'Measles, mumps and rubella vaccination',
      date: '2015-09-01',
    },
  ],
});

/** The same child registered twice in one GP system: both records answer for the NHS number. */
const duplicateA = emptyRecord('gp-pat-004', {
  identity: identity({
    givenName: 'Dylan',
    familyName: 'Hughes',
    sex: 'M',
    dateOfBirth: '2011-02-03',
    nhsNumber: fixtureNhsNumbers.duplicated,
  }),
  encounters: [
    {
      id: 'enc-004-a',
      class: 'AMB',
      snomed: '11429006',
      display: 'Consultation',
      start: '2023-05-02T10:00:00.000Z',
      end: '2023-05-02T10:10:00.000Z',
      reason: null,
    },
  ],
});
const duplicateB = emptyRecord('gp-pat-005', {
  identity: identity({
    givenName: 'Dylan',
    familyName: 'Hughes',
    sex: 'M',
    dateOfBirth: '2011-03-02',
    nhsNumber: fixtureNhsNumbers.duplicated,
  }),
  practiceId: 'org-gp-2',
  gpProfessionalId: 'prof-gp-2',
});

/** Plain extra patients (each with a few encounters) for paging tests. */
function extraPatient(index: number): GpRecord {
  const id = `gp-pat-x${String(index).padStart(3, '0')}`;
  return emptyRecord(id, {
    identity: identity({
      givenName: `Extra${index}`,
      familyName: 'Paging',
      nhsNumber: validNhsNumber(100_000 + index * 7),
    }),
    encounters: Array.from({ length: index % 4 }, (_, n) => ({
      id: `enc-x${String(index).padStart(3, '0')}-${n}`,
      class: 'AMB' as const,
      snomed: '11429006',
      display: 'Consultation',
      start: `2024-0${(n % 9) + 1}-1${n}T08:00:00.000Z`,
      end: `2024-0${(n % 9) + 1}-1${n}T08:10:00.000Z`,
      reason: null,
    })),
  });
}

/**
 * A small hand-built population covering every GP resource type and the awkward cases (sensitive conditions, an
 * open A&E attendance, a patient without an NHS number, one child registered twice), so tests know exactly what
 * to expect and do not depend on the generator.
 */
export function gpFixturePopulation(options: { extraPatients?: number } = {}): Population {
  const extra = Array.from({ length: options.extraPatients ?? 0 }, (_, index) => extraPatient(index + 1));
  return {
    seed: 1,
    asOf: '2025-03-31T12:00:00.000Z',
    people: [],
    professionals,
    organisations,
    residentialUnits: [],
    socialCare: [],
    gp: [ava, ben, noNhsNumber, duplicateA, duplicateB, ...extra],
    education: [],
    adult: [],
  };
}
