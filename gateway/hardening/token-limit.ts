/**
 * The token limit is graphql-js's own (`parse(source, { maxTokens })`, through Apollo's `parseOptions`): parsing
 * stops at the limit, and Apollo answers GRAPHQL_PARSE_FAILED with HTTP 400. This plugin replaces graphql-js's
 * message, which states the limit, with the safe one.
 *
 * graphql-armor's max-tokens is not used with Apollo: its plugin parses every document a second time and throws
 * from `parsingDidStart`, which Apollo answers with HTTP 500; and its `unexpectedErrorProcessingRequest` hook turns
 * *every* unexpected error into GRAPHQL_VALIDATION_FAILED with the raw error text as the message, which the
 * gateway's error formatter then shows to the client.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { ParseOptions } from 'graphql';
import { limitMessage, type LimitName } from './limit-rejection.js';

// graphql 16 says "more that N tokens"; match either spelling.
const tokenLimitMessage = /^Syntax Error: Document contains more tha[nt] \d+ tokens\b/;

export function tokenLimitParseOptions(maxTokens: number): ParseOptions {
  return { maxTokens };
}

export function tokenLimitPlugin(onRejected?: (limit: LimitName) => void): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            if (!tokenLimitMessage.test(error.message)) continue;
            error.message = limitMessage('tokens');
            onRejected?.('tokens');
          }
        },
      };
    },
  };
}
