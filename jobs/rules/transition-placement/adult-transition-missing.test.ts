import { describe, expect, it } from 'vitest';
import { emptyHealthRecords, joinedRecord, type RecordOverrides } from '../testing/joined-record-builder.js';
import { adultTransitionMissing as rule } from './adult-transition-missing.js';
import { at } from './testing/at.js';
import { ehcPlan, gpCondition } from './testing/records.js';

// 17 on 10 June 2026, 18 on 10 June 2027.
const dateOfBirth = '2009-06-10';
const autism = '408856003';
const asthma = '195967001';

function child(overrides: RecordOverrides = {}) {
  return joinedRecord({
    child: { dateOfBirth },
    socialCare: { disabilities: ['AUT'] },
    adultServices: 'NOT_LINKED',
    ...overrides,
  });
}

const findings = (outcome: ReturnType<typeof rule.evaluate>) => {
  if (outcome.kind !== 'DECIDED') throw new Error(`not decided: ${outcome.detail}`);
  return outcome.findings;
};

describe('ADULT_TRANSITION_MISSING', () => {
  it('falls due on the 17th birthday: nothing that day, a finding the day after, none from 18', () => {
    expect(findings(rule.evaluate(child(), at('2026-06-10')))).toEqual([]);
    const [finding] = findings(rule.evaluate(child(), at('2026-06-11')));
    expect(finding?.dueDate).toBe('2026-06-10');
    expect(finding?.summary).toContain('local threshold age 17');
    expect(finding?.evidence.map((e) => e.fact)).toContain('no adult services record for the child');
    expect(findings(rule.evaluate(child(), at('2027-06-09')))).toHaveLength(1);
    expect(findings(rule.evaluate(child(), at('2027-06-10')))).toEqual([]);
  });

  it('uses the local threshold age', () => {
    expect(findings(rule.evaluate(child(), at('2025-06-11', { adultTransitionAge: 16 })))).toHaveLength(1);
    expect(findings(rule.evaluate(child(), at('2025-06-10', { adultTransitionAge: 16 })))).toEqual([]);
  });

  it('reaches 17 on 1 March for a 29 February birthday', () => {
    const leap = child({ child: { dateOfBirth: '2008-02-29' } });
    expect(findings(rule.evaluate(leap, at('2025-03-01')))).toEqual([]);
    expect(findings(rule.evaluate(leap, at('2025-03-02')))[0]?.dueDate).toBe('2025-03-01');
  });

  it('is answered by a transition referral or an s58 assessment at any time', () => {
    const referred = child({
      adultServices: {
        transitionReferrals: [{ id: 'TR1', date: '2026-09-01', source: 'LA', reason: 'EHCP' }],
      },
    });
    expect(findings(rule.evaluate(referred, at('2026-10-01')))).toEqual([]);
    const assessed = child({
      adultServices: {
        s58Assessments: [{ id: 'S1', referralDate: '2026-07-01', assessmentDate: null, outcome: 'PENDING' }],
      },
    });
    expect(findings(rule.evaluate(assessed, at('2026-10-01')))).toEqual([]);
    const empty = child({ adultServices: {} });
    expect(findings(rule.evaluate(empty, at('2026-10-01')))[0]?.evidence.map((e) => e.fact)).toContain(
      'no transition referral or s58 assessment recorded',
    );
  });

  it('needs an indicator: an issued EHC plan, a disability, or an active complex GP condition', () => {
    const none = { socialCare: { disabilities: [] } };
    expect(findings(rule.evaluate(child(none), at('2026-10-01')))).toEqual([]);
    expect(
      findings(rule.evaluate(child({ socialCare: { disabilities: ['NONE'] } }), at('2026-10-01'))),
    ).toEqual([]);
    expect(
      findings(
        rule.evaluate(child({ ...none, education: { ehcNeedsAssessments: [ehcPlan()] } }), at('2026-10-01')),
      ),
    ).toHaveLength(1);
    expect(
      findings(
        rule.evaluate(
          child({
            ...none,
            education: { ehcNeedsAssessments: [ehcPlan({ status: 'REFUSED', finalPlanDate: null })] },
          }),
          at('2026-10-01'),
        ),
      ),
    ).toEqual([]);
    const gp = (conditions: ReturnType<typeof gpCondition>[]) => child({ ...none, health: { conditions } });
    expect(findings(rule.evaluate(gp([gpCondition({ code: autism })]), at('2026-10-01')))).toHaveLength(1);
    expect(
      findings(rule.evaluate(gp([gpCondition({ code: autism, active: false })]), at('2026-10-01'))),
    ).toEqual([]);
    expect(findings(rule.evaluate(gp([gpCondition({ code: asthma })]), at('2026-10-01')))).toEqual([]);
  });

  it('does not read the GP mental health record', () => {
    const mental = child({
      socialCare: { disabilities: [] },
      health: {
        mentalHealth: {
          ...emptyHealthRecords(),
          conditions: [gpCondition({ code: autism, category: 'MENTAL_HEALTH' })],
        },
      },
    });
    expect(findings(rule.evaluate(mental, at('2026-10-01')))).toEqual([]);
  });

  it('cannot decide when adult services, or an agency that might hold the only indicator, cannot be read', () => {
    expect(rule.evaluate(child({ adultServices: 'UNAVAILABLE' }), at('2026-10-01'))).toMatchObject({
      kind: 'NOT_ASSESSED',
      reason: 'AGENCY_UNAVAILABLE',
      agencies: ['adultServices'],
    });
    const noIndicator = child({
      socialCare: { disabilities: [] },
      health: 'TIMED_OUT',
      education: 'UNAVAILABLE',
    });
    expect(rule.evaluate(noIndicator, at('2026-10-01'))).toMatchObject({
      kind: 'NOT_ASSESSED',
      agencies: ['education', 'health'],
    });
    // An indicator in a part that was read decides it, whatever else is down.
    expect(findings(rule.evaluate(child({ health: 'TIMED_OUT' }), at('2026-10-01')))).toHaveLength(1);
    expect(rule.evaluate(child({ child: { dateOfBirth: null } }), at('2026-10-01'))).toMatchObject({
      kind: 'NOT_ASSESSED',
      reason: 'MISSING_DATA',
    });
  });
});
