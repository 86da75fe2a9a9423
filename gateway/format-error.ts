/**
 * The one place GraphQL errors are turned into what a client sees: a stable code and a safe message. Stack
 * traces, SQL, upstream bodies, delegated sub-request payloads and identifiers never leave.
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { isHubError } from '../platform/errors.js';

const graphqlRequestCodes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_NOT_ALLOWED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/** Stitching wraps a subschema's error in a GraphQLError per delegation level; find the error underneath. */
export function originalErrorOf(error: unknown): unknown {
  let current = unwrapResolverError(error);
  for (let depth = 0; depth < 10 && current instanceof GraphQLError && current.originalError; depth += 1) {
    current = current.originalError;
  }
  return current;
}

export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = originalErrorOf(error);
  const path = formatted.path === undefined ? {} : { path: formatted.path };
  if (isHubError(original)) {
    return {
      message: original.safeMessage,
      ...path,
      extensions: { code: original.code, ...(original.details ?? {}) },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && graphqlRequestCodes.has(code)) {
    // Parse and validation messages describe the query the client sent, not data; keep them.
    return { message: formatted.message, ...path, extensions: { code } };
  }
  return { message: 'Something went wrong.', ...path, extensions: { code: 'INTERNAL' } };
}
