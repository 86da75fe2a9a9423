import { describe, expect, it } from 'vitest';
import { emptyHealthRecords, joinedRecord } from '../rules/testing/joined-record-builder.js';
import type { PlanItem, PlanKind } from './plan-item.js';
import { plansOf } from './plans-of.js';
import {
  assessment,
  at,
  careEpisode,
  ehc,
  lacReview,
  lookedAfterSince,
  placement,
  ssd,
} from './testing/records.js';

const carePlan = (id: string, start: string) => ({
  id,
  startDate: ssd(start),
  endDate: null,
  permanencePlan: null,
  lastReviewedDate: null,
  health: null,
});

function only(items: PlanItem[], kind: PlanKind): PlanItem {
  const found = items.filter((item) => item.kind === kind);
  if (found.length !== 1) throw new Error(`expected one ${kind}, got ${found.length}`);
  return found[0] as PlanItem;
}

describe('the care plan and placement plan', () => {
  // Entered care Thursday 2 April 2026: 20 working days skip Good Friday, Easter Monday and the May bank holiday.
  const socialCare = lookedAfterSince('2026-04-02', {
    carePlans: [carePlan('CP1', '2026-04-05')],
    placements: [placement('PL1', '2026-04-02')],
    placementPlans: [{ id: 'PP1', placementId: 'PL1', date: ssd('2026-04-03') }],
  });

  it('are due at the first looked-after review, 20 working days after entering care', () => {
    const items = plansOf(joinedRecord({ socialCare }), at('2026-05-05'));
    const plan = only(items, 'CARE_PLAN');
    expect(plan).toMatchObject({
      category: 'LOOKED_AFTER',
      recordId: 'CP1',
      status: 'IN_FORCE',
      date: '2026-04-05',
    });
    expect(plan.nextDue).toMatchObject({
      date: '2026-05-05',
      overdue: false,
      rule: 'LAC_REVIEW_LATE',
      undecided: null,
    });
    expect(plan.nextDue?.source).toEqual({
      kind: 'LAW',
      citation: 'Care Planning, Placement and Case Review (England) Regulations 2010 reg 33',
    });
    expect(plan.relatesTo).toEqual([{ kind: 'PERIOD_OF_CARE', id: 'POC1' }]);
    const placementPlan = only(items, 'PLACEMENT_PLAN');
    expect(placementPlan).toMatchObject({ category: 'PLACEMENT', recordId: 'PP1' });
    expect(placementPlan.nextDue).toMatchObject({ date: '2026-05-05', overdue: false });
    expect(placementPlan.relatesTo).toContainEqual({ kind: 'PLACEMENT', id: 'PL1' });
  });

  it('are overdue the day after the review was due with none held', () => {
    const items = plansOf(joinedRecord({ socialCare }), at('2026-05-06'));
    expect(only(items, 'CARE_PLAN').nextDue).toMatchObject({ date: '2026-05-05', overdue: true });
  });

  it('fall due 3 months after the first review (month end clamped), then 6 months after each later one', () => {
    const afterFirst = { ...socialCare, lookedAfterReviews: [lacReview('LR1', '2026-04-30')] };
    expect(
      only(plansOf(joinedRecord({ socialCare: afterFirst }), at('2026-06-01')), 'CARE_PLAN').nextDue?.date,
    ).toBe('2026-07-30');
    const clamped = lookedAfterSince('2025-11-10', {
      carePlans: [carePlan('CP1', '2025-11-11')],
      lookedAfterReviews: [lacReview('LR1', '2025-11-30')],
    });
    expect(
      only(plansOf(joinedRecord({ socialCare: clamped }), at('2026-01-10')), 'CARE_PLAN').nextDue?.date,
    ).toBe('2026-02-28');
    const later = {
      ...afterFirst,
      lookedAfterReviews: [lacReview('LR1', '2026-04-30'), lacReview('LR2', '2026-07-20')],
    };
    const plan = only(plansOf(joinedRecord({ socialCare: later }), at('2026-08-01')), 'CARE_PLAN');
    expect(plan.nextDue?.date).toBe('2027-01-20');
    expect(plan.lastReviewed).toBe('2026-07-20');
  });

  it('has no due date once the child has left care, and no placement plan for a placement that has ended', () => {
    const left = {
      ...socialCare,
      careEpisodes: [careEpisode('2026-04-02', { ceasedDate: ssd('2026-06-01') })],
      carePlans: [{ ...carePlan('CP1', '2026-04-05'), endDate: ssd('2026-06-01') }],
      placements: [placement('PL1', '2026-04-02', { endDate: ssd('2026-06-01') })],
    };
    const items = plansOf(joinedRecord({ socialCare: left }), at('2026-06-02'));
    expect(items.map((item) => item.kind)).not.toContain('CARE_PLAN');
    expect(items.map((item) => item.kind)).not.toContain('PLACEMENT_PLAN');
  });

  it('says it cannot work out the review date outside the bank-holiday calendar', () => {
    const future = lookedAfterSince('2029-01-08', { carePlans: [carePlan('CP1', '2029-01-09')] });
    expect(
      only(plansOf(joinedRecord({ socialCare: future }), at('2029-01-10')), 'CARE_PLAN').nextDue,
    ).toMatchObject({
      date: null,
      overdue: false,
      undecided: 'OUTSIDE_CALENDAR',
    });
  });

  it('lists the risk and matching assessments of the current placement, with their kind and no due date', () => {
    const withMatching = {
      ...socialCare,
      placementAssessments: [
        {
          id: 'PA1',
          placementId: 'PL1',
          residentialUnitId: null,
          date: ssd('2026-04-01'),
          kind: 'MATCHING',
          risksConsidered: ['Going missing'],
          addressesExistingResidents: true,
        },
        {
          id: 'PA2',
          placementId: 'PL-OLD',
          residentialUnitId: null,
          date: ssd('2025-01-01'),
          kind: 'RISK',
          risksConsidered: [],
          addressesExistingResidents: true,
        },
      ],
    };
    const matching = only(
      plansOf(joinedRecord({ socialCare: withMatching }), at('2026-04-10')),
      'RISK_AND_MATCHING_ASSESSMENT',
    );
    expect(matching).toMatchObject({
      recordId: 'PA1',
      category: 'PLACEMENT',
      detail: 'MATCHING',
      status: 'COMPLETED',
      nextDue: null,
    });
    expect(JSON.stringify(matching)).not.toContain('Going missing');
  });
});

