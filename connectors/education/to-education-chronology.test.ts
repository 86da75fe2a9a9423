import { describe, expect, it } from 'vitest';
import { toEducationChronology } from './to-education-chronology.js';
import { fixturePupil } from './test-fixtures/fixtures.js';

describe('toEducationChronology', () => {
  it('gives every education event as a stable kind, oldest first, with its category', () => {
    const events = toEducationChronology([fixturePupil('P-100')]);
    expect(events.map((e) => [e.at.slice(0, 10), e.kind, e.category, e.recordId])).toEqual([
      ['2015-09-03', 'ENROLMENT_STARTED', 'EDUCATION', 'P-100'],
      ['2020-09-02', 'ENROLMENT_STARTED', 'EDUCATION', 'P-100'],
      ['2021-01-11', 'EHC_REQUESTED', 'SEND', 'EHC-9'],
      ['2021-02-15', 'EHC_DECISION', 'SEND', 'EHC-9'],
      ['2021-05-21', 'EHCP_ISSUED', 'SEND', 'EHC-9'],
      ['2022-05-12', 'EHCP_ANNUAL_REVIEW', 'SEND', 'AR-91'],
      ['2023-05-10', 'EHCP_ANNUAL_REVIEW', 'SEND', 'AR-92'],
      ['2024-10-01', 'PEP_HELD', 'EDUCATION', 'PEP-7'],
      ['2024-10-14', 'EXCLUSION', 'EDUCATION', 'X-1'],
      ['2024-12-02', 'EXCLUSION', 'EDUCATION', 'X-2'],
    ]);
    expect(events.every((e) => e.agency === 'EDUCATION' && e.at.endsWith('T00:00:00.000Z'))).toBe(true);
  });

  it('says what happened in words', () => {
    const summaries = toEducationChronology([fixturePupil('P-100')]).map((e) => e.summary);
    expect(summaries).toContain('Enrolled at Elm High (URN 130002), year 10');
    expect(summaries).toContain('Suspension for 1 session (reason VP, URN 130002)');
    expect(summaries).toContain('Permanent exclusion (reason PA, URN 130002)');
    expect(summaries).toContain('Decision on EHC needs assessment: agreed to assess');
    expect(summaries).toContain('EHC plan annual review, with preparing-for-adulthood outcomes');
  });

  it('leaves out milestones not reached yet', () => {
    expect(toEducationChronology([fixturePupil('P-200')]).map((e) => e.kind)).toEqual([
      'ENROLMENT_STARTED',
      'EHC_REQUESTED',
    ]);
  });

  it('does not repeat an event two duplicate records both carry', () => {
    const one = toEducationChronology([fixturePupil('P-100')]);
    const both = toEducationChronology([fixturePupil('P-100'), fixturePupil('P-101')]);
    // P-101 records the same enrolment at Elm High as P-100.
    expect(both.filter((e) => e.kind === 'ENROLMENT_STARTED')).toHaveLength(2);
    expect(both).toHaveLength(one.length);
  });
});
