import { describe, expect, it } from 'vitest';
import { fixtureRecords } from './test-fixtures/child-records.js';
import { toSocialCareSection, toStatus } from './to-social-care-section.js';

const now = '2025-06-30T12:00:00.000Z';

describe('the social care section', () => {
  it('maps a looked-after child’s record, combining a duplicate record', async () => {
    const section = toSocialCareSection(await fixtureRecords('P-100', 'P-101'), now);
    expect(section.personIds).toEqual(['P-100', 'P-101']);
    expect(section.sendFlag).toBe(true);
    expect(section.disabilities).toEqual(['AUT', 'LD']);
    expect(section.status).toEqual({
      lookedAfter: true,
      childInNeed: true,
      childProtectionPlan: false,
      legalStatus: 'C2',
      careLeaver: false,
    });
    expect(section.assessments).toEqual([
      {
        id: 'ASM-1',
        referralId: 'REF-1',
        startDate: '2023-01-12T10:00:00.000Z',
        childSeen: true,
        authorisedDate: '2023-02-20T16:00:00.000Z',
        noFurtherAction: false,
        factors: ['11A', '24A', '10A'],
      },
    ]);
    expect(section.s47Enquiries[0]?.outcomes).toEqual(['CP_CONFERENCE']);
    expect(section.childProtectionPlans[0]).toMatchObject({ initialCategory: 'NEG', latestCategory: 'EMO' });
    // Each episode carries the legal status in force when it began.
    expect(section.careEpisodes.map((e) => [e.id, e.legalStatus])).toEqual([
      ['EP-1', 'V2'],
      ['EP-2', 'C2'],
    ]);
    expect(section.placements[1]).toEqual({
      id: 'PL-2',
      periodOfCareId: 'CLA-1',
      type: 'K2',
      urn: 'SC999001',
      provider: 'PR4',
      postcode: 'LS2 9JT',
      distanceMiles: null,
      startDate: '2024-01-15T12:00:00.000Z',
      endDate: null,
      changeReason: null,
      longTerm: false,
      interim: true,
      intendedEndDate: '2024-04-15T12:00:00.000Z',
      awaitingLongTermPlacement: true,
      lastPanelReviewDate: null,
      residentialUnitId: 'UNIT-1',
    });
    expect(section.placements[0]).toMatchObject({
      id: 'PL-1',
      interim: false,
      longTerm: null,
      distanceMiles: 2.5,
    });
    expect(section.currentPlacement?.id).toBe('PL-2');
    expect(section.lookedAfterReviews.map((r) => r.id)).toEqual(['CLAR-1']);
    expect(section.carePlans).toEqual([
      {
        id: 'CP-1',
        startDate: '2023-06-08T00:00:00.000Z',
        endDate: null,
        permanencePlan: 'Long-term foster care',
        lastReviewedDate: null,
        health: {
          gpName: null,
          gpPracticeCode: null,
          conditions: [],
          medications: [],
          allergies: ['penicillin'],
        },
      },
    ]);
    expect(section.missingEpisodes).toEqual([
      {
        id: 'MISS-1',
        type: 'M',
        startDate: '2024-02-10T22:00:00.000Z',
        endDate: '2024-02-11T08:00:00.000Z',
        returnInterviewOffered: true,
        returnInterviewAccepted: false,
        returnInterviewDate: '2024-02-13T15:00:00.000Z',
        reviewRequested: false,
      },
    ]);
    expect(section.placementReferrals[0]).toMatchObject({
      assessmentId: 'ASM-1',
      assessmentAuthorisedDate: '2023-02-20T16:00:00.000Z',
      risks: ['missing episodes'],
      missingHistory: true,
    });
    expect(section.meetings[0]).toMatchObject({
      type: null,
      statutory: null,
      requiredAttendees: null,
      actualAttendees: ['SOCIAL_WORKER'],
      updatedRiskAssessment: false,
    });
    expect(section.visits.map((v) => [v.id, v.kind, v.childSeenAlone])).toEqual([
      ['CLAV-1', 'LOOKED_AFTER', false],
    ]);
    expect(section.sealedReason).toBeNull();
    expect(section.careLeaver).toBeNull();
  });

  it('says a child in need whose referral closed is no longer in need, and carries no legal status', async () => {
    const [kit] = await fixtureRecords('P-200');
    expect(toStatus(kit ? [kit] : [], now)).toEqual({
      lookedAfter: false,
      childInNeed: false,
      childProtectionPlan: false,
      legalStatus: null,
      careLeaver: false,
    });
    const section = toSocialCareSection(kit ? [kit] : [], now);
    expect(section.referrals).toEqual([
      {
        id: 'REF-2',
        date: '2024-05-01T10:30:00.250Z',
        primaryNeed: 'N4',
        source: null,
        noFurtherAction: false,
        closedDate: '2024-09-01T00:00:00.000Z',
        closeReason: 'RC8',
      },
    ]);
    expect(section.sendFlag).toBeNull();
  });
});
