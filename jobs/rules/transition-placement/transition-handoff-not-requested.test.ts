import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HandoffValue, JoinedChildRecord } from '../joined-record.js';
import { joinedRecord, type RecordOverrides } from '../testing/joined-record-builder.js';
import { ageOn, birthdayOf } from '../time/ages.js';
import { addDays, dateOf, dayOf, type DayNumber } from '../time/calendar-day.js';
import { at } from './testing/at.js';
import { careEpisode, careLeaver, ehcPlan, gpCondition } from './testing/records.js';
import { transitionHandoffNotRequested as rule } from './transition-handoff-not-requested.js';

// 17 on 10 June 2026, 18 on 10 June 2027.
const dateOfBirth = '2009-06-10';
const autism = '408856003';

const handoff = (status: HandoffValue['status'], overrides: Partial<HandoffValue> = {}): HandoffValue => ({
  id: `HO-${status}`,
  status,
  requestedAt: '2026-07-01T09:00:00.000Z',
  adultReference: status === 'DELIVERED' || status === 'ACKNOWLEDGED' ? 'ASC-00000001' : null,
  ...overrides,
});

function child(overrides: RecordOverrides = {}, handoffs: HandoffValue[] = []): JoinedChildRecord {
  return joinedRecord({
    child: { dateOfBirth },
    socialCare: { careEpisodes: [careEpisode({ startDate: '2024-01-15' })] },
    hub: { handoffs },
    ...overrides,
  });
}

const findings = (outcome: ReturnType<typeof rule.evaluate>) => {
  if (outcome.kind !== 'DECIDED') throw new Error(`not decided: ${outcome.detail}`);
  return outcome.findings;
};

