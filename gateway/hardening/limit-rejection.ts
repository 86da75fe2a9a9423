/**
 * What a client is told when an operation breaks a limit: a stable code and a message that says which limit, never
 * its value (a number to aim just under helps only someone probing the gateway).
 */
import { GraphQLError } from 'graphql';

export type LimitName = 'depth' | 'aliases' | 'cost' | 'tokens' | 'directives';

const messages: Record<LimitName, string> = {
  depth: 'The operation is nested too deeply.',
  aliases: 'The operation uses too many aliases.',
  cost: 'The operation asks for too much at once: ask for fewer items or fields.',
  tokens: 'The operation is too long.',
  directives: 'The operation uses too many directives.',
};

export function limitMessage(limit: LimitName): string {
  return messages[limit];
}

/** A validation error for a broken limit; Apollo answers it with HTTP 400 and GRAPHQL_VALIDATION_FAILED. */
export function limitError(limit: LimitName): GraphQLError {
  return new GraphQLError(messages[limit], {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit, http: { status: 400 } },
  });
}
