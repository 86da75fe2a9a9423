import { describe, expect, it } from 'vitest';
import { FhirError } from '../fhir/operation-outcome.js';
import { handlingPreference, requireJsonAcceptable } from './content-negotiation.js';

describe('handlingPreference', () => {
  it('reads handling from a Prefer header among other preferences', () => {
    expect(handlingPreference('handling=lenient', 'strict')).toBe('lenient');
    expect(handlingPreference('return=representation, handling=strict', 'lenient')).toBe('strict');
    expect(handlingPreference('respond-async; handling="lenient"', 'strict')).toBe('lenient');
  });

  it('falls back to the server default when absent or unrecognised', () => {
    expect(handlingPreference(undefined, 'strict')).toBe('strict');
    expect(handlingPreference('handling=sloppy', 'strict')).toBe('strict');
  });
});

describe('requireJsonAcceptable', () => {
  it('accepts JSON media types, wildcards and no Accept header', () => {
    for (const accept of [
      undefined,
      '',
      '*/*',
      'application/fhir+json',
      'application/json;q=0.5',
      'application/*',
    ]) {
      expect(() => requireJsonAcceptable(accept, null)).not.toThrow();
    }
  });

  it('answers 406 when JSON is excluded or another format is asked for', () => {
    for (const [accept, format] of [
      ['application/fhir+xml', null],
      ['application/fhir+json;q=0', null],
      [undefined, 'xml'],
    ] as const) {
      const attempt = () => requireJsonAcceptable(accept, format);
      expect(attempt).toThrow(FhirError);
      try {
        attempt();
      } catch (error) {
        expect((error as FhirError).status).toBe(406);
      }
    }
  });
});
