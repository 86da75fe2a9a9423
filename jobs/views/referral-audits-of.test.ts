import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  emptyHealthRecords,
  joinedRecord,
  type RecordOverrides,
} from '../rules/testing/joined-record-builder.js';
import { names, referralAuditsOf, type ReferralAudit } from './referral-audits-of.js';
import {
  assessment,
  at,
  condition,
  ehc,
  medication,
  missingEpisode,
  placementReferral,
  ssd,
} from './testing/records.js';

function onlyAudit(overrides: RecordOverrides, date: string, config = {}): ReferralAudit {
  const audits = referralAuditsOf(joinedRecord(overrides), at(date, config));
  if (audits.length !== 1) throw new Error(`expected one audit, got ${audits.length}`);
  return audits[0] as ReferralAudit;
}

const relying = (date: string, authorised: string | null, extra = {}) => ({
  assessments: [assessment('AS1', '2024-01-02', authorised)],
  placementReferrals: [
    placementReferral('RF1', date, {
      assessmentId: 'AS1',
      assessmentAuthorisedDate: authorised === null ? null : ssd(authorised),
      resultingPlacementId: 'PL9',
    }),
  ],
  ...extra,
});

describe('the assessment a referral relied on', () => {
  it('is in date up to the threshold on the referral day, and out of date the day after', () => {
    const inDate = onlyAudit({ socialCare: relying('2025-03-10', '2024-03-10') }, '2026-01-01');
    expect(inDate).toMatchObject({
      referralId: 'RF1',
      date: '2025-03-10',
      resultingPlacementId: 'PL9',
      childId: 'child-1',
    });
    expect(inDate.assessment).toEqual({
      problem: 'NONE',
      assessmentId: 'AS1',
      authorisedDate: '2024-03-10',
      ageAtReferralDays: 365,
      ageTodayDays: 662,
      thresholdMonths: 12,
      newerAssessmentId: null,
    });
    expect(
      onlyAudit({ socialCare: relying('2025-03-11', '2024-03-10') }, '2026-01-01').assessment.problem,
    ).toBe('OUT_OF_DATE');
    expect(
      onlyAudit({ socialCare: relying('2025-03-11', '2024-03-10') }, '2026-01-01', {
        staleAssessmentMonths: 13,
      }).assessment.problem,
    ).toBe('NONE');
  });

  it('names a newer authorised assessment the referral could have used', () => {
    const socialCare = relying('2025-06-01', '2024-03-10', {
      assessments: [
        assessment('AS1', '2024-01-02', '2024-03-10'),
        assessment('AS2', '2025-01-02', '2025-02-01'),
        assessment('AS3', '2025-07-01', '2025-07-10'),
      ],
    });
    expect(onlyAudit({ socialCare }, '2026-01-01').assessment).toMatchObject({
      problem: 'OUT_OF_DATE',
      newerAssessmentId: 'AS2',
    });
  });

  it('is missing, or was not authorised when the referral was made', () => {
    const none = { placementReferrals: [placementReferral('RF1', '2025-06-01')] };
    expect(onlyAudit({ socialCare: none }, '2026-01-01').assessment).toMatchObject({
      problem: 'NO_ASSESSMENT',
      ageAtReferralDays: null,
    });
    expect(onlyAudit({ socialCare: relying('2025-06-01', null) }, '2026-01-01').assessment.problem).toBe(
      'NOT_AUTHORISED',
    );
    expect(
      onlyAudit({ socialCare: relying('2025-06-01', '2025-06-02') }, '2026-01-01').assessment.problem,
    ).toBe('NOT_AUTHORISED');
  });
});

