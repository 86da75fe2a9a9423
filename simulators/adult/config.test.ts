import { describe, expect, it } from 'vitest';
import { failFirstHandoffsFromEnv } from './config.js';

describe('failFirstHandoffsFromEnv', () => {
  it('defaults to 0 and reads a whole number', () => {
    expect(failFirstHandoffsFromEnv({})).toBe(0);
    expect(failFirstHandoffsFromEnv({ ADULT_SIM_FAIL_FIRST_HANDOFFS: ' 3 ' })).toBe(3);
  });

  it('names the variable when the value is bad', () => {
    for (const bad of ['-1', '2.5', 'two', '5000']) {
      expect(() => failFirstHandoffsFromEnv({ ADULT_SIM_FAIL_FIRST_HANDOFFS: bad })).toThrow(
        /ADULT_SIM_FAIL_FIRST_HANDOFFS/,
      );
    }
  });
});
