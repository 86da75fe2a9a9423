import { describe, expect, it } from 'vitest';
import { isHubError } from '../../platform/errors.js';
import { TransientUpstreamError } from '../../platform/upstream/upstream-policy.js';
import { toDriverError } from './pg-errors.js';

/** A pg DatabaseError's shape: SQLSTATE in `code`, and a message that may quote SQL or values. */
function databaseError(code: string, message = 'relation "ssd_person" failed for P-1234'): Error {
  return Object.assign(new Error(message), { code, detail: 'Key (pers_person_id)=(P-1234)' });
}

describe('PostgreSQL failures as hub errors', () => {
  it('treats connection, resource, shutdown and system errors (incl. injected 58000) as transient', () => {
    for (const code of ['58000', '08006', '53300', '57P01', '40001']) {
      const error = toDriverError(databaseError(code), 'SOCIAL_CARE');
      expect(error).toBeInstanceOf(TransientUpstreamError);
      expect((error as TransientUpstreamError).reason).toBe(`UPSTREAM_SQLSTATE_${code}`);
    }
  });

  it('treats a refused, dropped or timed-out connection as transient', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:55432'), {
      code: 'ECONNREFUSED',
    });
    for (const error of [
      refused,
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      new Error('Query read timeout'),
    ]) {
      const mapped = toDriverError(error, 'SOCIAL_CARE');
      expect(mapped).toBeInstanceOf(TransientUpstreamError);
      expect((mapped as TransientUpstreamError).reason).toBe('UPSTREAM_CONNECTION_FAILED');
    }
  });

  it('does not retry what will fail the same way again (missing column, refused login), and says only the code', () => {
    const error = toDriverError(
      databaseError('42703', 'column "pers_x" does not exist in SELECT ...'),
      'SOCIAL_CARE',
    );
    expect(isHubError(error) && error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(isHubError(error) && error.details).toEqual({
      agency: 'SOCIAL_CARE',
      reason: 'UPSTREAM_SQLSTATE_42703',
    });
    expect(JSON.stringify(error)).not.toMatch(/P-1234|SELECT|pers_x/);
    expect(error.message).not.toMatch(/P-1234|SELECT|pers_x/);
    expect(isHubError(toDriverError(new TypeError('x is undefined'), 'SOCIAL_CARE'))).toBe(true);
  });
});
