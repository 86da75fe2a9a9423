import { describe, expect, it } from 'vitest';
import { deduplicateErrors } from './deduplicate-errors.js';

describe('deduplicateErrors', () => {
  it('collapses one agency failure reported for every child into one error with a count', () => {
    const perChild = Array.from({ length: 100 }, (_, i) => ({
      message: 'An agency system did not answer in time.',
      path: ['children', 'edges', i, 'node', 'health'],
      extensions: { code: 'UPSTREAM_TIMEOUT', agency: 'HEALTH', reason: 'UPSTREAM_TIMEOUT' },
    }));
    const other = {
      message: 'An agency system is unavailable.',
      extensions: { code: 'UPSTREAM_UNAVAILABLE', agency: 'EDUCATION' },
    };
    expect(deduplicateErrors([...perChild, other])).toEqual([
      { message: perChild[0]!.message, extensions: { ...perChild[0]!.extensions, occurrences: 100 } },
      other,
    ]);
  });

  it('keeps errors with different causes apart', () => {
    const a = {
      message: 'x',
      extensions: { code: 'UPSTREAM_UNAVAILABLE', agency: 'HEALTH', reason: 'CIRCUIT_OPEN' },
    };
    const b = {
      message: 'x',
      extensions: { code: 'UPSTREAM_UNAVAILABLE', agency: 'HEALTH', reason: 'UPSTREAM_HTTP_503' },
    };
    expect(deduplicateErrors([a, b])).toEqual([a, b]);
  });
});
