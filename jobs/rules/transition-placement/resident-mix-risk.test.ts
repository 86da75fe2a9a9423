import { describe, expect, it } from 'vitest';
import type {
  PlacementAssessmentValue,
  SocialCareSectionValue,
} from '../../../connectors/social-care/social-care-section.js';
import type { AgencyReadState, CoResidentValue } from '../joined-record.js';
import { joinedRecord } from '../testing/joined-record-builder.js';
import { residentMixRisk as rule } from './resident-mix-risk.js';
import { at } from './testing/at.js';
import {
  assessment,
  coResident,
  homePlacement,
  missingEpisode,
  placementAssessment,
  residentialContext,
} from './testing/records.js';

const admission = homePlacement('U1', { id: 'PL1', startDate: '2026-06-01T16:00:00.000Z' });
const authorisedWith = (factors: string[], authorisedDate = '2026-05-01') =>
  assessment({ id: `AS-${factors.join('-')}`, startDate: '2026-04-01', authorisedDate, factors });

const vulnerable: Partial<SocialCareSectionValue> = { assessments: [authorisedWith(['15A'])] };
const exploiting: Partial<SocialCareSectionValue> = { assessments: [authorisedWith(['24A', '13A'])] };

function resident(
  socialCare: Partial<SocialCareSectionValue> | AgencyReadState,
  start = '2026-01-01',
  end: string | null = null,
): CoResidentValue {
  return coResident({ personId: 'P-R1', start, end, socialCare });
}

function child(
  own: Partial<SocialCareSectionValue>,
  residents: CoResidentValue[],
  assessments: Array<Partial<PlacementAssessmentValue>> = [],
) {
  return joinedRecord({
    socialCare: {
      placements: [admission],
      ...own,
      placementAssessments: assessments.map((a, i) =>
        placementAssessment({ id: `PA${i + 1}`, placementId: 'PL1', date: '2026-06-01', ...a }),
      ),
    },
    residential: residentialContext('U1', residents),
  });
}

const today = at('2026-07-01');
const findings = (outcome: ReturnType<typeof rule.evaluate>) => {
  if (outcome.kind !== 'DECIDED') throw new Error(`not decided: ${outcome.detail}`);
  return outcome.findings;
};

describe('RESIDENT_MIX_RISK', () => {
  it('a child with exploitation factors placed with a vulnerable resident, no matching: a finding on the stay', () => {
    const [finding] = findings(rule.evaluate(child(exploiting, [resident(vulnerable)]), today));
    expect(finding?.subject).toEqual({ kind: 'PLACEMENT', id: 'PL1' });
    expect(finding?.summary).toContain('child criminal exploitation');
    expect(finding?.summary).toContain('gang involvement');
    // The resident's risks are evidence, but never their record id: a viewer of this child may not see theirs.
    expect(finding?.evidence.some((e) => e.fact.startsWith('an existing resident: '))).toBe(true);
    expect(JSON.stringify(finding?.evidence)).not.toContain('P-R1');
  });

  it('is answered by a matching assessment that addresses the residents and names every risk', () => {
    const both = ['Child criminal exploitation', 'Gang involvement'];
    expect(
      findings(rule.evaluate(child(exploiting, [resident(vulnerable)], [{ risksConsidered: both }]), today)),
    ).toEqual([]);
    expect(
      findings(
        rule.evaluate(
          child(exploiting, [resident(vulnerable)], [{ risksConsidered: ['Gang involvement'] }]),
          today,
        ),
      )[0]?.summary,
    ).toContain('child criminal exploitation');
    expect(
      findings(
        rule.evaluate(
          child(
            exploiting,
            [resident(vulnerable)],
            [{ kind: 'RISK', addressesExistingResidents: false, risksConsidered: both }],
          ),
          today,
        ),
      ),
    ).toHaveLength(1);
  });

  it('weighs the residents’ risks against a vulnerable child too', () => {
    const vulnerableChild = { disabilities: ['AUT'] };
    const [finding] = findings(
      rule.evaluate(child(vulnerableChild, [resident({ assessments: [authorisedWith(['11A'])] })]), today),
    );
    expect(finding?.summary).toContain('child sexual exploitation');
    // A resident with a missing history, answered by an assessment that considered it.
    const missingResident = resident({
      missingEpisodes: [missingEpisode({ startDate: '2026-03-01T21:00:00.000Z' })],
    });
    expect(findings(rule.evaluate(child(vulnerableChild, [missingResident]), today))[0]?.summary).toContain(
      'going missing',
    );
    expect(
      findings(
        rule.evaluate(
          child(vulnerableChild, [missingResident], [{ risksConsidered: ['Going missing'] }]),
          today,
        ),
      ),
    ).toEqual([]);
  });

  it('needs a risk on one side and a vulnerability on the other', () => {
    expect(findings(rule.evaluate(child(exploiting, [resident({})]), today))).toEqual([]);
    expect(findings(rule.evaluate(child({}, [resident(exploiting)]), today))).toEqual([]);
    expect(findings(rule.evaluate(child(vulnerable, [resident(vulnerable)]), today))).toEqual([]);
  });

  it('reads the records as they stood on admission', () => {
    const later = { assessments: [authorisedWith(['24A'], '2026-06-15')] };
    expect(findings(rule.evaluate(child(later, [resident(vulnerable)]), today))).toEqual([]);
  });

  it('looks at residents there on admission who still are', () => {
    expect(
      findings(rule.evaluate(child(exploiting, [resident(vulnerable, '2026-01-01', '2026-06-20')]), today)),
    ).toEqual([]);
    expect(findings(rule.evaluate(child(exploiting, [resident(vulnerable, '2026-06-05')]), today))).toEqual(
      [],
    );
    expect(
      findings(rule.evaluate(child(exploiting, [resident(vulnerable, '2026-01-01', '2026-07-10')]), today)),
    ).toHaveLength(1);
  });

  it('does not apply once the child has left the home, or if they were never in one', () => {
    const left = joinedRecord({
      socialCare: { ...exploiting, placements: [{ ...admission, endDate: '2026-06-20' }] },
      residential: residentialContext('U1', [resident(vulnerable)]),
    });
    expect(findings(rule.evaluate(left, today))).toEqual([]);
    expect(findings(rule.evaluate(joinedRecord({ socialCare: exploiting }), today))).toEqual([]);
  });

  it('cannot decide without the home’s residents, an unreadable resident who matters, or unrecorded risks considered', () => {
    const noContext = joinedRecord({ socialCare: { ...exploiting, placements: [admission] } });
    expect(rule.evaluate(noContext, today)).toMatchObject({ kind: 'NOT_ASSESSED', reason: 'MISSING_DATA' });
    expect(rule.evaluate(child(exploiting, [resident('UNAVAILABLE')]), today)).toMatchObject({
      kind: 'NOT_ASSESSED',
      reason: 'AGENCY_UNAVAILABLE',
      agencies: ['socialCare'],
    });
    // Nothing to weigh on the child's side: an unreadable resident changes nothing.
    expect(findings(rule.evaluate(child({}, [resident('UNAVAILABLE')]), today))).toEqual([]);
    expect(
      rule.evaluate(child(exploiting, [resident(vulnerable)], [{ risksConsidered: null }]), today),
    ).toMatchObject({ kind: 'NOT_ASSESSED', reason: 'MISSING_DATA' });
    expect(rule.evaluate(joinedRecord({ socialCare: 'UNAVAILABLE' }), today)).toMatchObject({
      kind: 'NOT_ASSESSED',
      agencies: ['socialCare'],
    });
  });
});
