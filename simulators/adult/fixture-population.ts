import type { AdultRecord, Population, RecordedIdentity } from '../population/model.js';
import { nhsCheckDigit } from './nhs-number.js';

/**
 * A small hand-built population for the adult simulator's tests and for running it alone without the generator:
 * a care leaver in transition (s58 pending, pathway plan, personal adviser, transition worker), an adult record
 * with no NHS number, and two records sharing one NHS number (a duplicate inside adult services).
 */
function nhsNumber(firstNine: string): string {
  const check = nhsCheckDigit(firstNine);
  if (check === null) throw new Error('fixture NHS number has no valid check digit');
  return `${firstNine}${check}`;
}

export const fixtureNhsNumbers = {
  erin: nhsNumber('999000001'),
  finn: nhsNumber('999000002'),
  /** Held by no adult record: a child adult services have not met. */
  gail: nhsNumber('999000003'),
} as const;

function identity(overrides: Partial<RecordedIdentity>): RecordedIdentity {
  return {
    givenName: 'Test',
    familyName: 'Person',
    sex: 'U',
    dateOfBirth: '2008-01-01',
    postcode: 'AB1 2CD',
    addressLine: '2 Example Road',
    nhsNumber: null,
    upn: null,
    ...overrides,
  };
}

const empty = {
  transitionReferrals: [],
  s58Assessments: [],
  pathwayPlans: [],
  transitionWorkerId: null,
  events: [],
} satisfies Partial<AdultRecord>;

export function adultFixturePopulation(): Population {
  return {
    seed: 2,
    asOf: '2025-03-01T09:00:00.000Z',
    people: [],
    organisations: [
      {
        id: 'ORG-ASC',
        kind: 'ADULT_SERVICES',
        name: 'Exampleshire Adult Social Care',
        code: 'ASC01',
        postcode: 'AB3 3CC',
      },
      {
        id: 'ORG-LA',
        kind: 'LOCAL_AUTHORITY',
        name: 'Exampleshire Council',
        code: 'E10000001',
        postcode: 'AB3 3CC',
      },
    ],
    professionals: [
      {
        id: 'PRO-TW-1',
        agency: 'adult',
        name: 'Tara Worker',
        role: 'TRANSITION_WORKER',
        organisationId: 'ORG-ASC',
        email: 'transitions@asc.example',
        phone: '01000 000010',
      },
      {
        id: 'PRO-PA-1',
        agency: 'social-care',
        name: 'Pat Adviser',
        role: 'PERSONAL_ADVISER',
        organisationId: 'ORG-LA',
        email: 'leaving.care@council.example',
        phone: '01000 000011',
      },
    ],
    residentialUnits: [],
    socialCare: [],
    gp: [],
    education: [],
    adult: [
      {
        ...empty,
        truthKey: 'T-ERIN',
        personId: 'ASC-1001',
        identity: identity({
          givenName: 'Erin',
          familyName: 'Evans',
          sex: 'F',
          nhsNumber: fixtureNhsNumbers.erin,
        }),
        transitionReferrals: [
          { id: 'TR-1', date: '2024-09-02', source: 'CHILDRENS_SERVICES', reason: 'EHCP and disability' },
        ],
        s58Assessments: [
          { id: 'S58-1', referralDate: '2024-09-02', assessmentDate: null, outcome: 'PENDING' },
        ],
        pathwayPlans: [
          {
            id: 'PP-1',
            needsAssessmentDate: '2024-06-01',
            planDate: '2024-08-15',
            personalAdviserId: 'PRO-PA-1',
          },
        ],
        transitionWorkerId: 'PRO-TW-1',
        events: [
          { id: 'EV-2', date: '2024-10-01', kind: 'ASSESSMENT', detail: 'Care Act s58 assessment started' },
          { id: 'EV-1', date: '2024-09-02', kind: 'REQUEST', detail: 'Transition referral' },
        ],
      },
      {
        ...empty,
        truthKey: 'T-FINN',
        personId: 'ASC-1002',
        identity: identity({
          givenName: 'Finn',
          familyName: 'Fox',
          sex: 'M',
          nhsNumber: fixtureNhsNumbers.finn,
        }),
        events: [{ id: 'EV-3', date: '2025-01-10', kind: 'SERVICE', detail: 'Day opportunities' }],
      },
      {
        ...empty,
        truthKey: 'T-FINN',
        personId: 'ASC-1003',
        identity: identity({
          givenName: 'Fin',
          familyName: 'Fox',
          sex: 'M',
          nhsNumber: fixtureNhsNumbers.finn,
        }),
      },
      {
        ...empty,
        truthKey: 'T-HAL',
        personId: 'ASC-1004',
        identity: identity({ givenName: 'Hal', familyName: 'Hughes', sex: 'M', nhsNumber: null }),
      },
    ],
  };
}
