/**
 * One error per cause. When an agency fails, every child on the page reports the same failure; a client (and a
 * practitioner reading it) needs to be told once which agency could not be read, not a hundred times. Errors with
 * the same message and extensions collapse into the first, which says how many places it stood for.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';

export function deduplicateErrors(errors: readonly GraphQLFormattedError[]): GraphQLFormattedError[] {
  const byCause = new Map<string, { error: GraphQLFormattedError; count: number }>();
  for (const error of errors) {
    const key = JSON.stringify([error.message, error.extensions ?? {}]);
    const seen = byCause.get(key);
    if (seen) seen.count += 1;
    else byCause.set(key, { error, count: 1 });
  }
  // A merged error has no single path: keeping the first would read as if only that child were affected.
  return [...byCause.values()].map(({ error, count }) => {
    if (count === 1) return error;
    const { path: _path, locations: _locations, ...rest } = error;
    return { ...rest, extensions: { ...error.extensions, occurrences: count } };
  });
}

export const deduplicateErrorsPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind === 'single' && response.body.singleResult.errors) {
          response.body.singleResult.errors = deduplicateErrors(response.body.singleResult.errors);
        }
      },
    };
  },
};
