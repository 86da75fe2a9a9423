/**
 * graphql-js answers a misspelt field, argument, type or enum value with "Did you mean ...?", naming real schema
 * elements: with introspection off (production) that lets a caller map the schema by guessing. This plugin
 * removes the suggestion and keeps the rest of the message.
 *
 * graphql-armor's block-field-suggestions is not used: its Apollo plugin matches only `Did you mean "x"` and so
 * keeps `Did you mean the enum value "X"?` (variable and argument errors), and it leaves a dangling "?".
 */
import type { ApolloServerPlugin } from '@apollo/server';

const suggestion = /\s*Did you mean [^?]*\?/g;

export function withoutSuggestions(message: string): string {
  return message.replace(suggestion, '');
}

export const hideSuggestionsPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      // Runs for parse, validation and execution errors alike, before they are formatted.
      async didEncounterErrors({ errors }) {
        for (const error of errors) {
          const hidden = withoutSuggestions(error.message);
          if (hidden !== error.message) error.message = hidden;
        }
      },
    };
  },
};
