/**
 * The social care simulator's population for the integration test: the simulator's own small synthetic area, plus
 * hand-written children whose every field is known here, so the test can state exactly what the section says.
 */
/* eslint-disable no-restricted-imports -- test only: the simulator stands in for the council's SSD */
import { buildSyntheticPopulation } from '../../../simulators/social-care/fixtures/synthetic-population.js';
import type { Population, Professional, SocialCareRecord } from '../../../simulators/population/model.js';
/* eslint-enable no-restricted-imports */

export const fixturePersonId = 'P-FIXTURE';
export const coresidentPersonId = 'P-FIXTURE-2';
export const fixtureUnitId = 'FX-UNIT';
export const unknownProfessionalId = 'FX-UNKNOWN';

/** The work e-mail the simulator's contact table holds for a fixture professional. */
export const fixtureEmail = (professionalId: string): string =>
  `${professionalId.toLowerCase()}@example.gov.uk`;

function professional(id: string, name: string, role: Professional['role'], team?: string): Professional {
  return {
    id,
    agency: 'social-care',
    name,
    role,
    organisationId: 'ORG-LA',
    email: fixtureEmail(id),
    phone: '0113 496 0000',
    ...(team === undefined ? {} : { team }),
  };
}

const professionals: Professional[] = [
  professional('FX-OLD', 'Olive Former', 'SOCIAL_WORKER', 'Assessment Team North'),
  professional('FX-SW', 'Sam Worker', 'SOCIAL_WORKER', 'Children Looked After Team 1'),
  professional('FX-SW2', 'Sasha Other', 'SOCIAL_WORKER', 'Children Looked After Team 1'),
  professional('FX-TM', 'Tara Manager', 'TEAM_MANAGER', 'Children Looked After Team 1'),
  professional('FX-IRO', 'Ira Reviewer', 'IRO', 'Independent Reviewing Service'),
  professional('FX-PA', 'Pat Adviser', 'PERSONAL_ADVISER', 'Leaving Care Team'),
  professional('FX-HM', 'Hal Manager', 'HOME_MANAGER'),
];

function emptyRecord(personId: string, truthKey: string): SocialCareRecord {
  return {
    truthKey,
    personId,
    identity: {
      givenName: 'Other',
      familyName: 'Resident',
      sex: 'M',
      dateOfBirth: '2010-05-01',
      postcode: 'LS2 9JT',
      addressLine: null,
      nhsNumber: null,
      upn: null,
    },
    sendFlag: false,
    disabilityCodes: [],
    sealed: null,
    cinEpisodes: [],
    assessments: [],
    s47Enquiries: [],
    cpPlans: [],
    cpReviews: [],
    claEpisodes: [],
    placements: [],
    claReviews: [],
    healthAssessments: [],
    carePlans: [],
    placementPlans: [],
    visits: [],
    missingEpisodes: [],
    careLeaver: null,
    involvements: [],
    placementReferrals: [],
    matchingAssessments: [],
    meetings: [],
    placementNotifications: [],
    coresidentNotifications: [],
  };
}