describe('what other records show and the referral leaves out', () => {
  it('lists risks in the latest authorised assessment, then and now, that the referral does not name', () => {
    const socialCare = {
      assessments: [
        assessment('AS0', '2023-01-02', '2023-02-01', ['14A']),
        assessment('AS1', '2024-01-02', '2024-02-01', ['24A', '13A', '4B']),
        assessment('AS2', '2025-08-01', '2025-09-01', ['11A', '24A']),
      ],
      placementReferrals: [
        placementReferral('RF1', '2025-06-01', { assessmentId: 'AS1', risks: ['Gang involvement'] }),
      ],
    };
    const audit = onlyAudit({ socialCare }, '2026-01-01');
    expect(audit.omissions).toEqual([
      {
        kind: 'RISK',
        category: 'EXPLOITATION_RISK',
        agency: 'SOCIAL_CARE',
        recordId: 'AS1',
        what: 'child criminal exploitation',
        recordedOn: '2024-02-01',
        knownAtReferral: true,
      },
      {
        kind: 'RISK',
        category: 'EXPLOITATION_RISK',
        agency: 'SOCIAL_CARE',
        recordId: 'AS2',
        what: 'child sexual exploitation',
        recordedOn: '2025-09-01',
        knownAtReferral: false,
      },
    ]);
  });

  it('lists a missing history the referral does not record, before and since it (away episodes are not missing)', () => {
    const socialCare = {
      missingEpisodes: [
        missingEpisode('M1', '2025-01-05'),
        missingEpisode('M2', '2025-03-05'),
        missingEpisode('A1', '2025-04-01', 'A'),
        missingEpisode('M3', '2025-06-01'),
      ],
      placementReferrals: [placementReferral('RF1', '2025-06-01')],
    };
    const audit = onlyAudit({ socialCare }, '2026-01-01');
    expect(audit.omissions).toEqual([
      expect.objectContaining({
        kind: 'MISSING_HISTORY',
        recordId: 'M2',
        knownAtReferral: true,
        what: '2 missing episode(s) before the referral, the latest from 2025-03-05',
      }),
      expect.objectContaining({
        kind: 'MISSING_HISTORY',
        recordId: 'M3',
        knownAtReferral: false,
        recordedOn: '2025-06-01',
      }),
    ]);
    const recorded = {
      ...socialCare,
      placementReferrals: [placementReferral('RF1', '2025-06-01', { missingHistory: true })],
    };
    expect(onlyAudit({ socialCare: recorded }, '2026-01-01').omissions).toEqual([]);
  });

  it('lists GP diagnoses and medicines the referral does not name, each under its own category', () => {
    const socialCare = {
      placementReferrals: [
        placementReferral('RF1', '2025-06-01', {
          diagnoses: ['ADHD combined type', 'Attention deficit hyperactivity disorder'],
          medications: ['Sertraline'],
        }),
      ],
    };
    const health = {
      ...emptyHealthRecords(),
      conditions: [
        condition('C1', 'Attention deficit hyperactivity disorder', { onset: '2019' }),
        condition('C2', 'Asthma', { onset: '2025-06-01' }),
        condition('C3', 'Eczema', { onset: '2025-08-01' }),
        condition('C4', 'Chickenpox', { onset: '2025-01-01', abatement: '2025-02-01', active: false }),
      ],
      medications: [
        medication('M1', 'Methylphenidate 18mg modified-release tablets', { start: '2024-01-01' }),
        medication('M2', 'Salbutamol inhaler', {
          start: '2025-01-01',
          end: '2025-05-31',
          status: 'completed',
        }),
      ],
      mentalHealth: {
        ...emptyHealthRecords(),
        conditions: [
          condition('C9', 'Depressive disorder', { onset: '2025-04-01', category: 'MENTAL_HEALTH' }),
        ],
        medications: [
          medication('M9', 'Sertraline 50mg tablets', { start: '2025-04-01', category: 'MENTAL_HEALTH' }),
        ],
      },
      sexualHealth: {
        ...emptyHealthRecords(),
        conditions: [condition('C8', 'A sexual health condition', { category: 'SEXUAL_HEALTH' })],
      },
    };
    const audit = onlyAudit({ socialCare, health: health as never }, '2026-01-01');
    expect(
      audit.omissions.map((o) => [o.kind, o.category, o.recordId, o.recordedOn, o.knownAtReferral]),
    ).toEqual([
      ['DIAGNOSIS', 'HEALTH', 'C2', '2025-06-01', true],
      ['DIAGNOSIS', 'HEALTH', 'C3', '2025-08-01', false],
      ['MEDICATION', 'HEALTH', 'M1', '2024-01-01', true],
      ['DIAGNOSIS', 'MENTAL_HEALTH', 'C9', '2025-04-01', true],
    ]);
    expect(audit.omissions.every((o) => o.agency === 'HEALTH')).toBe(true);
    expect(JSON.stringify(audit)).not.toContain('sexual');
  });

  it('lists an EHC plan in force, or a needs assessment under way, that the referral does not give', () => {
    const referral = (ehcpStatus: string | null) => ({
      placementReferrals: [placementReferral('RF1', '2025-06-01', { ehcpStatus })],
    });
    const issued = {
      ehcNeedsAssessments: [
        ehc({
          requestDate: '2024-01-10',
          decisionDate: '2024-02-01',
          decisionOutcome: 'Y',
          finalPlanDate: '2024-05-10',
          status: 'ISSUED',
        }),
      ],
    };
    expect(onlyAudit({ socialCare: referral('NONE'), education: issued }, '2026-01-01').omissions).toEqual([
      {
        kind: 'EHC_PLAN',
        category: 'SEND',
        agency: 'EDUCATION',
        recordId: 'EHC1',
        what: 'EHC plan issued; the referral gives EHCP status NONE',
        recordedOn: '2024-05-10',
        knownAtReferral: true,
      },
    ]);
    expect(onlyAudit({ socialCare: referral('ISSUED'), education: issued }, '2026-01-01').omissions).toEqual(
      [],
    );
    const issuedSince = {
      ehcNeedsAssessments: [{ ...issued.ehcNeedsAssessments[0]!, finalPlanDate: '2025-09-01' }],
    };
    expect(
      onlyAudit({ socialCare: referral('REQUESTED'), education: issuedSince }, '2026-01-01').omissions,
    ).toEqual([expect.objectContaining({ kind: 'EHC_PLAN', knownAtReferral: false })]);
    const underWay = { ehcNeedsAssessments: [ehc({ requestDate: '2025-05-01' })] };
    expect(onlyAudit({ socialCare: referral(null), education: underWay }, '2026-01-01').omissions).toEqual([
      expect.objectContaining({
        kind: 'EHC_NEEDS_ASSESSMENT',
        what: 'EHC needs assessment requested; the referral gives EHCP status NOT_RECORDED',
      }),
    ]);
    expect(
      onlyAudit({ socialCare: referral('REQUESTED'), education: underWay }, '2026-01-01').omissions,
    ).toEqual([]);
    const refusedBefore = {
      ehcNeedsAssessments: [
        ehc({
          requestDate: '2025-01-01',
          decisionDate: '2025-02-01',
          decisionOutcome: 'N',
          status: 'REFUSED',
        }),
      ],
    };
    expect(
      onlyAudit({ socialCare: referral('NONE'), education: refusedBefore }, '2026-01-01').omissions,
    ).toEqual([]);
  });

  it('says which agencies it could not compare with, rather than finding nothing there', () => {
    const socialCare = { placementReferrals: [placementReferral('RF1', '2025-06-01')] };
    const audit = onlyAudit({ socialCare, health: 'TIMED_OUT', education: 'NOT_LINKED' }, '2026-01-01');
    expect(audit.notCompared).toEqual([
      {
        agency: 'HEALTH',
        state: 'TIMED_OUT',
        asOf: '2026-11-25T09:00:00.000Z',
        reason: 'UPSTREAM_UNAVAILABLE',
      },
    ]);
    expect(audit.omissions).toEqual([]);
  });

  it('audits nothing without a readable social care record, and no referral dated after today', () => {
    expect(referralAuditsOf(joinedRecord({ socialCare: 'UNAVAILABLE' }), at('2026-01-01'))).toEqual([]);
    const future = {
      placementReferrals: [placementReferral('RF1', '2026-01-02'), placementReferral('RF0', '2025-12-01')],
    };
    expect(
      referralAuditsOf(joinedRecord({ socialCare: future }), at('2026-01-01')).map((a) => a.referralId),
    ).toEqual(['RF0']);
  });
});

describe('names', () => {
  it('finds any item in a list that contains it, whatever the case and spacing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string()),
        fc.string({ minLength: 1 }),
        fc.array(fc.string()),
        (before, item, after) => {
          fc.pre(item.trim() !== '');
          const shouted = `  ${item.toUpperCase()}  `;
          expect(names([...before, shouted, ...after], item.toUpperCase())).toBe(true);
        },
      ),
    );
  });

  it('does not find an item in an empty or missing list', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => s.trim() !== ''),
        (item) => {
          expect(names(null, item)).toBe(false);
          expect(names([], item)).toBe(false);
        },
      ),
    );
  });
});