describe('Child and Family Assessments', () => {
  it('are due to be authorised 45 working days from the start, across Christmas and New Year', () => {
    const socialCare = { assessments: [assessment('AS1', '2026-12-18', null)] };
    const onTheDay = only(
      plansOf(joinedRecord({ socialCare }), at('2027-02-24')),
      'CHILD_AND_FAMILY_ASSESSMENT',
    );
    expect(onTheDay).toMatchObject({ status: 'IN_PROGRESS', category: 'SOCIAL_CARE', date: '2026-12-18' });
    expect(onTheDay.nextDue).toMatchObject({
      date: '2027-02-24',
      overdue: false,
      rule: 'ASSESSMENT_OVERDUE',
    });
    expect(onTheDay.relatesTo).toEqual([{ kind: 'REFERRAL', id: 'R1' }]);
    const after = only(
      plansOf(joinedRecord({ socialCare }), at('2027-02-25')),
      'CHILD_AND_FAMILY_ASSESSMENT',
    );
    expect(after.nextDue?.overdue).toBe(true);
  });

  it('are due again at the local threshold while the case is open, or at a later placement move', () => {
    const open = lookedAfterSince('2025-01-06', {
      assessments: [
        assessment('AS1', '2024-12-01', '2024-12-20'),
        assessment('AS2', '2025-05-01', '2025-06-10'),
      ],
      placements: [placement('PL1', '2025-01-06')],
    });
    const latest = only(
      plansOf(joinedRecord({ socialCare: open }), at('2026-06-10')),
      'CHILD_AND_FAMILY_ASSESSMENT',
    );
    expect(latest).toMatchObject({ recordId: 'AS2', status: 'COMPLETED', date: '2025-06-10' });
    expect(latest.nextDue).toMatchObject({ date: '2026-06-10', overdue: false, rule: 'ASSESSMENT_STALE' });
    expect(
      only(
        plansOf(joinedRecord({ socialCare: open }), at('2026-06-10', { staleAssessmentMonths: 6 })),
        'CHILD_AND_FAMILY_ASSESSMENT',
      ).nextDue,
    ).toMatchObject({ date: '2025-12-10', overdue: true });

    const moved = {
      ...open,
      placements: [
        placement('PL1', '2025-01-06', { endDate: ssd('2025-09-01') }),
        placement('PL2', '2025-09-01'),
      ],
    };
    expect(
      only(plansOf(joinedRecord({ socialCare: moved }), at('2025-09-01')), 'CHILD_AND_FAMILY_ASSESSMENT')
        .nextDue,
    ).toMatchObject({ date: '2025-09-01', overdue: false });
    expect(
      only(plansOf(joinedRecord({ socialCare: moved }), at('2025-09-02')), 'CHILD_AND_FAMILY_ASSESSMENT')
        .nextDue,
    ).toMatchObject({ date: '2025-09-01', overdue: true });
  });

  it('have no reassessment date when the case is closed', () => {
    const closed = { assessments: [assessment('AS1', '2024-12-01', '2024-12-20')] };
    expect(
      only(plansOf(joinedRecord({ socialCare: closed }), at('2026-06-10')), 'CHILD_AND_FAMILY_ASSESSMENT')
        .nextDue,
    ).toBeNull();
  });
});

