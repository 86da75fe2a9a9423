import { describe, expect, it } from 'vitest';
import { formatTable } from './table.js';

describe('formatTable', () => {
  it('aligns text left and numbers right under their headers', () => {
    expect(
      formatTable([
        { target: 'a', 'req/s': 1500 },
        { target: 'longer', 'req/s': 20 },
      ]),
    ).toBe(['target  req/s', '------  -----', 'a       1,500', 'longer     20'].join('\n'));
  });
  it('says so when there is nothing to show', () => {
    expect(formatTable([])).toBe('(no rows)');
  });
});
