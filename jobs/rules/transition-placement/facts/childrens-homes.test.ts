import { describe, expect, it } from 'vitest';
import { dayOf } from '../../time/calendar-day.js';
import { homePlacement, placement } from '../testing/records.js';
import {
  childrensHomeStays,
  isChildrensHome,
  latestStayIn,
  stayOn,
  type HomeStay,
} from './childrens-homes.js';

const stays = (...placements: Parameters<typeof childrensHomeStays>[0]): HomeStay[] => {
  const result = childrensHomeStays(placements);
  if (!Array.isArray(result)) throw new Error(result.missing);
  return result;
};

describe("children's home stays", () => {
  it("counts K1, K2 and any placement in a residential unit as a children's home", () => {
    expect(isChildrensHome(placement({ startDate: '2026-01-01', type: 'K2' }))).toBe(true);
    expect(isChildrensHome(placement({ startDate: '2026-01-01', type: ' k1 ' }))).toBe(true);
    expect(isChildrensHome(placement({ startDate: '2026-01-01', type: null, residentialUnitId: 'U1' }))).toBe(
      true,
    );
    expect(isChildrensHome(placement({ startDate: '2026-01-01', type: 'U4' }))).toBe(false);
  });

  it('a placement record that continues in the same home is part of the same stay, not an admission', () => {
    const [stay, ...rest] = stays(
      homePlacement('U1', { id: 'A', startDate: '2026-01-05', endDate: '2026-02-01' }),
      homePlacement('U1', { id: 'B', startDate: '2026-02-01' }),
    );
    expect(rest).toEqual([]);
    expect(stay?.admission.id).toBe('A');
    expect(stay?.placements.map((p) => p.id)).toEqual(['A', 'B']);
    expect(stay?.endedOn).toBeNull();
  });

  it('a move to another home, or a return after a break, is a new admission', () => {
    const list = stays(
      homePlacement('U1', { id: 'A', startDate: '2026-01-05', endDate: '2026-02-01' }),
      homePlacement('U2', { id: 'B', startDate: '2026-02-01', endDate: '2026-03-01' }),
      homePlacement('U2', { id: 'C', startDate: '2026-03-05' }),
    );
    expect(list.map((s) => s.admission.id)).toEqual(['A', 'B', 'C']);
    expect(stayOn(list, dayOf('2026-03-02'))).toBeNull();
    expect(stayOn(list, dayOf('2026-02-01'))?.admission.id).toBe('B');
    expect(latestStayIn(list, 'U2')?.admission.id).toBe('C');
  });
});
