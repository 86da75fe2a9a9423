import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  MissingEpisodeValue,
  PlacementValue,
} from '../../../connectors/social-care/social-care-section.js';
import { joinedRecord } from '../testing/joined-record-builder.js';
import { addDays, dateOf, dayOf, type DayNumber } from '../time/calendar-day.js';
import { repeatMissingNoReview as rule } from './repeat-missing-no-review.js';
import { at } from './testing/at.js';
import { homePlacement, missingEpisode, placement } from './testing/records.js';

const inHome = homePlacement('U1', { id: 'PL-HOME', startDate: '2026-01-01' });

/** Episodes starting on the given days (each back the next day), with per-episode overrides. */
function child(
  starts: Array<string | [string, Partial<MissingEpisodeValue>]>,
  placements: PlacementValue[] = [inHome],
) {
  return joinedRecord({
    socialCare: {
      placements,
      missingEpisodes: starts.map((entry, i) => {
        const [start, extra] = typeof entry === 'string' ? [entry, {}] : entry;
        return missingEpisode({
          id: `M${i + 1}`,
          startDate: `${start}T21:00:00.000Z`,
          endDate: `${dateOf(addDays(dayOf(start), 1))}T08:00:00.000Z`,
          ...extra,
        });
      }),
    },
  });
}

const findings = (outcome: ReturnType<typeof rule.evaluate>) => {
  if (outcome.kind !== 'DECIDED') throw new Error(`not decided: ${outcome.detail}`);
  return outcome.findings;
};

describe('REPEAT_MISSING_NO_REVIEW', () => {
  it('three episodes within 90 days from a children’s home with no review: a finding from the day after the third return', () => {
    const record = child(['2026-02-01', '2026-02-15', '2026-03-01']);
    expect(findings(rule.evaluate(record, at('2026-03-02')))).toEqual([]);
    const [finding] = findings(rule.evaluate(record, at('2026-03-03')));
    expect(finding?.subject).toEqual({ kind: 'MISSING_EPISODES', id: 'M3' });
    expect(finding?.dueDate).toBe('2026-03-02');
    expect(finding?.evidence).toHaveLength(3);
    expect(finding?.summary).toContain('local threshold: 3 in 90 days');
  });

  it('a review requested on any episode of the run answers it', () => {
    const record = child(['2026-02-01', ['2026-02-15', { reviewRequested: true }], '2026-03-01']);
    expect(findings(rule.evaluate(record, at('2026-06-01')))).toEqual([]);
  });

  it('counts a window of 90 days: the third on day 89 is within it, on day 90 it is not', () => {
    const first = dayOf('2026-02-01');
    const third = (offset: number) => dateOf(addDays(first, offset));
    expect(
      findings(rule.evaluate(child(['2026-02-01', '2026-03-01', third(89)]), at('2026-09-01'))),
    ).toHaveLength(1);
    expect(findings(rule.evaluate(child(['2026-02-01', '2026-03-01', third(90)]), at('2026-09-01')))).toEqual(
      [],
    );
  });

  it('counts only missing episodes that began while the child was in a children’s home', () => {
    const foster = placement({ id: 'PL-F', startDate: '2025-10-01', endDate: '2026-01-01' });
    expect(
      findings(
        rule.evaluate(child(['2025-12-20', '2026-01-10', '2026-02-01'], [foster, inHome]), at('2026-06-01')),
      ),
    ).toEqual([]);
    expect(
      findings(
        rule.evaluate(child(['2026-01-05', ['2026-01-10', { type: 'A' }], '2026-02-01']), at('2026-06-01')),
      ),
    ).toEqual([]);
  });

  it('one finding per run of overlapping windows, and one for each separate run', () => {
    const oneRun = child(['2026-02-01', '2026-02-10', '2026-02-20', '2026-03-01']);
    expect(findings(rule.evaluate(oneRun, at('2026-06-01'))).map((f) => f.subject.id)).toEqual(['M3']);
    const twoRuns = child([
      '2026-02-01',
      '2026-02-10',
      '2026-02-20',
      '2026-07-01',
      '2026-07-10',
      '2026-07-20',
    ]);
    expect(findings(rule.evaluate(twoRuns, at('2026-09-01'))).map((f) => f.subject.id)).toEqual(['M3', 'M6']);
  });

  it('uses the local count and window', () => {
    const record = child(['2026-02-01', '2026-02-20']);
    expect(findings(rule.evaluate(record, at('2026-06-01')))).toEqual([]);
    expect(findings(rule.evaluate(record, at('2026-06-01', { repeatMissingCount: 2 })))).toHaveLength(1);
    expect(
      findings(
        rule.evaluate(record, at('2026-06-01', { repeatMissingCount: 2, repeatMissingWindowDays: 19 })),
      ),
    ).toEqual([]);
  });

  it('while the child is still missing, falls due the day the third episode began', () => {
    const record = child(['2026-02-01', '2026-02-15', ['2026-03-01', { endDate: null }]]);
    expect(findings(rule.evaluate(record, at('2026-03-01')))).toEqual([]);
    expect(findings(rule.evaluate(record, at('2026-03-02')))[0]?.dueDate).toBe('2026-03-01');
  });

  it('cannot decide without social care or with dates that are not dates', () => {
    expect(rule.evaluate(joinedRecord({ socialCare: 'TIMED_OUT' }), at('2026-06-01'))).toMatchObject({
      kind: 'NOT_ASSESSED',
      agencies: ['socialCare'],
    });
    const bad = joinedRecord({
      socialCare: { placements: [inHome], missingEpisodes: [missingEpisode({ startDate: '2026-13-01' })] },
    });
    expect(rule.evaluate(bad, at('2026-06-01'))).toMatchObject({
      kind: 'NOT_ASSESSED',
      reason: 'MISSING_DATA',
    });
  });

  it('three episodes on any days within 90, none reviewed, always make a finding (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayOf('2026-01-01'), max: dayOf('2027-01-01') }),
        fc.integer({ min: 1, max: 44 }),
        fc.integer({ min: 1, max: 44 }),
        (first, gap1, gap2) => {
          const days = [first, first + gap1, first + gap1 + gap2].map((d) => dateOf(d as DayNumber));
          const result = findings(rule.evaluate(child(days), at('2028-01-01')));
          expect(result.length).toBe(1);
        },
      ),
      { numRuns: 100 },
    );
  });
});
