import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { HubError } from '../platform/errors.js';
import { formatGraphQLError } from './format-error.js';

describe('formatGraphQLError', () => {
  it('finds a HubError under stitched wrapping and keeps only its code, message and safe details', () => {
    const hubError = new HubError('UPSTREAM_TIMEOUT', {
      details: { agency: 'HEALTH', reason: 'UPSTREAM_TIMEOUT' },
    });
    const inner = new GraphQLError(hubError.message, {
      originalError: hubError,
      path: ['_healthChildren', 0, 'health'],
    });
    const outer = new GraphQLError(inner.message, { originalError: inner, path: ['child', 'health'] });
    const formatted = formatGraphQLError({ message: outer.message, path: ['child', 'health'] }, outer);
    expect(formatted).toEqual({
      message: 'An agency system did not answer in time.',
      path: ['child', 'health'],
      extensions: { code: 'UPSTREAM_TIMEOUT', agency: 'HEALTH', reason: 'UPSTREAM_TIMEOUT' },
    });
  });

  it('masks anything that is not a HubError or a request error', () => {
    const error = new GraphQLError('relation "ssd_person" does not exist 9434765919', {
      originalError: new Error('relation "ssd_person" does not exist'),
    });
    const formatted = formatGraphQLError(
      { message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['x'] } },
      error,
    );
    expect(formatted).toEqual({ message: 'Something went wrong.', extensions: { code: 'INTERNAL' } });
  });

  it('keeps validation messages, which describe the query rather than data', () => {
    const error = new GraphQLError('Cannot query field "nme" on type "Child".');
    const formatted = formatGraphQLError(
      { message: error.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
      error,
    );
    expect(formatted.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });
});
