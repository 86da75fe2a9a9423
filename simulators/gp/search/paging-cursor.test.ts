import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FhirError } from '../fhir/operation-outcome.js';
import { decodeCursor, encodeCursor } from './paging-cursor.js';

describe('paging cursor', () => {
  it('round-trips any id and is URL-safe', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 64 }), (id) => {
        const cursor = encodeCursor('Encounter', id);
        expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(decodeCursor(cursor, 'Encounter')).toBe(id);
      }),
    );
  });

  it('rejects a cursor for another type or one it did not issue', () => {
    expect(() => decodeCursor(encodeCursor('Patient', 'a'), 'Encounter')).toThrow(FhirError);
    expect(() => decodeCursor('not-a-cursor', 'Patient')).toThrow(FhirError);
    expect(() => decodeCursor(Buffer.from('{"t":"Patient"}').toString('base64url'), 'Patient')).toThrow(
      FhirError,
    );
  });
});
