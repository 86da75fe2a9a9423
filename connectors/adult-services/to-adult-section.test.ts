import { describe, expect, it } from 'vitest';
import { toAdultSection } from './to-adult-section.js';
import { fixturePerson } from './test-fixtures/fixtures.js';

describe('toAdultSection', () => {
  it('maps referrals, s58 assessments, pathway plans, the transition worker and CLD events, oldest first', () => {
    expect(toAdultSection([fixturePerson('AP-1')])).toEqual({
      personIds: ['AP-1'],
      transitionReferrals: [
        { id: 'TR-9', date: '2024-09-02', source: 'CHILDRENS_SERVICES', reason: 'EHCP and disability' },
      ],
      s58Assessments: [
        { id: 'S58-8', referralDate: '2023-01-10', assessmentDate: '2023-03-01', outcome: 'NOT_ELIGIBLE' },
        { id: 'S58-9', referralDate: '2024-09-02', assessmentDate: null, outcome: 'PENDING' },
      ],
      pathwayPlans: [
        {
          id: 'PP-9',
          needsAssessmentDate: '2024-06-01',
          planDate: '2024-08-15',
          personalAdviser: {
            agency: 'ADULT_SERVICES',
            name: 'Pip Adviser',
            role: 'PERSONAL_ADVISER',
            organisation: 'Fixture Council',
            email: 'Leaving.Care@Council.example',
            phone: '01000 200002',
            since: '2024-08-15',
          },
        },
      ],
      transitionWorkers: [
        {
          agency: 'ADULT_SERVICES',
          name: 'Tam Worker',
          role: 'TRANSITION_WORKER',
          organisation: 'Fixture Adult Social Care',
          email: 'transitions@asc.example',
          phone: '01000 200001',
          since: null,
        },
      ],
      cldEvents: [
        { id: 'EV-1', eventType: 'REQUEST', date: '2024-09-02', detail: 'Transition referral' },
        {
          id: 'EV-2',
          eventType: 'ASSESSMENT',
          date: '2024-10-01',
          detail: 'Care Act s58 assessment started',
        },
      ],
    });
  });

  it('combines duplicate records without repeats', () => {
    const section = toAdultSection([fixturePerson('AP-1'), fixturePerson('AP-2')]);
    expect(section.personIds).toEqual(['AP-1', 'AP-2']);
    expect(section.transitionWorkers).toHaveLength(1);
    expect(section.cldEvents.map((event) => event.id)).toEqual(['EV-1', 'EV-2', 'EV-7']);
  });

  it('keeps a pathway plan that has a needs assessment but no plan yet', () => {
    expect(toAdultSection([fixturePerson('AP-3')])).toMatchObject({
      pathwayPlans: [
        { id: 'PP-3', needsAssessmentDate: '2025-01-20', planDate: null, personalAdviser: null },
      ],
      transitionWorkers: [],
    });
  });
});
