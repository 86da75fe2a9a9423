import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFeedSender } from './feed-sender.js';

describe('feed sender', () => {
  it('accepts ODS codes for GP feeds and URNs for school feeds, normalised', () => {
    expect(parseFeedSender('GP_FHIR', ' m81001 ')).toBe('M81001');
    expect(parseFeedSender('GP_FHIR', '00C')).toBe('00C');
    expect(parseFeedSender('SCHOOL_CSV', '123456')).toBe('123456');
    expect(parseFeedSender('SCHOOL_CSV', undefined)).toBeNull();
    expect(parseFeedSender('GP_FHIR', '  ')).toBeNull();
  });

  it('refuses anything else', () => {
    for (const bad of ['M8', 'M81001-X', 'A'.repeat(11), "M81001'--"])
      expect(() => parseFeedSender('GP_FHIR', bad)).toThrow();
    for (const bad of ['12345', '1234567', 'M81001', '12 456'])
      expect(() => parseFeedSender('SCHOOL_CSV', bad)).toThrow();
  });

  it('a URN is six digits, whatever else is around it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (value) => {
        let result: string | null | 'refused';
        try {
          result = parseFeedSender('SCHOOL_CSV', value);
        } catch {
          result = 'refused';
        }
        if (value.trim() === '') expect(result).toBeNull();
        else expect(result).toBe(/^\d{6}$/.test(value.trim()) ? value.trim() : 'refused');
      }),
    );
  });
});
