import { describe, expect, it } from 'vitest';
import { Intervals, covers, teamId, yn } from './values.js';

describe('values', () => {
  const periods = [
    { id: 'a', start: '2024-01-01', end: '2024-02-01' },
    { id: 'b', start: '2024-03-01', end: null },
  ];
  const intervals = new Intervals(
    periods,
    (p) => p.start,
    (p) => p.end,
  );
  const pick = (at: string) => intervals.at(at)?.id ?? null;

  it('picks the covering interval, else the latest that started before, else none', () => {
    expect(pick('2024-01-15T10:00:00Z')).toBe('a');
    expect(pick('2025-01-01')).toBe('b');
    expect(pick('2024-02-15')).toBe('a');
    expect(pick('2023-12-31')).toBeNull();
    expect(covers('2024-01-01', null, '2030-01-01')).toBe(true);
  });

  it('makes flags and team ids the SSD way', () => {
    expect([yn(true), yn(false), yn(null)]).toEqual(['Y', 'N', null]);
    expect(teamId(' Children Looked After Team 1 ')).toBe('CHILDREN_LOOKED_AFTER_TEAM_1');
  });
});
