import { describe, expect, it } from 'vitest';
import type { PlacementReferralValue } from '../../../connectors/social-care/social-care-section.js';
import { emptyHealthRecords, joinedRecord, type RecordOverrides } from '../testing/joined-record-builder.js';
import { referralOutOfDate as rule } from './referral-out-of-date.js';
import { at } from './testing/at.js';
import { assessment, ehcPlan, gpCondition, missingEpisode, placementReferral } from './testing/records.js';

const relied = assessment({
  id: 'AS1',
  startDate: '2025-02-01',
  authorisedDate: '2025-03-02',
  factors: ['4B'],
});

function child(
  referral: Partial<PlacementReferralValue> & { date: string },
  overrides: RecordOverrides = {},
) {
  return joinedRecord({
    ...overrides,
    socialCare: {
      assessments: [relied],
      placementReferrals: [
        placementReferral({
          id: 'RF1',
          assessmentId: 'AS1',
          assessmentAuthorisedDate: '2025-03-02',
          ...referral,
        }),
      ],
      ...(typeof overrides.socialCare === 'object' ? overrides.socialCare : {}),
    },
  });
}

const today = at('2026-06-01');
const findings = (outcome: ReturnType<typeof rule.evaluate>) => {
  if (outcome.kind !== 'DECIDED') throw new Error(`not decided: ${outcome.detail}`);
  return outcome.findings;
};

describe('REFERRAL_OUT_OF_DATE', () => {
  it('relies on an assessment more than 12 months old: not on the anniversary, from the day after', () => {
    expect(findings(rule.evaluate(child({ date: '2026-03-02' }), today))).toEqual([]);
    const [finding] = findings(rule.evaluate(child({ date: '2026-03-03' }), today));
    expect(finding?.subject).toEqual({ kind: 'PLACEMENT_REFERRAL', id: 'RF1' });
    expect(finding?.summary).toBe(
      'A placement referral made on 2026-03-03 relied on an assessment more than 12 months old.',
    );
    expect(finding?.dueDate).toBeNull();
  });

  it('counts 12 months from 29 February to 28 February', () => {
    const leap = (date: string) => child({ date, assessmentAuthorisedDate: '2024-02-29' });
    expect(findings(rule.evaluate(leap('2025-02-28'), today))).toEqual([]);
    expect(findings(rule.evaluate(leap('2025-03-01'), today))).toHaveLength(1);
  });

  it('uses the local threshold', () => {
    expect(
      findings(rule.evaluate(child({ date: '2025-10-01' }), at('2026-06-01', { staleAssessmentMonths: 6 }))),
    ).toHaveLength(1);
  });

  it('relies on no assessment, or on one never authorised', () => {
    expect(
      findings(rule.evaluate(child({ date: '2025-06-01', assessmentId: null }), today))[0]?.summary,
    ).toContain('relied on no assessment');
    expect(
      findings(rule.evaluate(child({ date: '2025-06-01', assessmentAuthorisedDate: null }), today))[0]
        ?.summary,
    ).toContain('not authorised');
  });

  it("leaves out a risk the assessment's factors record", () => {
    const withFactors = (risks: string[]) =>
      child(
        { date: '2025-06-01', risks },
        { socialCare: { assessments: [{ ...relied, factors: ['24A', '4B'] }] } },
      );
    expect(findings(rule.evaluate(withFactors([]), today))[0]?.summary).toContain('left out a risk');
    expect(findings(rule.evaluate(withFactors(['Child criminal exploitation']), today))).toEqual([]);
  });

  it('leaves out a missing history from before the referral', () => {
    const missed = (start: string, missingHistory: boolean | null) =>
      child(
        { date: '2025-06-01', missingHistory },
        { socialCare: { missingEpisodes: [missingEpisode({ startDate: start })] } },
      );
    expect(findings(rule.evaluate(missed('2025-05-01T20:00:00.000Z', false), today))[0]?.summary).toContain(
      'missing history',
    );
    expect(findings(rule.evaluate(missed('2025-05-01T20:00:00.000Z', null), today))).toHaveLength(1);
    expect(findings(rule.evaluate(missed('2025-05-01T20:00:00.000Z', true), today))).toEqual([]);
    expect(findings(rule.evaluate(missed('2025-07-01T20:00:00.000Z', false), today))).toEqual([]);
  });

  it('leaves out a condition the GP recorded as active on the referral date', () => {
    const autism = gpCondition({
      id: 'C1',
      code: '408856003',
      display: 'Autistic disorder',
      onset: '2020-01-01',
    });
    const withGp = (diagnoses: string[], condition = autism) =>
      child({ date: '2025-06-01', diagnoses }, { health: { conditions: [condition] } });
    const [finding] = findings(rule.evaluate(withGp([]), today));
    expect(finding?.summary).toContain('left out a diagnosis the GP records');
    expect(finding?.evidence.find((e) => e.agency === 'HEALTH')).toMatchObject({ recordId: 'C1' });
    expect(JSON.stringify(finding)).not.toContain('Autistic');
    expect(findings(rule.evaluate(withGp(['autistic disorder']), today))).toEqual([]);
    expect(findings(rule.evaluate(withGp([], { ...autism, onset: '2025-07-01' }), today))).toEqual([]);
    expect(
      findings(rule.evaluate(withGp([], { ...autism, active: false, abatement: '2025-05-01' }), today)),
    ).toEqual([]);
    expect(
      findings(rule.evaluate(withGp([], { ...autism, active: false, abatement: '2025-07-01' }), today)),
    ).toHaveLength(1);
  });

  it('does not read the GP mental health record', () => {
    const mental = child(
      { date: '2025-06-01' },
      {
        health: {
          mentalHealth: {
            ...emptyHealthRecords(),
            conditions: [gpCondition({ code: '35489007', onset: '2020-01-01', category: 'MENTAL_HEALTH' })],
          },
        },
      },
    );
    expect(findings(rule.evaluate(mental, today))).toEqual([]);
  });

  it('leaves out an EHC plan in force on the referral date', () => {
    const withPlan = (ehcpStatus: string | null, finalPlanDate = '2024-01-10') =>
      child(
        { date: '2025-06-01', ehcpStatus },
        { education: { ehcNeedsAssessments: [ehcPlan({ finalPlanDate })] } },
      );
    expect(findings(rule.evaluate(withPlan('NONE'), today))[0]?.summary).toContain('left out the EHC plan');
    expect(findings(rule.evaluate(withPlan(null), today))).toHaveLength(1);
    expect(findings(rule.evaluate(withPlan('ISSUED'), today))).toEqual([]);
    expect(findings(rule.evaluate(withPlan('NONE', '2025-08-01'), today))).toEqual([]);
  });

  it('cannot decide a referral with no visible problem while health or education is unreadable', () => {
    expect(rule.evaluate(child({ date: '2025-06-01' }, { health: 'UNAVAILABLE' }), today)).toMatchObject({
      kind: 'NOT_ASSESSED',
      reason: 'AGENCY_UNAVAILABLE',
      agencies: ['health'],
    });
    // An out-of-date assessment is a finding whatever else could not be read.
    expect(
      findings(
        rule.evaluate(
          child({ date: '2026-04-01' }, { health: 'UNAVAILABLE', education: 'TIMED_OUT' }),
          today,
        ),
      ),
    ).toHaveLength(1);
    expect(rule.evaluate(joinedRecord({ socialCare: 'UNAVAILABLE' }), today)).toMatchObject({
      kind: 'NOT_ASSESSED',
      agencies: ['socialCare'],
    });
  });
});
