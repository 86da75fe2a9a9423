import { describe, expect, it } from 'vitest';
import type { SocialCareSectionValue } from '../../../connectors/social-care/social-care-section.js';
import { joinedRecord, ruleContext } from '../testing/joined-record-builder.js';
import { assessmentStale } from './assessment-stale.js';
import {
  assessment,
  at,
  episode,
  findingsOf,
  inCareFrom,
  on,
  placement,
  referral,
} from './testing/care-records.js';

const evaluate = (socialCare: Partial<SocialCareSectionValue>, today: string, months?: number) =>
  assessmentStale.evaluate(
    joinedRecord({ socialCare }),
    ruleContext(on(today), months === undefined ? {} : { staleAssessmentMonths: months }),
  );

const childInNeed = { referrals: [referral('R1', '2025-06-01')] };

describe('ASSESSMENT_STALE', () => {
  it('an open case’s latest assessment goes stale the day after it is 12 months old', () => {
    const record = {
      ...childInNeed,
      assessments: [
        assessment('A0', '2025-06-02', '2025-06-20'),
        assessment('A1', '2025-11-01', '2025-11-25'),
      ],
    };
    expect(findingsOf(evaluate(record, '2026-11-24'))).toEqual([]);
    expect(findingsOf(evaluate(record, '2026-11-25'))).toEqual([]);
    const [finding] = findingsOf(evaluate(record, '2026-11-26'));
    expect(finding).toMatchObject({ subject: { kind: 'CHILD', id: 'child-1' }, dueDate: '2026-11-25' });
    expect(finding?.summary).toContain('more than 12 months old (local threshold)');
    expect(finding?.evidence[0]).toMatchObject({
      recordId: 'A1',
      fact: 'latest assessment authorised 2025-11-25',
    });
  });

  it('uses the local threshold from configuration', () => {
    const record = { ...childInNeed, assessments: [assessment('A1', '2026-01-05', '2026-01-20')] };
    expect(findingsOf(evaluate(record, '2026-07-20', 6))).toEqual([]);
    expect(findingsOf(evaluate(record, '2026-07-21', 6))[0]?.dueDate).toBe('2026-07-20');
    expect(findingsOf(evaluate(record, '2026-07-21'))).toEqual([]);
  });

  it('an assessment authorised on 29 February is 12 months old on 28 February', () => {
    const record = {
      referrals: [referral('R1', '2024-01-15')],
      assessments: [assessment('A1', '2024-02-01', '2024-02-29')],
    };
    expect(findingsOf(evaluate(record, '2025-02-28'))).toEqual([]);
    expect(findingsOf(evaluate(record, '2025-03-01'))[0]?.dueDate).toBe('2025-02-28');
  });

  it('for a looked-after child, an assessment older than the latest placement move is stale from the day after the move', () => {
    const record = {
      ...inCareFrom('2026-01-10'),
      placements: [
        placement('PL1', '2026-01-10', { endDate: at('2026-09-10') }),
        placement('PL2', '2026-09-10'),
      ],
      assessments: [assessment('A1', '2026-05-10', '2026-06-01')],
    };
    expect(findingsOf(evaluate(record, '2026-09-10'))).toEqual([]);
    const [finding] = findingsOf(evaluate(record, '2026-09-11'));
    expect(finding).toMatchObject({ dueDate: '2026-09-10' });
    expect(finding?.summary).toContain('older than the placement move on 2026-09-10');
    expect(finding?.evidence.map((e) => e.fact)).toContain('placement started 2026-09-10');
    const reassessed = {
      ...record,
      assessments: [...record.assessments, assessment('A2', '2026-09-01', '2026-09-10')],
    };
    expect(findingsOf(evaluate(reassessed, '2026-10-01'))).toEqual([]);
  });

  it('coming into care after the latest assessment makes it stale too', () => {
    const record = {
      ...inCareFrom('2026-09-01'),
      ...childInNeed,
      assessments: [assessment('A1', '2026-05-10', '2026-06-01')],
    };
    expect(findingsOf(evaluate(record, '2026-09-02'))[0]?.dueDate).toBe('2026-09-01');
  });

  it('takes the earlier due date when the assessment is both too old and older than the move', () => {
    const record = {
      ...inCareFrom('2026-03-01'),
      assessments: [assessment('A1', '2025-01-01', '2025-02-01')],
    };
    const [finding] = findingsOf(evaluate(record, '2026-11-25'));
    expect(finding?.dueDate).toBe('2026-02-01');
    expect(finding?.summary).toContain('and older than the placement move on 2026-03-01');
  });

  it('placement history does not count once the child has left care', () => {
    const record = {
      ...childInNeed,
      careEpisodes: [episode('E1', '2026-02-01', { ceasedDate: at('2026-08-01') })],
      placements: [placement('PL1', '2026-02-01', { endDate: at('2026-08-01') })],
      assessments: [assessment('A1', '2026-01-02', '2026-01-20')],
    };
    expect(findingsOf(evaluate(record, '2026-11-25'))).toEqual([]);
  });

  it('a closed case, or a referral ended with no further action, is not open', () => {
    const old = [assessment('A1', '2020-01-06', '2020-02-01')];
    expect(findingsOf(evaluate({ assessments: old }, '2026-11-25'))).toEqual([]);
    const closed = {
      referrals: [referral('R1', '2020-01-01', { closedDate: at('2020-06-01') })],
      assessments: old,
    };
    expect(findingsOf(evaluate(closed, '2026-11-25'))).toEqual([]);
    const nfa = { referrals: [referral('R1', '2020-01-01', { noFurtherAction: true })], assessments: old };
    expect(findingsOf(evaluate(nfa, '2026-11-25'))).toEqual([]);
    const plan = {
      childProtectionPlans: [
        {
          id: 'CPP1',
          startDate: at('2026-01-01'),
          endDate: null,
          initialCategory: 'NEG',
          latestCategory: 'NEG',
          initialConferenceId: null,
        },
      ],
      assessments: old,
    };
    const [finding] = findingsOf(evaluate(plan, '2026-11-25'));
    expect(finding?.evidence.map((e) => e.fact)).toContain('case open');
  });

  it('an open case with no completed assessment is a finding unless one is in progress', () => {
    const [none] = findingsOf(evaluate(childInNeed, '2026-11-25'));
    expect(none).toMatchObject({ dueDate: null });
    expect(none?.summary).toContain('no completed assessment');
    expect(
      findingsOf(
        evaluate({ ...childInNeed, assessments: [assessment('A1', '2026-11-01', null)] }, '2026-11-25'),
      ),
    ).toEqual([]);
  });

  it('cannot decide without social care, or with an unreadable date', () => {
    expect(
      assessmentStale.evaluate(joinedRecord({ socialCare: 'UNAVAILABLE' }), ruleContext()),
    ).toMatchObject({
      kind: 'NOT_ASSESSED',
      reason: 'AGENCY_UNAVAILABLE',
      agencies: ['socialCare'],
    });
    const garbled = {
      ...childInNeed,
      assessments: [{ ...assessment('A1', '2026-01-01', null), authorisedDate: '2026-13-45' }],
    };
    expect(evaluate(garbled, '2026-11-25')).toMatchObject({ kind: 'NOT_ASSESSED', reason: 'MISSING_DATA' });
  });
});
