import { describe, expect, it } from 'vitest';
import { RequestCounter } from './counters.js';

describe('RequestCounter', () => {
  it('counts per key, totals, and resets', () => {
    const counter = new RequestCounter();
    counter.record('GET /b');
    counter.record('GET /a');
    counter.record('GET /b');
    expect(counter.snapshot()).toEqual({ 'GET /a': 1, 'GET /b': 2 });
    expect(Object.keys(counter.snapshot())).toEqual(['GET /a', 'GET /b']);
    expect(counter.total()).toBe(3);
    counter.reset();
    expect(counter.snapshot()).toEqual({});
    expect(counter.total()).toBe(0);
  });

  it('returns a snapshot that later records do not change', () => {
    const counter = new RequestCounter();
    counter.record('ssd_person');
    const before = counter.snapshot();
    counter.record('ssd_person');
    expect(before).toEqual({ ssd_person: 1 });
  });
});