describe('health assessments', () => {
  const check = (id: string, type: string, date: string, status = 'COMPLETED') => ({
    id,
    type,
    date: ssd(date),
    status,
  });

  it('are due 12 months after the latest for a child of five or over, overdue the day after', () => {
    const socialCare = lookedAfterSince('2024-01-08', {
      healthAssessments: [
        check('H1', 'IHA', '2024-01-20'),
        check('H2', 'RHA', '2025-11-25'),
        check('D1', 'DENTAL', '2026-01-05'),
      ],
    });
    const onTheDay = plansOf(joinedRecord({ socialCare }), at('2026-11-25'));
    expect(onTheDay.filter((item) => item.category === 'HEALTH').map((item) => item.recordId)).toEqual([
      'H2',
    ]);
    expect(only(onTheDay, 'REVIEW_HEALTH_ASSESSMENT').nextDue).toMatchObject({
      date: '2026-11-25',
      overdue: false,
      rule: 'RHA_OVERDUE',
    });
    expect(
      only(plansOf(joinedRecord({ socialCare }), at('2026-11-26')), 'REVIEW_HEALTH_ASSESSMENT').nextDue
        ?.overdue,
    ).toBe(true);
  });

  it('are six-monthly before the fifth birthday', () => {
    const socialCare = lookedAfterSince('2025-01-06', {
      healthAssessments: [check('H1', 'RHA', '2025-03-10')],
    });
    const child = { dateOfBirth: '2023-01-15' };
    expect(
      only(plansOf(joinedRecord({ child, socialCare }), at('2025-06-01')), 'REVIEW_HEALTH_ASSESSMENT').nextDue
        ?.date,
    ).toBe('2025-09-10');
  });

  it('list a refused assessment since the latest completed one, and need a date of birth for the interval', () => {
    const socialCare = lookedAfterSince('2024-01-08', {
      healthAssessments: [check('H1', 'RHA', '2025-06-01'), check('H2', 'RHA', '2026-05-20', 'REFUSED')],
    });
    const items = plansOf(joinedRecord({ socialCare, child: { dateOfBirth: null } }), at('2026-06-01'));
    const [completed, refused] = items.filter((item) => item.kind === 'REVIEW_HEALTH_ASSESSMENT');
    expect(completed).toMatchObject({ recordId: 'H1', status: 'COMPLETED' });
    expect(completed?.nextDue).toMatchObject({ date: null, undecided: 'NO_DATE_OF_BIRTH' });
    expect(refused).toMatchObject({
      recordId: 'H2',
      status: 'NOT_COMPLETED',
      detail: 'REFUSED',
      nextDue: null,
    });
  });

  it('owe no review once the child has left care', () => {
    const socialCare = {
      careEpisodes: [careEpisode('2024-01-08', { ceasedDate: ssd('2025-01-08') })],
      healthAssessments: [check('H1', 'RHA', '2024-06-01')],
    };
    expect(
      only(plansOf(joinedRecord({ socialCare }), at('2026-06-01')), 'REVIEW_HEALTH_ASSESSMENT').nextDue,
    ).toBeNull();
  });
});

