import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SocialCareSectionValue } from '../../../connectors/social-care/social-care-section.js';
import { joinedRecord, ruleContext } from '../testing/joined-record-builder.js';
import { addDays, dateOf, dayOf, type DayNumber } from '../time/calendar-day.js';
import { swVisitLate } from './sw-visit-late.js';
import { at, findingsOf, inCareFrom, on, placement, visit } from './testing/care-records.js';

const evaluate = (socialCare: Partial<SocialCareSectionValue>, today: string) =>
  swVisitLate.evaluate(joinedRecord({ socialCare }), ruleContext(on(today)));

const visits = (...dates: string[]) => dates.map((d, i) => visit(`V${i + 1}`, d));

describe('SW_VISIT_LATE', () => {
  it('the first visit is due within a week of the placement starting', () => {
    const record = inCareFrom('2026-06-01');
    expect(findingsOf(evaluate(record, '2026-06-08'))).toEqual([]);
    const [finding] = findingsOf(evaluate(record, '2026-06-09'));
    expect(finding).toMatchObject({ subject: { kind: 'PLACEMENT', id: 'PL1' }, dueDate: '2026-06-08' });
    expect(finding?.severity).toBeUndefined();
    expect(findingsOf(evaluate({ ...record, visits: visits('2026-06-08') }, '2026-06-20'))).toEqual([]);
    const [late] = findingsOf(evaluate({ ...record, visits: visits('2026-06-09') }, '2026-06-20'));
    expect(late).toMatchObject({ severity: 'medium', dueDate: '2026-06-08' });
  });

  it('then at most 6 weeks between visits in the first year', () => {
    const record = { ...inCareFrom('2026-06-01'), visits: visits('2026-06-02') };
    expect(findingsOf(evaluate(record, '2026-07-14'))).toEqual([]);
    expect(findingsOf(evaluate(record, '2026-07-15'))[0]?.dueDate).toBe('2026-07-14');
    expect(
      findingsOf(evaluate({ ...record, visits: visits('2026-06-02', '2026-07-14') }, '2026-07-20')),
    ).toEqual([]);
    const late = findingsOf(
      evaluate({ ...record, visits: visits('2026-06-02', '2026-07-15') }, '2026-07-20'),
    );
    expect(late[0]).toMatchObject({ severity: 'medium', dueDate: '2026-07-14' });
  });

  it('after the first year, 3 months for a long-term placement and still 6 weeks otherwise', () => {
    const start = '2025-01-06';
    const afterYear = visits(
      '2025-01-07',
      '2025-02-15',
      '2025-03-25',
      '2025-05-01',
      '2025-06-10',
      '2025-07-20',
      '2025-08-28',
      '2025-10-05',
      '2025-11-12',
      '2025-12-20',
      '2026-01-10',
    );
    const longTerm = { ...inCareFrom(start, { longTerm: true }), visits: afterYear };
    expect(findingsOf(evaluate(longTerm, '2026-04-10'))).toEqual([]);
    expect(findingsOf(evaluate(longTerm, '2026-04-11'))[0]?.dueDate).toBe('2026-04-10');
    const shortTerm = { ...inCareFrom(start, { longTerm: false }), visits: afterYear };
    expect(findingsOf(evaluate(shortTerm, '2026-02-21'))).toEqual([]);
    expect(findingsOf(evaluate(shortTerm, '2026-02-22'))[0]?.dueDate).toBe('2026-02-21');
  });

  it('does not count a visit on which the child was not seen; cannot judge when it is not recorded whether they were', () => {
    const unseen = { ...inCareFrom('2026-06-01'), visits: [visit('V1', '2026-06-03', false)] };
    expect(findingsOf(evaluate(unseen, '2026-06-10'))).toHaveLength(1);
    const unknown = { ...inCareFrom('2026-06-01'), visits: [visit('V1', '2026-06-03', null)] };
    expect(findingsOf(evaluate(unknown, '2026-06-08'))).toEqual([]);
    expect(evaluate(unknown, '2026-06-10')).toMatchObject({ kind: 'NOT_ASSESSED', reason: 'MISSING_DATA' });
    // Six weeks after the uncertain visit a visit is overdue either way.
    expect(findingsOf(evaluate(unknown, '2026-07-16'))[0]?.dueDate).toBe('2026-07-15');
  });

  it('a placement not recorded as long-term or not is decided where it makes no difference', () => {
    const record = {
      ...inCareFrom('2025-01-06', { longTerm: null }),
      visits: visits(
        '2025-01-07',
        '2025-02-15',
        '2025-03-25',
        '2025-05-01',
        '2025-06-10',
        '2025-07-20',
        '2025-08-28',
        '2025-10-05',
        '2025-11-12',
        '2025-12-20',
        '2026-01-10',
      ),
    };
    expect(findingsOf(evaluate(record, '2026-02-21'))).toEqual([]);
    expect(evaluate(record, '2026-03-01')).toMatchObject({ kind: 'NOT_ASSESSED', reason: 'MISSING_DATA' });
    expect(findingsOf(evaluate(record, '2026-04-11'))).toHaveLength(1);
  });

  it('judges an ended placement up to its end, and one shorter than a week needs no visit', () => {
    const ended = {
      placements: [placement('PL1', '2026-03-02', { endDate: at('2026-05-01') })],
      visits: visits('2026-03-03'),
    };
    const [finding] = findingsOf(evaluate(ended, '2026-11-25'));
    expect(finding).toMatchObject({ severity: 'medium', dueDate: '2026-04-14' });
    const short = { placements: [placement('PL1', '2026-03-02', { endDate: at('2026-03-08') })] };
    expect(findingsOf(evaluate(short, '2026-11-25'))).toEqual([]);
  });

  it('a visit the morning before a move belongs to the old placement, not the new one', () => {
    const record = {
      placements: [
        placement('PL0', '2026-05-01', { endDate: '2026-06-01T12:00:00.000Z' }),
        placement('PL1', '2026-06-01', { startDate: '2026-06-01T14:00:00.000Z' }),
      ],
      visits: [visit('V0', '2026-05-02'), { ...visit('V1', '2026-06-01'), date: '2026-06-01T09:30:00.000Z' }],
    };
    const findings = findingsOf(evaluate(record, '2026-06-10'));
    expect(findings.map((f) => f.subject.id)).toEqual(['PL1']);
    const later = {
      ...record,
      visits: [...record.visits, { ...visit('V2', '2026-06-01'), date: '2026-06-01T16:00:00.000Z' }],
    };
    expect(findingsOf(evaluate(later, '2026-06-10'))).toEqual([]);
  });

  it('counts only looked-after visits, within the placement', () => {
    const record = {
      ...inCareFrom('2026-06-01'),
      visits: [{ ...visit('V1', '2026-06-03'), kind: 'CHILD_IN_NEED' as const }, visit('V2', '2026-05-30')],
    };
    expect(findingsOf(evaluate(record, '2026-06-10'))).toHaveLength(1);
  });

  it('cannot decide without social care', () => {
    expect(swVisitLate.evaluate(joinedRecord({ socialCare: 'UNAVAILABLE' }), ruleContext())).toMatchObject({
      kind: 'NOT_ASSESSED',
      agencies: ['socialCare'],
    });
  });

  it('visits at most 6 weeks apart in the first year never raise a finding; one more day does (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayOf('2020-01-01'), max: dayOf('2025-01-01') }),
        fc.array(fc.integer({ min: 1, max: 42 }), { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 0, max: 7 }),
        (n, gaps, firstAfter) => {
          const start = n as DayNumber;
          let day = addDays(start, firstAfter);
          const days = [day];
          for (const gap of gaps) days.push((day = addDays(day, gap)));
          const record = {
            ...inCareFrom(dateOf(start)),
            visits: days.map((d, i) => visit(`V${i}`, dateOf(d))),
          };
          expect(findingsOf(evaluate(record, dateOf(addDays(day, 42))))).toEqual([]);
          expect(findingsOf(evaluate(record, dateOf(addDays(day, 43))))).toHaveLength(1);
        },
      ),
    );
  });
});
