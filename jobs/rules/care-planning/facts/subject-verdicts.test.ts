import { describe, expect, it } from 'vitest';
import type { Finding } from '../../rule.js';
import { OutsideCalendarError } from '../../time/working-days.js';
import { cannotDecide, judgeEach } from './subject-verdicts.js';

const finding = (id: string): Finding => ({
  subject: { kind: 'PLACEMENT', id },
  summary: 's',
  evidence: [],
  dueDate: null,
});

describe('judging each subject', () => {
  it('decides with every finding when every subject is decided', () => {
    const outcome = judgeEach(
      ['a', 'b', 'c'],
      (id) => (id === 'b' ? null : finding(id)),
      (id) => id,
    );
    expect(outcome).toEqual({ kind: 'DECIDED', findings: [finding('a'), finding('c')] });
  });

  it('does not decide when one subject cannot be judged, and says what was held back', () => {
    const outcome = judgeEach(
      ['a', 'b'],
      (id) => (id === 'b' ? cannotDecide('MISSING_DATA', 'b: no date') : finding(id)),
      (id) => id,
    );
    expect(outcome.kind).toBe('NOT_ASSESSED');
    if (outcome.kind !== 'NOT_ASSESSED') return;
    expect(outcome.reason).toBe('MISSING_DATA');
    expect(outcome.detail).toBe('b: no date; 1 finding(s) on other records held back');
  });

  it('turns an unreadable date or an uncovered year into "cannot decide" for that subject', () => {
    const bad = judgeEach(
      ['a'],
      () => {
        throw new RangeError('not a calendar date');
      },
      (id) => `thing ${id}`,
    );
    expect(bad).toMatchObject({
      kind: 'NOT_ASSESSED',
      reason: 'MISSING_DATA',
      detail: 'thing a: a date is not readable',
    });
    const outside = judgeEach(
      ['a'],
      () => {
        throw new OutsideCalendarError(2031);
      },
      (id) => `thing ${id}`,
    );
    expect(outside).toMatchObject({ kind: 'NOT_ASSESSED', reason: 'OUTSIDE_CALENDAR' });
  });

  it('lets any other error through', () => {
    expect(() =>
      judgeEach(
        ['a'],
        () => {
          throw new TypeError('bug');
        },
        (id) => id,
      ),
    ).toThrow(TypeError);
  });
});
