import { describe, expect, it } from 'vitest';
import { toAdultChronology } from './to-adult-chronology.js';
import { fixturePerson } from './test-fixtures/fixtures.js';

describe('toAdultChronology', () => {
  it('gives transition work and CLD events as stable kinds, oldest first', () => {
    const events = toAdultChronology([fixturePerson('AP-1')]);
    expect(events.map((e) => [e.at.slice(0, 10), e.kind, e.recordId])).toEqual([
      ['2023-03-01', 'S58_ASSESSMENT', 'S58-8'],
      ['2024-08-15', 'PATHWAY_PLAN', 'PP-9'],
      ['2024-09-02', 'CLD_REQUEST', 'EV-1'],
      ['2024-09-02', 'S58_ASSESSMENT', 'S58-9'],
      ['2024-09-02', 'TRANSITION_REFERRAL', 'TR-9'],
      ['2024-10-01', 'CLD_ASSESSMENT', 'EV-2'],
    ]);
    expect(events.every((e) => e.agency === 'ADULT_SERVICES' && e.category === 'ADULT_SERVICES')).toBe(true);
    expect(events.map((e) => e.summary)).toEqual(
      expect.arrayContaining([
        'Care Act s58 assessment: not likely eligible for care and support as an adult',
        'Care Act s58 assessment requested, not yet carried out (outcome pending)',
        'Transition referral from CHILDRENS_SERVICES: EHCP and disability',
        'Pathway plan agreed',
      ]),
    );
  });

  it('dates a pathway plan without a plan date by its needs assessment', () => {
    expect(toAdultChronology([fixturePerson('AP-3')])).toEqual([
      {
        at: '2025-01-20T00:00:00.000Z',
        agency: 'ADULT_SERVICES',
        kind: 'PATHWAY_PLAN',
        summary: 'Pathway needs assessment; no plan yet',
        recordId: 'PP-3',
        category: 'ADULT_SERVICES',
      },
    ]);
  });

  it('does not repeat an event two duplicate records both carry', () => {
    const events = toAdultChronology([fixturePerson('AP-1'), fixturePerson('AP-2')]);
    expect(events.filter((e) => e.kind === 'CLD_REQUEST')).toHaveLength(1);
    expect(events.filter((e) => e.kind === 'CLD_SERVICE')).toHaveLength(1);
  });
});