describe('EHC plans', () => {
  const plansAt = (plan: ReturnType<typeof ehc>, date: string) =>
    plansOf(joinedRecord({ education: { ehcNeedsAssessments: [plan] } }), at(date));

  it('await a decision 6 weeks (42 days) from the request', () => {
    const requested = ehc({ requestDate: '2026-03-02' });
    expect(only(plansAt(requested, '2026-04-13'), 'EHC_PLAN')).toMatchObject({
      status: 'REQUESTED',
      category: 'SEND',
      nextDue: { date: '2026-04-13', overdue: false, rule: 'EHCP_DECISION_LATE' },
    });
    expect(only(plansAt(requested, '2026-04-14'), 'EHC_PLAN').nextDue?.overdue).toBe(true);
  });

  it('await the final plan 20 weeks (140 days) from the request once assessing', () => {
    const assessing = ehc({
      requestDate: '2026-03-02',
      decisionDate: '2026-04-01',
      decisionOutcome: 'Y',
      status: 'ASSESSING',
    });
    expect(only(plansAt(assessing, '2026-07-20'), 'EHC_PLAN').nextDue).toMatchObject({
      date: '2026-07-20',
      overdue: false,
      rule: 'EHCP_ISSUE_LATE',
    });
    expect(only(plansAt(assessing, '2026-07-21'), 'EHC_PLAN').nextDue?.overdue).toBe(true);
  });

  it('are reviewed 12 months after the plan or the last review', () => {
    const issued = ehc({
      requestDate: '2024-01-10',
      decisionDate: '2024-02-10',
      decisionOutcome: 'Y',
      finalPlanDate: '2024-05-10',
      status: 'ISSUED',
      annualReviews: [{ id: 'AR1', date: '2025-05-01', preparingForAdulthoodOutcomes: false }],
    });
    const item = only(plansAt(issued, '2026-05-01'), 'EHC_PLAN');
    expect(item).toMatchObject({ status: 'IN_FORCE', date: '2024-05-10', lastReviewed: '2025-05-01' });
    expect(item.nextDue).toMatchObject({ date: '2026-05-01', overdue: false, rule: 'EHCP_REVIEW_OVERDUE' });
    expect(only(plansAt(issued, '2026-05-02'), 'EHC_PLAN').nextDue?.overdue).toBe(true);
  });

  it('leave out refused, withdrawn and ceased requests', () => {
    for (const plan of [
      ehc({ requestDate: '2026-01-05', decisionOutcome: 'N', decisionDate: '2026-02-01', status: 'REFUSED' }),
      ehc({ requestDate: '2026-01-05', decisionOutcome: 'W', status: 'CEASED' }),
      ehc({ requestDate: '2024-01-05', finalPlanDate: '2024-05-01', status: 'CEASED' }),
    ])
      expect(plansAt(plan, '2026-03-01')).toEqual([]);
  });
});

