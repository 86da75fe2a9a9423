import { describe, expect, it } from 'vitest';
import { joinedRecord, ruleContext } from '../testing/joined-record-builder.js';
import { meetingStatusUnclear } from './meeting-status-unclear.js';
import { findingsOf, meeting } from './testing/care-records.js';

const evaluate = (meetings: ReturnType<typeof meeting>[]) =>
  meetingStatusUnclear.evaluate(joinedRecord({ socialCare: { meetings } }), ruleContext());

describe('MEETING_STATUS_UNCLEAR', () => {
  it('a meeting that records its type, status, purpose, attendees and minutes raises nothing', () => {
    expect(
      findingsOf(evaluate([meeting('M1', '2026-08-01', { statutory: false, type: 'PROFESSIONALS' })])),
    ).toEqual([]);
  });

  it('names every part a meeting does not record', () => {
    const [finding] = findingsOf(
      evaluate([
        meeting('M1', '2026-07-28', {
          type: null,
          statutory: null,
          purpose: null,
          requiredAttendees: null,
          minutesRecipients: null,
          placementId: null,
        }),
      ]),
    );
    expect(finding).toMatchObject({ subject: { kind: 'MEETING', id: 'M1' }, dueDate: null });
    expect(finding?.summary).toBe(
      'The meeting on 2026-07-28 does not record its type, statutory status, purpose, required attendees or minutes recipients.',
    );
  });

  it.each([
    ['type', { type: '  ' }],
    ['statutory status', { statutory: null }],
    ['purpose', { purpose: null }],
    ['required attendees', { requiredAttendees: [] }],
    ['minutes recipients', { minutesRecipients: null }],
  ])('one part missing: %s', (part, overrides) => {
    const [finding] = findingsOf(
      evaluate([meeting('M1', '2026-07-28', overrides), meeting('M2', '2026-07-29')]),
    );
    expect(finding?.summary).toBe(`The meeting on 2026-07-28 does not record its ${part}.`);
    expect(finding?.evidence[0]).toMatchObject({ agency: 'SOCIAL_CARE', recordId: 'M1' });
  });

  it('cannot decide without social care; no record means no meetings', () => {
    expect(
      meetingStatusUnclear.evaluate(joinedRecord({ socialCare: 'TIMED_OUT' }), ruleContext()),
    ).toMatchObject({
      kind: 'NOT_ASSESSED',
      agencies: ['socialCare'],
    });
    expect(
      findingsOf(meetingStatusUnclear.evaluate(joinedRecord({ socialCare: 'NOT_LINKED' }), ruleContext())),
    ).toEqual([]);
  });
});
