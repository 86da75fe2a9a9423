import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SocialCareSectionValue } from '../../../connectors/social-care/social-care-section.js';
import { joinedRecord, ruleContext } from '../testing/joined-record-builder.js';
import { placementMeetingMissed } from './placement-meeting-missed.js';
import { findingsOf, meeting, placement } from './testing/care-records.js';

// Placed at 18:00 on 1 November 2026 (GMT): the 72-hour window closes at 18:00 on 4 November.
const placed = placement('PL1', '2026-11-01', { startDate: '2026-11-01T18:00:00.000Z' });

const evaluate = (socialCare: Partial<SocialCareSectionValue>, now: string, hours?: number) =>
  placementMeetingMissed.evaluate(
    joinedRecord({ socialCare: { placements: [placed], ...socialCare } }),
    ruleContext(now, hours === undefined ? {} : { placementMeetingHours: hours }),
  );

describe('PLACEMENT_MEETING_MISSED', () => {
  it('no planning meeting is a finding from the moment the window closes', () => {
    expect(findingsOf(evaluate({}, '2026-11-04T18:00:00.000Z'))).toEqual([]);
    const [finding] = findingsOf(evaluate({}, '2026-11-04T18:01:00.000Z'));
    expect(finding).toMatchObject({ subject: { kind: 'PLACEMENT', id: 'PL1' }, dueDate: '2026-11-04' });
    expect(finding?.summary).toContain('within 72 hours (local practice)');
  });

  it('a meeting in the window that updated the risk and matching assessment meets it', () => {
    const record = { meetings: [meeting('M1', '2026-11-04T17:59:00.000Z')] };
    expect(findingsOf(evaluate(record, '2026-11-25T09:00:00.000Z'))).toEqual([]);
  });

  it('a meeting held after the window is not in time', () => {
    const [finding] = findingsOf(
      evaluate({ meetings: [meeting('M1', '2026-11-04T19:00:00.000Z')] }, '2026-11-25T09:00:00.000Z'),
    );
    expect(finding?.evidence[1]?.fact).toBe(
      'placement planning meeting held 2026-11-04, after the 72-hour window',
    );
  });

  it('a meeting that did not update the risk and matching assessment is a finding; one that does not say cannot be judged', () => {
    const notUpdated = {
      meetings: [meeting('M1', '2026-11-03T10:00:00.000Z', { updatedRiskAssessment: false })],
    };
    const [finding] = findingsOf(evaluate(notUpdated, '2026-11-25T09:00:00.000Z'));
    expect(finding?.summary).toContain('did not update the risk and matching assessment');
    const unknown = {
      meetings: [meeting('M1', '2026-11-03T10:00:00.000Z', { updatedRiskAssessment: null })],
    };
    expect(evaluate(unknown, '2026-11-25T09:00:00.000Z')).toMatchObject({
      kind: 'NOT_ASSESSED',
      reason: 'MISSING_DATA',
    });
  });

  it('a meeting of unrecorded type is not taken for the planning meeting, but is named in the evidence', () => {
    const record = { meetings: [meeting('M1', '2026-11-02T10:00:00.000Z', { type: null })] };
    const [finding] = findingsOf(evaluate(record, '2026-11-25T09:00:00.000Z'));
    expect(finding?.evidence.map((e) => e.fact)).toContain('meeting of unrecorded type held 2026-11-02');
  });

  it('a planning meeting naming no placement counts when held in the window; one for another placement does not', () => {
    const loose = { meetings: [meeting('M1', '2026-11-02T10:00:00.000Z', { placementId: null })] };
    expect(findingsOf(evaluate(loose, '2026-11-25T09:00:00.000Z'))).toEqual([]);
    const other = { meetings: [meeting('M1', '2026-11-02T10:00:00.000Z', { placementId: 'PL9' })] };
    expect(findingsOf(evaluate(other, '2026-11-25T09:00:00.000Z'))).toHaveLength(1);
  });

  it('uses the local window from configuration', () => {
    const record = { meetings: [meeting('M1', '2026-11-02T20:00:00.000Z')] };
    expect(findingsOf(evaluate(record, '2026-11-25T09:00:00.000Z', 24))).toHaveLength(1);
    expect(findingsOf(evaluate(record, '2026-11-25T09:00:00.000Z', 48))).toEqual([]);
  });

  it('a placement that ended inside the window needed none; an ended placement’s finding is medium', () => {
    const short = { placements: [{ ...placed, endDate: '2026-11-03T10:00:00.000Z' }] };
    expect(findingsOf(evaluate(short, '2026-11-25T09:00:00.000Z'))).toEqual([]);
    const ended = { placements: [{ ...placed, endDate: '2026-11-10T10:00:00.000Z' }] };
    expect(findingsOf(evaluate(ended, '2026-11-25T09:00:00.000Z'))[0]?.severity).toBe('medium');
  });

  it('cannot decide without social care', () => {
    expect(
      placementMeetingMissed.evaluate(joinedRecord({ socialCare: 'TIMED_OUT' }), ruleContext()),
    ).toMatchObject({
      kind: 'NOT_ASSESSED',
      agencies: ['socialCare'],
    });
  });

  it('a meeting at any moment inside the window meets it, any moment after does not (property)', () => {
    const start = Date.parse('2026-11-01T18:00:00.000Z');
    const windowMs = 72 * 3_600_000;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: windowMs }),
        fc.integer({ min: 1, max: 10 * windowMs }),
        (inside, after) => {
          const held = (ms: number) => ({ meetings: [meeting('M1', new Date(start + ms).toISOString())] });
          expect(findingsOf(evaluate(held(inside), '2026-12-31T09:00:00.000Z'))).toEqual([]);
          expect(findingsOf(evaluate(held(windowMs + after), '2026-12-31T09:00:00.000Z'))).toHaveLength(1);
        },
      ),
    );
  });
});