/** A looked-after child with something in every table the connector reads. */
function fixtureRecord(): SocialCareRecord {
  return {
    ...emptyRecord(fixturePersonId, 'FX1'),
    identity: {
      givenName: 'Fixture',
      familyName: 'Child',
      sex: 'F',
      dateOfBirth: '2009-03-14',
      postcode: 'LS6 1AA',
      addressLine: '1 Test Street',
      nhsNumber: '9990001006',
      upn: null,
    },
    sendFlag: true,
    disabilityCodes: ['LD', 'AUT'],
    cinEpisodes: [
      {
        referralId: 'FX-REF1',
        referralDate: '2023-01-10T09:00:00.000Z',
        primaryNeed: 'N1',
        closeDate: null,
        closeReason: null,
        workerId: 'FX-SW',
      },
    ],
    assessments: [
      {
        id: 'FX-ASM1',
        referralId: 'FX-REF1',
        startDate: '2023-01-12T10:00:00.000Z',
        childSeenDate: '2023-01-15T10:00:00.000Z',
        authorisedDate: '2023-02-20T16:00:00.000Z',
        factors: ['11A', '24A', '10A'],
        workerId: 'FX-SW',
      },
    ],
    s47Enquiries: [
      {
        id: 'FX-S47',
        referralId: 'FX-REF1',
        startDate: '2023-01-11T14:00:00.000Z',
        endDate: '2023-01-25T12:00:00.000Z',
        outcome: 'ICPC',
        icpc: {
          id: 'FX-ICPC',
          targetDate: '2023-02-01T00:00:00.000Z',
          date: '2023-01-30T10:00:00.000Z',
          outcome: 'CP_PLAN',
        },
      },
    ],
    cpPlans: [
      {
        id: 'FX-CPP',
        startDate: '2023-01-30T10:00:00.000Z',
        endDate: '2023-06-01T00:00:00.000Z',
        category: 'NEG',
      },
    ],
    cpReviews: [
      {
        id: 'FX-CPR1',
        dueDate: '2023-04-30T00:00:00.000Z',
        date: '2023-04-28T10:00:00.000Z',
        participation: 'PN7',
      },
    ],
    claEpisodes: [
      {
        id: 'FX-EP1',
        periodId: 'FX-CLA1',
        startDate: '2023-06-01T12:00:00.000Z',
        startReason: 'S',
        legalStatus: 'C2',
        needCode: 'N1',
        ceasedDate: '2024-01-15T12:00:00.000Z',
        ceasedReason: 'X1',
        enteredCareDate: '2023-06-01T12:00:00.000Z',
        lastIroContactDate: '2023-07-01T10:00:00.000Z',
      },
      {
        id: 'FX-EP2',
        periodId: 'FX-CLA1',
        startDate: '2024-01-15T12:00:00.000Z',
        startReason: 'P',
        legalStatus: 'C2',
        needCode: 'N1',
        ceasedDate: null,
        ceasedReason: null,
        enteredCareDate: '2023-06-01T12:00:00.000Z',
        lastIroContactDate: '2024-02-01T10:00:00.000Z',
      },
    ],
    placements: [
      {
        id: 'FX-PL1',
        claEpisodeId: 'FX-EP1',
        startDate: '2023-06-01T12:00:00.000Z',
        endDate: '2024-01-15T12:00:00.000Z',
        type: 'U4',
        urn: 'SC123456',
        residentialUnitId: null,
        providerCode: 'PR1',
        postcode: 'LS7 3AB',
        distanceMiles: 2.5,
        changeReason: 'CARPL',
        intendedEndDate: null,
        isLongTerm: true,
        awaitingLongTermPlacement: false,
        lastPanelReviewDate: null,
      },
      {
        id: 'FX-PL2',
        claEpisodeId: 'FX-EP2',
        startDate: '2024-01-15T12:00:00.000Z',
        endDate: null,
        type: 'K2',
        urn: 'SC999001',
        residentialUnitId: fixtureUnitId,
        providerCode: 'PR4',
        postcode: 'LS2 9JT',
        distanceMiles: 4,
        changeReason: null,
        intendedEndDate: '2024-04-15T12:00:00.000Z',
        isLongTerm: false,
        awaitingLongTermPlacement: true,
        lastPanelReviewDate: '2024-03-01T10:00:00.000Z',
      },
    ],
    claReviews: [
      {
        id: 'FX-CLAR1',
        dueDate: '2023-06-29T00:00:00.000Z',
        date: '2023-06-28T10:00:00.000Z',
        participation: 'PN1',
      },
    ],
    healthAssessments: [
      { id: 'FX-IHA', type: 'IHA', date: '2023-06-20T09:00:00.000Z', status: 'COMPLETED' },
      { id: 'FX-RHA', type: 'RHA', date: '2024-06-10T09:00:00.000Z', status: 'COMPLETED' },
    ],
    carePlans: [
      {
        id: 'FX-CP',
        startDate: '2023-06-08T00:00:00.000Z',
        lastReviewedDate: '2024-02-01T00:00:00.000Z',
        permanencePlan: 'Long-term foster care',
        health: {
          gpName: 'Dr Example',
          gpPracticeCode: 'B86001',
          conditions: ['asthma'],
          medications: ['salbutamol'],
          allergies: [],
        },
      },
    ],
    placementPlans: [{ id: 'FX-PL2-PP', placementId: 'FX-PL2', date: '2024-01-19T00:00:00.000Z' }],
    visits: [
      { id: 'FX-VIS1', date: '2023-01-20T11:00:00.000Z', kind: 'CIN', childSeen: true, workerId: 'FX-SW' },
      { id: 'FX-CPV1', date: '2023-02-10T11:00:00.000Z', kind: 'CP', childSeen: false, workerId: 'FX-SW' },
      { id: 'FX-CLAV1', date: '2023-06-05T11:00:00.000Z', kind: 'CLA', childSeen: true, workerId: 'FX-SW' },
    ],
    missingEpisodes: [
      {
        id: 'FX-MISS1',
        startDate: '2024-02-10T22:00:00.000Z',
        endDate: '2024-02-11T08:00:00.000Z',
        type: 'M',
        rhiOffered: true,
        rhiAccepted: true,
        rhiDate: '2024-02-13T15:00:00.000Z',
        reviewRequested: false,
      },
    ],
    careLeaver: {
      eligibility: 'Eligible',
      inTouch: 'YES',
      accommodation: 'Childrens home',
      activity: 'F1',
      needsAssessmentDate: '2025-04-01T00:00:00.000Z',
      pathwayPlanDate: null,
      pathwayPlanReviewDate: null,
      personalAdviserId: 'FX-PA',
      workerId: 'FX-SW',
    },
    involvements: [
      {
        id: 'FX-INV0',
        professionalId: 'FX-OLD',
        role: 'SOCIAL_WORKER',
        team: 'Assessment Team North',
        startDate: '2023-01-10T09:00:00.000Z',
        endDate: '2023-06-01T12:00:00.000Z',
      },
      {
        id: 'FX-INV1',
        professionalId: 'FX-SW',
        role: 'SOCIAL_WORKER',
        team: 'Children Looked After Team 1',
        startDate: '2023-06-01T12:00:00.000Z',
        endDate: null,
      },
      {
        id: 'FX-INV2',
        professionalId: 'FX-TM',
        role: 'TEAM_MANAGER',
        team: 'Children Looked After Team 1',
        startDate: '2023-06-02T09:00:00.000Z',
        endDate: null,
      },
      {
        id: 'FX-INV3',
        professionalId: 'FX-IRO',
        role: 'IRO',
        team: 'Independent Reviewing Service',
        startDate: '2023-06-03T09:00:00.000Z',
        endDate: null,
      },
      {
        id: 'FX-INV4',
        professionalId: 'FX-PA',
        role: 'PERSONAL_ADVISER',
        team: 'Leaving Care Team',
        startDate: '2025-03-14T09:00:00.000Z',
        endDate: null,
      },
    ],
    placementReferrals: [
      {
        id: 'FX-PL2-REF',
        date: '2024-01-05T09:00:00.000Z',
        assessmentId: 'FX-ASM1',
        content: {
          summary: 'Needs a stable home',
          risks: ['missing episodes'],
          diagnoses: ['ADHD'],
          medications: ['methylphenidate'],
          ehcpStatus: 'REQUESTED',
          missingHistory: true,
        },
        resultingPlacementId: 'FX-PL2',
      },
    ],
    matchingAssessments: [
      {
        id: 'FX-PL2-MA',
        placementId: 'FX-PL2',
        residentialUnitId: fixtureUnitId,
        date: '2024-01-14T09:00:00.000Z',
        kind: 'IMPACT_ON_RESIDENTS',
        risksConsidered: ['peer exploitation'],
        addressesExistingResidents: false,
      },
    ],
    meetings: [
      {
        id: 'FX-PL2-MTG',
        date: '2024-01-17T10:00:00.000Z',
        type: null,
        statutory: null,
        purpose: 'Agree the placement plan',
        placementId: 'FX-PL2',
        requiredAttendees: null,
        actualAttendees: ['SOCIAL_WORKER', 'CARER'],
        minutesRecipients: null,
        updatedRiskAssessment: false,
      },
    ],
    placementNotifications: [
      { id: 'FX-PL2-N-GP', placementId: 'FX-PL2', recipient: 'GP', date: '2024-01-18T09:00:00.000Z' },
    ],
    coresidentNotifications: [
      {
        id: 'FX-PL2-CRN',
        placementId: 'FX-PL2',
        residentialUnitId: fixtureUnitId,
        notifiedProfessionalId: 'FX-SW2',
        aboutPersonId: coresidentPersonId,
        date: '2024-01-16T09:00:00.000Z',
      },
    ],
  };
}

