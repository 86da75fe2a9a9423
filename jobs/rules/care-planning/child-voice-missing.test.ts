import { describe, expect, it } from 'vitest';
import type { SocialCareSectionValue } from '../../../connectors/social-care/social-care-section.js';
import { joinedRecord, ruleContext } from '../testing/joined-record-builder.js';
import { childVoiceMissing } from './child-voice-missing.js';
import { cpReview, findingsOf, lacReview, on } from './testing/care-records.js';

const evaluate = (
  socialCare: Partial<SocialCareSectionValue>,
  dateOfBirth: string | null = '2012-05-10',
  today = '2026-11-25',
) => childVoiceMissing.evaluate(joinedRecord({ child: { dateOfBirth }, socialCare }), ruleContext(on(today)));

const lac = (id: string, date: string, participation: string | null) =>
  lacReview(id, date, { participation });

describe('CHILD_VOICE_MISSING', () => {
  it('a review where the child’s views were not conveyed (PN7) is a finding on that review', () => {
    const [finding] = findingsOf(
      evaluate({ lookedAfterReviews: [lac('R1', '2026-01-10', 'PN1'), lac('R2', '2026-07-10', 'PN7')] }),
    );
    expect(finding).toMatchObject({ subject: { kind: 'LAC_REVIEW', id: 'R2' }, dueDate: null });
    expect(finding?.severity).toBeUndefined();
    expect(finding?.evidence[0]?.fact).toBe('looked-after review held 2026-07-10, participation PN7');
  });

  it('two in a row: the second is high', () => {
    const findings = findingsOf(
      evaluate({ lookedAfterReviews: [lac('R1', '2026-01-10', 'PN7'), lac('R2', '2026-07-10', ' pn7 ')] }),
    );
    expect(findings.map((f) => [f.subject.id, f.severity])).toEqual([
      ['R1', undefined],
      ['R2', 'high'],
    ]);
    expect(findings[1]?.summary).toContain('second review in a row');
  });

  it('other codes, cancelled and future reviews raise nothing', () => {
    const reviews = [
      lac('R1', '2026-01-10', 'PN6'),
      lacReview('R2', '2026-03-10', { participation: 'PN7', cancelled: true }),
      lac('R3', '2026-12-10', 'PN7'),
    ];
    expect(findingsOf(evaluate({ lookedAfterReviews: reviews }))).toEqual([]);
  });

  it('counts child protection reviews as their own series', () => {
    const findings = findingsOf(
      evaluate({
        lookedAfterReviews: [lac('R1', '2026-01-10', 'PN7')],
        childProtectionReviews: [cpReview('C1', '2026-02-10', 'PN7'), cpReview('C2', '2026-05-10', 'PN1')],
      }),
    );
    expect(findings.map((f) => [f.subject.kind, f.subject.id, f.severity])).toEqual([
      ['LAC_REVIEW', 'R1', undefined],
      ['CP_REVIEW', 'C1', undefined],
    ]);
  });

  it('applies from the fourth birthday, a 29 February birthday included', () => {
    const reviewOn = (date: string) => ({ lookedAfterReviews: [lac('R1', date, 'PN7')] });
    expect(findingsOf(evaluate(reviewOn('2024-02-28'), '2020-02-29'))).toEqual([]);
    expect(findingsOf(evaluate(reviewOn('2024-02-29'), '2020-02-29'))).toHaveLength(1);
    expect(findingsOf(evaluate(reviewOn('2026-05-09'), '2022-05-10'))).toEqual([]);
    expect(findingsOf(evaluate(reviewOn('2026-05-10'), '2022-05-10'))).toHaveLength(1);
  });

  it('a PN7 review before age 4 does not make the next one the second in a row', () => {
    const findings = findingsOf(
      evaluate(
        { lookedAfterReviews: [lac('R1', '2024-04-01', 'PN7'), lac('R2', '2024-06-01', 'PN7')] },
        '2020-05-10',
      ),
    );
    expect(findings.map((f) => [f.subject.id, f.severity])).toEqual([['R2', undefined]]);
  });

  it('cannot decide with an uncoded review (unless the child was under 4) or an unknown date of birth', () => {
    expect(evaluate({ lookedAfterReviews: [lac('R1', '2026-01-10', null)] })).toMatchObject({
      kind: 'NOT_ASSESSED',
      reason: 'MISSING_DATA',
    });
    expect(
      findingsOf(evaluate({ lookedAfterReviews: [lac('R1', '2024-01-10', null)] }, '2021-05-10')),
    ).toEqual([]);
    expect(evaluate({ lookedAfterReviews: [lac('R1', '2026-01-10', 'PN7')] }, null)).toMatchObject({
      kind: 'NOT_ASSESSED',
      reason: 'MISSING_DATA',
    });
    expect(findingsOf(evaluate({ lookedAfterReviews: [lac('R1', '2026-01-10', 'PN1')] }, null))).toEqual([]);
    expect(
      childVoiceMissing.evaluate(joinedRecord({ socialCare: 'UNAVAILABLE' }), ruleContext()),
    ).toMatchObject({
      agencies: ['socialCare'],
    });
  });
});
