import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MissingEpisodeValue } from '../../../connectors/social-care/social-care-section.js';
import { joinedRecord, ruleContext } from '../testing/joined-record-builder.js';
import { rhiLate as rule } from './rhi-late.js';
import { missingEpisode } from './testing/records.js';

const hour = 3_600_000;
const returned = '2026-03-10T10:00:00.000Z';

function child(...episodes: Array<Partial<MissingEpisodeValue>>) {
  return joinedRecord({
    socialCare: {
      missingEpisodes: episodes.map((e, i) =>
        missingEpisode({ id: `M${i + 1}`, startDate: '2026-03-09T21:00:00.000Z', endDate: returned, ...e }),
      ),
    },
  });
}

const findings = (outcome: ReturnType<typeof rule.evaluate>) => {
  if (outcome.kind !== 'DECIDED') throw new Error(`not decided: ${outcome.detail}`);
  return outcome.findings;
};

describe('RHI_LATE', () => {
  it('falls due 72 hours after the return: nothing at 72 hours, a finding after', () => {
    expect(findings(rule.evaluate(child({}), ruleContext('2026-03-13T10:00:00.000Z')))).toEqual([]);
    const [finding] = findings(rule.evaluate(child({}), ruleContext('2026-03-13T10:00:01.000Z')));
    expect(finding?.subject).toEqual({ kind: 'MISSING_EPISODE', id: 'M1' });
    expect(finding?.dueDate).toBe('2026-03-13');
    expect(finding?.severity).toBeUndefined();
  });

  it('an interview at 72 hours is in time; a minute later is late', () => {
    const later = ruleContext('2026-04-01T12:00:00.000Z');
    expect(
      findings(rule.evaluate(child({ returnInterviewDate: '2026-03-13T10:00:00.000Z' }), later)),
    ).toEqual([]);
    const [finding] = findings(
      rule.evaluate(child({ returnInterviewDate: '2026-03-13T10:01:00.000Z' }), later),
    );
    expect(finding?.evidence.map((e) => e.fact)).toContain(
      'return home interview held 2026-03-13, 72 h 1 min after the return',
    );
  });

  it('an interview recorded as a date counts if it falls on or before the day the 72 hours ran out', () => {
    const later = ruleContext('2026-04-01T12:00:00.000Z');
    expect(findings(rule.evaluate(child({ returnInterviewDate: '2026-03-13' }), later))).toEqual([]);
    expect(findings(rule.evaluate(child({ returnInterviewDate: '2026-03-14' }), later))).toHaveLength(1);
  });

  it('an interview offered and declined is still no interview, at a lower severity', () => {
    const [finding] = findings(
      rule.evaluate(
        child({ returnInterviewOffered: true, returnInterviewAccepted: false }),
        ruleContext('2026-04-01T12:00:00.000Z'),
      ),
    );
    expect(finding?.severity).toBe('medium');
    expect(finding?.summary).toContain('declined');
  });

  it('ignores episodes still open and away-from-placement episodes; counts an untyped one', () => {
    const later = ruleContext('2026-04-01T12:00:00.000Z');
    expect(findings(rule.evaluate(child({ endDate: null }), later))).toEqual([]);
    expect(findings(rule.evaluate(child({ type: 'A' }), later))).toEqual([]);
    expect(findings(rule.evaluate(child({ type: null }), later))).toHaveLength(1);
  });

  it('raises one finding per late episode', () => {
    const later = ruleContext('2026-04-01T12:00:00.000Z');
    const result = findings(
      rule.evaluate(child({}, { returnInterviewDate: '2026-03-11T09:00:00.000Z' }, {}), later),
    );
    expect(result.map((f) => f.subject.id)).toEqual(['M1', 'M3']);
  });

  it('cannot decide without social care or with an end that is not a date', () => {
    expect(rule.evaluate(joinedRecord({ socialCare: 'UNAVAILABLE' }), ruleContext())).toMatchObject({
      kind: 'NOT_ASSESSED',
      reason: 'AGENCY_UNAVAILABLE',
      agencies: ['socialCare'],
    });
    expect(rule.evaluate(child({ endDate: 'yesterday' }), ruleContext())).toMatchObject({
      kind: 'NOT_ASSESSED',
      reason: 'MISSING_DATA',
    });
    expect(findings(rule.evaluate(joinedRecord({ socialCare: 'NOT_LINKED' }), ruleContext()))).toEqual([]);
  });

  it('for any return and any delay, a finding exactly when the interview came after 72 hours (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2016-01-01T00:00:00Z'), max: Date.parse('2026-01-01T00:00:00Z') }),
        fc.integer({ min: 0, max: 200 * 60 }),
        (end, minutes) => {
          const interview = new Date(end + minutes * 60_000).toISOString();
          const record = child({ endDate: new Date(end).toISOString(), returnInterviewDate: interview });
          const result = findings(
            rule.evaluate(record, ruleContext(new Date(end + 300 * hour).toISOString())),
          );
          expect(result.length).toBe(minutes > 72 * 60 ? 1 : 0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