/** Already living in the fixture's home when the fixture child arrived; a sealed record; an IRO nobody can name. */
function coresidentRecord(): SocialCareRecord {
  return {
    ...emptyRecord(coresidentPersonId, 'FX2'),
    sealed: 'RESTRICTED_ADDRESS',
    claEpisodes: [
      {
        id: 'FX2-EP1',
        periodId: 'FX2-CLA1',
        startDate: '2023-11-01T12:00:00.000Z',
        startReason: 'S',
        legalStatus: 'V2',
        needCode: 'N2',
        ceasedDate: null,
        ceasedReason: null,
        enteredCareDate: '2023-11-01T12:00:00.000Z',
        lastIroContactDate: null,
      },
    ],
    placements: [
      {
        id: 'FX2-PL1',
        claEpisodeId: 'FX2-EP1',
        startDate: '2023-11-01T12:00:00.000Z',
        endDate: null,
        type: 'K2',
        urn: 'SC999001',
        residentialUnitId: fixtureUnitId,
        providerCode: 'PR4',
        postcode: 'LS2 9JT',
        distanceMiles: 1,
        changeReason: null,
        intendedEndDate: null,
        isLongTerm: true,
        awaitingLongTermPlacement: false,
        lastPanelReviewDate: null,
      },
    ],
    involvements: [
      {
        id: 'FX2-INV1',
        professionalId: 'FX-SW2',
        role: 'SOCIAL_WORKER',
        team: 'Children Looked After Team 1',
        startDate: '2023-11-01T12:00:00.000Z',
        endDate: null,
      },
      // A professional the council's workforce tables do not list, so no e-mail names them.
      {
        id: 'FX2-INV2',
        professionalId: unknownProfessionalId,
        role: 'IRO',
        team: 'Independent Reviewing Service',
        startDate: '2023-11-02T09:00:00.000Z',
        endDate: null,
      },
    ],
  };
}

/** The simulator's synthetic area of `size` records, plus the two fixture children and their home. */
export function simulatorPopulation(size: number): Population {
  const population = buildSyntheticPopulation({ socialCareRecords: size, seed: 7 });
  population.professionals.push(...professionals);
  population.residentialUnits.push({
    id: fixtureUnitId,
    urn: 'SC999001',
    name: 'Fixture House',
    providerCode: 'PR4',
    postcode: 'LS2 9JT',
    capacity: 3,
    managerProfessionalId: 'FX-HM',
  });
  population.socialCare.push(fixtureRecord(), coresidentRecord());
  return population;
}
