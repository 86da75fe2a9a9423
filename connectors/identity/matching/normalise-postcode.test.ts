import { describe, expect, it } from 'vitest';
import { normalisePostcode } from './normalise-postcode.js';

describe('normalisePostcode', () => {
  it('ignores case and spacing, and finds the district', () => {
    expect(normalisePostcode('wx12 3ab')).toEqual({ full: 'WX123AB', district: 'WX12' });
    expect(normalisePostcode('WX1  2AB')).toEqual({ full: 'WX12AB', district: 'WX1' });
  });

  it('treats blanks as missing and short values as having no district', () => {
    expect(normalisePostcode(null)).toBeNull();
    expect(normalisePostcode('  ')).toBeNull();
    expect(normalisePostcode('WX1')).toEqual({ full: 'WX1', district: null });
  });
});
