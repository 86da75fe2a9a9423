import { describe, expect, it } from 'vitest';
import { emptySocialCare } from '../../testing/joined-record-builder.js';
import { dateOf, dayOf } from '../../time/calendar-day.js';
import { episode, lacReview, ssd } from '../testing/builders.js';
import { periodOfCareOn, reviewsHeldInPeriod } from './period-of-care.js';

const d = dayOf;
const socialCare = {
  ...emptySocialCare(),
  careEpisodes: [
    episode({
      id: 'A1',
      periodOfCareId: 'POC-A',
      startDate: ssd('2020-01-06'),
      ceasedDate: ssd('2021-03-01'),
    }),
    episode({
      id: 'B1',
      periodOfCareId: 'POC-B',
      startDate: ssd('2024-02-05'),
      ceasedDate: ssd('2025-01-10'),
    }),
    episode({
      id: 'B2',
      periodOfCareId: 'POC-B',
      startDate: ssd('2025-01-10'),
      enteredCareDate: ssd('2024-02-05'),
    }),
  ],
  lookedAfterReviews: [
    lacReview('RA', '2020-02-01', 'POC-A'),
    lacReview('RB2', '2024-09-01', 'POC-B'),
    lacReview('RB1', '2024-03-01', 'POC-B'),
    { ...lacReview('RBX', '2024-02-20', 'POC-B'), cancelled: true },
    lacReview('RB-', null, 'POC-B'),
  ],
};

describe('periods of care', () => {
  it('finds the period a child is in on a day, from the day they entered care for it', () => {
    const period = periodOfCareOn(socialCare, d('2025-06-01'));
    expect(period?.id).toBe('POC-B');
    expect(dateOf(period?.entered ?? d('1970-01-01'))).toBe('2024-02-05');
    expect(period?.episodes.map((e) => e.id)).toEqual(['B1', 'B2']);
    expect(periodOfCareOn(socialCare, d('2020-06-01'))?.id).toBe('POC-A');
  });

  it('is not looked after between periods, on the day an episode ceased, or before the first', () => {
    expect(periodOfCareOn(socialCare, d('2022-01-01'))).toBeNull();
    expect(periodOfCareOn(socialCare, d('2021-03-01'))).toBeNull();
    expect(periodOfCareOn(socialCare, d('2021-02-28'))?.id).toBe('POC-A');
    expect(periodOfCareOn(socialCare, d('2019-12-31'))).toBeNull();
  });

  it("lists the period's held reviews, earliest first, leaving out cancelled and undated ones", () => {
    const period = periodOfCareOn(socialCare, d('2025-06-01'));
    expect(period && reviewsHeldInPeriod(socialCare, period).map((r) => r.id)).toEqual(['RB1', 'RB2']);
  });
});
