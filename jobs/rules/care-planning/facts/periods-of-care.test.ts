import { describe, expect, it } from 'vitest';
import { emptySocialCare } from '../../testing/joined-record-builder.js';
import { dateOf, dayOf } from '../../time/calendar-day.js';
import { at, episode, placement } from '../testing/care-records.js';
import { firstPlacementDay, periodsOfCare } from './periods-of-care.js';
import { spanOn } from '../../facts/spans.js';

describe('periods of care', () => {
  it('groups episodes by period, with each period’s placements oldest first', () => {
    const section = {
      ...emptySocialCare(),
      careEpisodes: [
        episode('E2', '2025-03-01', { ceasedDate: at('2025-06-01') }),
        episode('E1', '2025-01-10', { ceasedDate: at('2025-03-01') }),
        episode('E3', '2026-02-01', { periodOfCareId: 'POC2' }),
      ],
      placements: [
        placement('PL2', '2025-03-01'),
        placement('PL1', '2025-01-10'),
        placement('PL3', '2026-02-01', { periodOfCareId: 'POC2' }),
      ],
    };
    const periods = periodsOfCare(section);
    expect(periods.map((p) => p.id)).toEqual(['POC1', 'POC2']);
    expect(dateOf(periods[0]!.start)).toBe('2025-01-10');
    expect(periods[0]!.end && dateOf(periods[0]!.end)).toBe('2025-06-01');
    expect(periods[0]!.placements.map((p) => p.id)).toEqual(['PL1', 'PL2']);
    expect(periods[1]!.end).toBeNull();
    expect(dateOf(firstPlacementDay(periods[1]!))).toBe('2026-02-01');
  });

  it('chains episodes without a period id when one continues the other, and places loose placements by date', () => {
    const section = {
      ...emptySocialCare(),
      careEpisodes: [
        episode('E1', '2025-01-10', { periodOfCareId: null, ceasedDate: at('2025-03-01') }),
        episode('E2', '2025-03-01', { periodOfCareId: null, ceasedDate: at('2025-04-01') }),
        episode('E3', '2025-09-01', { periodOfCareId: null }),
      ],
      placements: [placement('PL1', '2025-03-05', { periodOfCareId: null })],
    };
    const periods = periodsOfCare(section);
    expect(periods.map((p) => p.id)).toEqual(['E1', 'E3']);
    expect(periods[0]!.episodes.map((e) => e.id)).toEqual(['E1', 'E2']);
    expect(periods[0]!.placements.map((p) => p.id)).toEqual(['PL1']);
    expect(spanOn(periods, dayOf('2025-04-01'))).toBeNull();
    expect(spanOn(periods, dayOf('2025-03-31'))?.id).toBe('E1');
  });

  it('takes the entered-care date as the start where the extract begins mid-period', () => {
    const section = {
      ...emptySocialCare(),
      careEpisodes: [episode('E1', '2025-05-01', { enteredCareDate: at('2024-11-20') })],
    };
    const [period] = periodsOfCare(section);
    expect(dateOf(period!.start)).toBe('2024-11-20');
    expect(dateOf(firstPlacementDay(period!))).toBe('2024-11-20');
  });
});
