import type { EducationRecord, Population, RecordedIdentity } from '../population/model.js';
import { upnCheckLetter } from './upn.js';

/**
 * A small hand-built population for the education simulator's tests and for running it alone without the
 * generator. Covers: an issued EHCP with reviews, a pending request, SEN support without a plan, a pupil with no
 * UPN, and two records sharing one UPN (a duplicate inside the education system).
 */
function upn(body: string): string {
  return `${upnCheckLetter(body) ?? '?'}${body}`;
}

export const fixtureUpns = {
  ava: upn('201000000001'),
  ben: upn('201000000002'),
  cara: upn('201000000003'),
} as const;

function identity(overrides: Partial<RecordedIdentity>): RecordedIdentity {
  return {
    givenName: 'Test',
    familyName: 'Pupil',
    sex: 'U',
    dateOfBirth: '2010-01-01',
    postcode: 'AB1 2CD',
    addressLine: '1 Example Street',
    nhsNumber: null,
    upn: null,
    ...overrides,
  };
}

const emptyRecord = {
  attendance: [],
  exclusions: [],
  senNeeds: [],
  ehc: null,
  peps: [],
  sencoId: null,
  designatedTeacherId: null,
  virtualSchoolHeadId: null,
} satisfies Partial<EducationRecord>;

export function educationFixturePopulation(): Population {
  return {
    seed: 1,
    asOf: '2025-03-01T09:00:00.000Z',
    people: [],
    organisations: [
      { id: 'ORG-SCH-1', kind: 'SCHOOL', name: 'Riverside Academy', code: '100001', postcode: 'AB1 1AA' },
      {
        id: 'ORG-SCH-2',
        kind: 'SCHOOL',
        name: 'Hilltop Primary School',
        code: '100002',
        postcode: 'AB2 2BB',
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
        id: 'PRO-SENCO-1',
        agency: 'education',
        name: 'Sam Senco',
        role: 'SENCO',
        organisationId: 'ORG-SCH-1',
        email: 'senco@riverside.example',
        phone: '01000 000001',
      },
      {
        id: 'PRO-DT-1',
        agency: 'education',
        name: 'Dana Teacher',
        role: 'DESIGNATED_TEACHER',
        organisationId: 'ORG-SCH-1',
        email: 'dt@riverside.example',
        phone: '01000 000002',
      },
      {
        id: 'PRO-VSH-1',
        agency: 'education',
        name: 'Vic Head',
        role: 'VIRTUAL_SCHOOL_HEAD',
        organisationId: 'ORG-LA',
        email: 'virtual.school@council.example',
        phone: '01000 000003',
      },
    ],
    residentialUnits: [],
    socialCare: [],
    gp: [],
    adult: [],
    education: [
      {
        ...emptyRecord,
        truthKey: 'T-AVA',
        pupilId: 'EDU-0001',
        identity: identity({ givenName: 'Ava', familyName: 'Adams', sex: 'F', upn: fixtureUpns.ava }),
        enrolments: [
          { schoolUrn: '100002', yearGroup: '6', from: '2016-09-01', to: '2021-07-20' },
          { schoolUrn: '100001', yearGroup: '10', from: '2021-09-01', to: null },
        ],
        attendance: [
          { academicYear: '2024/25', term: 'AUTUMN', possibleSessions: 140, attendedSessions: 112 },
          { academicYear: '2023/24', term: 'SUMMER', possibleSessions: 120, attendedSessions: 118 },
        ],
        exclusions: [
          {
            id: 'EXC-1',
            date: '2024-11-04',
            kind: 'SUSPENSION',
            sessions: 4,
            reason: 'PA',
            schoolUrn: '100001',
          },
        ],
        senProvision: 'E',
        senNeeds: ['SEMH', 'SLCN'],
        ehc: {
          id: 'EHC-1',
          requestDate: '2022-01-10',
          decisionDate: '2022-02-14',
          decisionOutcome: 'Y',
          finalPlanDate: '2022-05-20',
          annualReviews: [
            { id: 'AR-1', date: '2023-05-10', pfaOutcomes: false },
            { id: 'AR-2', date: '2024-05-15', pfaOutcomes: true },
          ],
          status: 'ISSUED',
        },
        peps: [
          { id: 'PEP-1', date: '2024-10-01', reviewedDate: '2025-01-15', designatedTeacherId: 'PRO-DT-1' },
        ],
        sencoId: 'PRO-SENCO-1',
        designatedTeacherId: 'PRO-DT-1',
        virtualSchoolHeadId: 'PRO-VSH-1',
      },
      {
        ...emptyRecord,
        truthKey: 'T-BEN',
        pupilId: 'EDU-0002',
        identity: identity({ givenName: 'Ben', familyName: 'Brown', sex: 'M', upn: fixtureUpns.ben }),
        enrolments: [{ schoolUrn: '100001', yearGroup: '9', from: '2022-09-01', to: null }],
        senProvision: 'K',
        senNeeds: ['SPLD'],
        ehc: {
          id: 'EHC-2',
          requestDate: '2025-01-06',
          decisionDate: null,
          decisionOutcome: null,
          finalPlanDate: null,
          annualReviews: [],
          status: 'REQUESTED',
        },
        sencoId: 'PRO-SENCO-1',
      },
      {
        ...emptyRecord,
        truthKey: 'T-CARA',
        pupilId: 'EDU-0003',
        identity: identity({ givenName: 'Cara', familyName: 'Clark', sex: 'F', upn: fixtureUpns.cara }),
        enrolments: [{ schoolUrn: '100002', yearGroup: '4', from: '2023-09-01', to: null }],
        senProvision: 'K',
        senNeeds: ['MLD'],
      },
      {
        ...emptyRecord,
        truthKey: 'T-CARA',
        pupilId: 'EDU-0004',
        identity: identity({ givenName: 'Kara', familyName: 'Clark', sex: 'F', upn: fixtureUpns.cara }),
        enrolments: [{ schoolUrn: '100002', yearGroup: '4', from: '2023-09-01', to: null }],
        senProvision: 'N',
      },
      {
        ...emptyRecord,
        truthKey: 'T-DAN',
        pupilId: 'EDU-0005',
        identity: identity({ givenName: 'Dan', familyName: 'Davis', sex: 'M', upn: null }),
        enrolments: [{ schoolUrn: '999999', yearGroup: '11', from: '2024-09-01', to: null }],
        senProvision: 'N',
      },
    ],
  };
}