describe('Personal Education Plans', () => {
  const pep = (id: string, date: string, reviewedDate: string | null = null) => ({
    id,
    date,
    reviewedDate,
    designatedTeacher: null,
  });

  it('are reviewed termly: due by the end of the term after the last one written or reviewed in', () => {
    const socialCare = lookedAfterSince('2025-09-08');
    const spring = { personalEducationPlans: [pep('PEP1', '2026-01-20')] };
    const item = only(
      plansOf(joinedRecord({ socialCare, education: spring }), at('2026-08-31')),
      'PERSONAL_EDUCATION_PLAN',
    );
    expect(item).toMatchObject({
      category: 'EDUCATION',
      status: 'IN_FORCE',
      owner: { role: 'VIRTUAL_SCHOOL_HEAD' },
    });
    expect(item.nextDue).toMatchObject({ date: '2026-08-31', overdue: false, rule: 'PEP_OVERDUE' });
    expect(
      only(
        plansOf(joinedRecord({ socialCare, education: spring }), at('2026-09-01')),
        'PERSONAL_EDUCATION_PLAN',
      ).nextDue?.overdue,
    ).toBe(true);
    const reviewed = { personalEducationPlans: [pep('PEP1', '2026-01-20', '2026-03-31')] };
    expect(
      only(
        plansOf(joinedRecord({ socialCare, education: reviewed }), at('2026-04-01')),
        'PERSONAL_EDUCATION_PLAN',
      ).nextDue?.date,
    ).toBe('2026-08-31');
    const autumn = { personalEducationPlans: [pep('PEP1', '2026-01-20', '2026-09-15')] };
    expect(
      only(
        plansOf(joinedRecord({ socialCare, education: autumn }), at('2026-10-01')),
        'PERSONAL_EDUCATION_PLAN',
      ).nextDue?.date,
    ).toBe('2027-03-31');
  });

  it('are not listed for a child who is not looked after, or has no social care record', () => {
    const education = { personalEducationPlans: [pep('PEP1', '2026-01-20')] };
    expect(plansOf(joinedRecord({ education }), at('2026-02-01'))).toEqual([]);
    expect(plansOf(joinedRecord({ education, socialCare: 'NOT_LINKED' }), at('2026-02-01'))).toEqual([]);
  });

  it('are listed without a due date when social care could not be read to say whether the child is in care', () => {
    const education = { personalEducationPlans: [pep('PEP1', '2026-01-20')] };
    const item = only(
      plansOf(joinedRecord({ education, socialCare: 'UNAVAILABLE' }), at('2026-02-01')),
      'PERSONAL_EDUCATION_PLAN',
    );
    expect(item.nextDue).toMatchObject({ date: null, undecided: 'AGENCY_UNAVAILABLE', rule: 'PEP_OVERDUE' });
  });
});