describe('TRANSITION_HANDOFF_NOT_REQUESTED', () => {
  it('falls due on the 17th birthday: nothing that day, a finding the day after, none from 18', () => {
    expect(findings(rule.evaluate(child(), at('2026-06-10')))).toEqual([]);
    const [finding] = findings(rule.evaluate(child(), at('2026-06-11')));
    expect(finding).toMatchObject({ subject: { kind: 'CHILD', id: 'child-1' }, dueDate: '2026-06-10' });
    expect(finding?.summary).toContain('request one');
    expect(finding?.evidence.map((e) => e.fact)).toEqual([
      'reached 17 on 2026-06-10',
      'looked after since 2024-01-15',
      'no transition handoff to adult services requested in the hub',
    ]);
    expect(findings(rule.evaluate(child(), at('2027-06-09')))).toHaveLength(1);
    expect(findings(rule.evaluate(child(), at('2027-06-10')))).toEqual([]);
  });

  it('uses the local transition age (16 in some authorities)', () => {
    const local = { adultTransitionAge: 16 };
    expect(findings(rule.evaluate(child(), at('2025-06-10', local)))).toEqual([]);
    expect(findings(rule.evaluate(child(), at('2025-06-11', local)))[0]?.dueDate).toBe('2025-06-10');
  });

  it('a handoff REQUESTED, DELIVERED or ACKNOWLEDGED answers it; a FAILED one does not', () => {
    for (const status of ['REQUESTED', 'DELIVERED', 'ACKNOWLEDGED'] as const)
      expect(findings(rule.evaluate(child({}, [handoff(status)]), at('2026-10-01'))), status).toEqual([]);
    const failed = findings(rule.evaluate(child({}, [handoff('FAILED')]), at('2026-10-01')));
    expect(failed).toHaveLength(1);
    expect(failed[0]?.evidence.at(-1)).toMatchObject({
      agency: 'ADULT_SERVICES',
      recordId: 'HO-FAILED',
      fact: 'the latest transition handoff, requested 2026-07-01, is FAILED (not delivered)',
    });
    // A failed handoff followed by a new request is under way.
    expect(
      findings(rule.evaluate(child({}, [handoff('FAILED'), handoff('REQUESTED')]), at('2026-10-01'))),
    ).toEqual([]);
  });

  it('applies to a looked-after child, a care leaver, and a child likely to have care needs after 18', () => {
    const notLookedAfter = {
      socialCare: { careEpisodes: [careEpisode({ startDate: '2024-01-15', ceasedDate: '2025-01-15' })] },
    };
    expect(findings(rule.evaluate(child(notLookedAfter), at('2026-10-01')))).toEqual([]);
    const cases: Array<[string, RecordOverrides]> = [
      ['care leaver flag', { socialCare: { status: { ...statusOf(), careLeaver: true } } }],
      ['care leaver record', { socialCare: { careLeaver: careLeaver() } }],
      ['disability', { socialCare: { disabilities: ['AUT'] } }],
      ['EHC plan', { socialCare: {}, education: { ehcNeedsAssessments: [ehcPlan()] } }],
      ['complex GP condition', { socialCare: {}, health: { conditions: [gpCondition({ code: autism })] } }],
    ];
    for (const [name, overrides] of cases)
      expect(findings(rule.evaluate(child(overrides), at('2026-10-01'))), name).toHaveLength(1);
    const quiet: Array<[string, RecordOverrides]> = [
      ['disability NONE', { socialCare: { disabilities: ['NONE'] } }],
      [
        'refused EHC needs assessment',
        {
          socialCare: {},
          education: { ehcNeedsAssessments: [ehcPlan({ status: 'REFUSED', finalPlanDate: null })] },
        },
      ],
      [
        'inactive GP condition',
        { socialCare: {}, health: { conditions: [gpCondition({ code: autism, active: false })] } },
      ],
      ['no social care record', { socialCare: 'NOT_LINKED' }],
    ];
    for (const [name, overrides] of quiet)
      expect(findings(rule.evaluate(child(overrides), at('2026-10-01'))), name).toEqual([]);
  });

  it('cannot decide without a date of birth or an agency that may hold the only reason', () => {
    expect(rule.evaluate(child({ child: { dateOfBirth: null } }), at('2026-10-01'))).toMatchObject({
      kind: 'NOT_ASSESSED',
      reason: 'MISSING_DATA',
    });
    expect(
      rule.evaluate(
        child({ socialCare: {}, education: 'UNAVAILABLE', health: 'TIMED_OUT' }),
        at('2026-10-01'),
      ),
    ).toMatchObject({
      kind: 'NOT_ASSESSED',
      reason: 'AGENCY_UNAVAILABLE',
      agencies: ['education', 'health'],
    });
    expect(
      rule.evaluate(
        child({ socialCare: { careEpisodes: [careEpisode({ startDate: 'not a date' })] } }),
        at('2026-10-01'),
      ),
    ).toMatchObject({ kind: 'NOT_ASSESSED', reason: 'MISSING_DATA' });
    // A reason in a part that was read decides it, whatever else is down; so does a handoff under way.
    expect(findings(rule.evaluate(child({ education: 'UNAVAILABLE' }), at('2026-10-01')))).toHaveLength(1);
    expect(
      findings(rule.evaluate(child({ socialCare: 'UNAVAILABLE' }, [handoff('DELIVERED')]), at('2026-10-01'))),
    ).toEqual([]);
  });

  it('reaches the transition age on 1 March for a 29 February birthday', () => {
    const leap = child({ child: { dateOfBirth: '2008-02-29' } });
    expect(findings(rule.evaluate(leap, at('2025-03-01')))).toEqual([]);
    expect(findings(rule.evaluate(leap, at('2025-03-02')))[0]?.dueDate).toBe('2025-03-01');
  });

  it('for any birthday and local age, a finding exactly from the day after the transition birthday until 18 (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayOf('2004-01-01'), max: dayOf('2012-12-31') }),
        fc.integer({ min: 14, max: 18 }),
        fc.integer({ min: -30, max: 800 }),
        (birthDay, age, offset) => {
          const birth = birthDay as DayNumber;
          const due = birthdayOf(birth, age);
          const today = addDays(due, offset);
          const record = child({
            child: { dateOfBirth: dateOf(birth) },
            socialCare: { careEpisodes: [careEpisode({ startDate: dateOf(addDays(birth, 365 * 10)) })] },
          });
          const result = findings(rule.evaluate(record, at(dateOf(today), { adultTransitionAge: age })));
          const expected = today > due && ageOn(birth, today) < 18 ? 1 : 0;
          expect(result).toHaveLength(expected);
          if (expected === 1) expect(result[0]?.dueDate).toBe(dateOf(due));
        },
      ),
      { numRuns: 300 },
    );
  });
});

function statusOf() {
  return {
    lookedAfter: false,
    childInNeed: false,
    childProtectionPlan: false,
    legalStatus: null,
    careLeaver: false,
  };
}
