import { describe, expect, it } from 'vitest';
import type { SocialCareSectionValue } from '../../../connectors/social-care/social-care-section.js';
import { placementRecord } from '../testing/social-care-records.js';
import { dayOf } from '../time/calendar-day.js';
import { datedPlacements, placementOn } from './placements.js';
import { covers, spanOn } from './spans.js';

const section = (placements: SocialCareSectionValue['placements']) =>
  ({ placements }) as SocialCareSectionValue;

describe('placements as days', () => {
  it('reads SSD timestamps as their date part, earliest first, and lists the ones that are not dates', () => {
    const { dated, unreadable } = datedPlacements(
      section([
        placementRecord({ id: 'P2', startDate: '2026-03-01T23:30:00.000Z' }),
        placementRecord({ id: 'P1', startDate: '2026-01-10T10:00:00.000Z', endDate: '2026-03-01' }),
        placementRecord({ id: 'PX', startDate: 'unknown' }),
        placementRecord({ id: 'PY', startDate: '2026-01-01', endDate: 'never' }),
      ]),
    );
    expect(dated.map((d) => d.placement.id)).toEqual(['P1', 'P2']);
    expect(dated[1]?.start).toBe(dayOf('2026-03-01'));
    expect(unreadable).toEqual(['PX', 'PY']);
    // A placement ending on a day is over that day; the next one covers it.
    expect(placementOn(dated, dayOf('2026-02-28'))?.placement.id).toBe('P1');
    expect(placementOn(dated, dayOf('2026-03-01'))?.placement.id).toBe('P2');
    expect(placementOn(dated, dayOf('2026-01-09'))).toBeUndefined();
  });

  it('takes the latest started placement where records overlap', () => {
    const { dated } = datedPlacements(
      section([
        placementRecord({ id: 'A', startDate: '2026-01-01' }),
        placementRecord({ id: 'B', startDate: '2026-02-01' }),
      ]),
    );
    expect(placementOn(dated, dayOf('2026-02-15'))?.placement.id).toBe('B');
  });
});

describe('spans', () => {
  it('cover from their start up to but not including their end', () => {
    const span = { start: dayOf('2026-01-10'), end: dayOf('2026-02-01') };
    expect(covers(span, dayOf('2026-01-09'))).toBe(false);
    expect(covers(span, dayOf('2026-01-10'))).toBe(true);
    expect(covers(span, dayOf('2026-01-31'))).toBe(true);
    expect(covers(span, dayOf('2026-02-01'))).toBe(false);
    expect(spanOn([span, { start: dayOf('2026-02-01'), end: null }], dayOf('2030-01-01'))?.end).toBeNull();
  });
});