describe('transition plans', () => {
  const adviser = {
    agency: 'SOCIAL_CARE' as const,
    name: 'A Adviser',
    role: 'PERSONAL_ADVISER',
    organisation: null,
    email: 'A.Adviser@council.example',
    phone: null,
    since: null,
  };
  const leaver = (overrides: Record<string, string | null>) => ({
    eligibility: 'Eligible',
    inTouch: null,
    accommodation: null,
    accommodationSuitable: null,
    activity: null,
    latestContact: null,
    needsAssessmentDate: null,
    pathwayPlanDate: null,
    pathwayPlanReviewDate: null,
    personalAdviser: adviser,
    ...overrides,
  });

  it('review a pathway plan at least every 6 months from the plan or its last review', () => {
    const socialCare = {
      careLeaver: leaver({
        needsAssessmentDate: ssd('2026-03-01'),
        pathwayPlanDate: ssd('2026-04-10'),
        pathwayPlanReviewDate: ssd('2026-08-01'),
      }),
    };
    const item = only(plansOf(joinedRecord({ socialCare }), at('2026-09-01')), 'PATHWAY_PLAN');
    expect(item).toMatchObject({
      agency: 'SOCIAL_CARE',
      category: 'LOOKED_AFTER',
      recordId: null,
      status: 'IN_FORCE',
      lastReviewed: '2026-08-01',
      owner: { role: 'TRANSITION_WORKER', name: 'A Adviser', person: 'a.adviser@council.example' },
    });
    expect(item.nextDue).toMatchObject({ date: '2027-02-01', overdue: false, rule: null });
  });

  it('expect the pathway plan 6 weeks after the needs assessment', () => {
    const socialCare = { careLeaver: leaver({ needsAssessmentDate: ssd('2026-03-01') }) };
    expect(only(plansOf(joinedRecord({ socialCare }), at('2026-04-12')), 'PATHWAY_PLAN')).toMatchObject({
      status: 'IN_PROGRESS',
      detail: 'NEEDS_ASSESSED',
      nextDue: { date: '2026-04-12', overdue: false, rule: 'PATHWAY_ASSESSMENT_LATE' },
    });
    expect(
      only(plansOf(joinedRecord({ socialCare }), at('2026-04-13')), 'PATHWAY_PLAN').nextDue?.overdue,
    ).toBe(true);
  });

  it("list adult services' pathway plans, Care Act assessments and the latest handoff under ADULT_SERVICES", () => {
    const adultServices = {
      pathwayPlans: [
        { id: 'APP1', needsAssessmentDate: '2026-02-01', planDate: '2026-03-01', personalAdviser: null },
      ],
      s58Assessments: [
        {
          id: 'S1',
          referralDate: '2025-01-10',
          assessmentDate: '2025-03-01',
          outcome: 'NOT_ELIGIBLE' as const,
        },
        { id: 'S2', referralDate: '2026-05-01', assessmentDate: null, outcome: 'PENDING' as const },
      ],
      transitionReferrals: [
        {
          id: 'TR1',
          date: '2025-12-01',
          source: 'CHILDRENS_SERVICES',
          reason: 'Transition handoff ASC-1 for a named person',
        },
        { id: 'TR0', date: '2024-12-01', source: 'GP', reason: 'x' },
      ],
    };
    const items = plansOf(joinedRecord({ adultServices }), at('2026-06-01'));
    expect(
      items.every((item) => item.category === 'ADULT_SERVICES' && item.agency === 'ADULT_SERVICES'),
    ).toBe(true);
    expect(only(items, 'PATHWAY_PLAN')).toMatchObject({ recordId: 'APP1', nextDue: { date: '2026-09-01' } });
    expect(
      items
        .filter((item) => item.kind === 'CARE_ACT_ASSESSMENT')
        .map((item) => [item.recordId, item.status, item.detail, item.nextDue]),
    ).toEqual([
      ['S1', 'COMPLETED', 'NOT_ELIGIBLE', null],
      ['S2', 'IN_PROGRESS', 'PENDING', null],
    ]);
    const handoff = only(items, 'TRANSITION_HANDOFF');
    expect(handoff).toMatchObject({
      recordId: 'TR1',
      status: 'RECEIVED',
      detail: 'CHILDRENS_SERVICES',
      date: '2025-12-01',
    });
    expect(JSON.stringify(items)).not.toContain('named person');
  });
});

describe('the whole list', () => {
  it('puts overdue items first, then by due date, then those with no timescale', () => {
    const socialCare = lookedAfterSince('2026-04-02', {
      carePlans: [carePlan('CP1', '2026-04-05')],
      assessments: [assessment('AS1', '2026-01-05', null)],
    });
    const education = { ehcNeedsAssessments: [ehc({ requestDate: '2026-04-20' })] };
    const adultServices = {
      transitionReferrals: [{ id: 'TR1', date: '2026-04-01', source: 'CHILDRENS_SERVICES', reason: '' }],
    };
    const items = plansOf(joinedRecord({ socialCare, education, adultServices }), at('2026-04-21'));
    expect(
      items.map((item) => [item.kind, item.nextDue?.date ?? null, item.nextDue?.overdue ?? null]),
    ).toEqual([
      ['CHILD_AND_FAMILY_ASSESSMENT', '2026-03-09', true],
      ['CARE_PLAN', '2026-05-05', false],
      ['EHC_PLAN', '2026-06-01', false],
      ['TRANSITION_HANDOFF', null, null],
    ]);
  });

  it('leaves out what an unreadable agency holds, and keeps what the others hold', () => {
    const socialCare = lookedAfterSince('2026-04-02', { carePlans: [carePlan('CP1', '2026-04-05')] });
    const items = plansOf(
      joinedRecord({ socialCare, education: 'UNAVAILABLE', health: { ...emptyHealthRecords() } }),
      at('2026-04-21'),
    );
    expect(items.map((item) => item.kind)).toEqual(['CARE_PLAN']);
    expect(plansOf(joinedRecord({ socialCare: 'TIMED_OUT' }), at('2026-04-21'))).toEqual([]);
  });
});
