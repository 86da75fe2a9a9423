import { describe, expect, it } from 'vitest';
import { ConfigError, HubError, asHubError, toHttpError } from './errors.js';

describe('HubError', () => {
  it('maps codes to HTTP statuses and safe default messages', () => {
    expect(toHttpError(new HubError('UNAUTHENTICATED'))).toEqual({
      status: 401,
      body: { error: { code: 'UNAUTHENTICATED', message: 'Authentication is required.' } },
    });
    expect(
      toHttpError(new HubError('UPSTREAM_TIMEOUT', { details: { agency: 'health' } })).body.error,
    ).toEqual({
      code: 'UPSTREAM_TIMEOUT',
      message: 'An agency system did not answer in time.',
      details: { agency: 'health' },
    });
  });

  it('never exposes the message or stack of an unknown error', () => {
    const raw = new Error('duplicate key value violates unique constraint "child_nhs_number" (9990000018)');
    const { status, body } = toHttpError(raw);
    expect(status).toBe(500);
    expect(JSON.stringify(body)).not.toContain('9990000018');
    expect(JSON.stringify(body)).not.toContain('constraint');
    expect(asHubError(raw).cause).toBe(raw);
  });

  it('lists every config problem in one message', () => {
    const error = new ConfigError(['PORT: expected a number', 'REDIS_URL: invalid URL']);
    expect(error.message).toContain('2 problems');
    expect(error.message).toContain('PORT: expected a number');
    expect(error.message).toContain('REDIS_URL: invalid URL');
  });
});
