/**
 * Every limit on the shape of an operation, as ApolloServer options: an operation that breaks one is refused
 * while it is parsed or validated (or, for page sizes sent as variables, before execution), so no resolver runs
 * and no agency is asked anything. Spread the result into the ApolloServer options (README.md shows how).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { ParseOptions, ValidationRule } from 'graphql';
import type { PlatformConfig } from '../../platform/platform-config.js';
import { createArmorRules, createCostRule, type OnLimitRejected } from './armor-rules.js';
import type { HardeningConfig } from './hardening-config.js';
import { hideSuggestionsPlugin } from './hide-suggestions.js';
import { pageSizeCostPlugin } from './page-size-cost.js';
import { tokenLimitParseOptions, tokenLimitPlugin } from './token-limit.js';

export interface OperationLimits {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  /** The token limit: graphql-js stops parsing there (Apollo's `parseOptions`). */
  parseOptions: ParseOptions;
}

export interface OperationLimitsOptions {
  /** Called with each limit a refused operation broke (for a metric; the operation itself is not passed). */
  onRejected?: OnLimitRejected;
}

export function createOperationLimits(
  config: Pick<HardeningConfig, 'limits' | 'fieldSuggestions'>,
  nodeEnv: PlatformConfig['nodeEnv'],
  options: OperationLimitsOptions = {},
): OperationLimits {
  const { onRejected } = options;
  const suggestions = config.fieldSuggestions ?? nodeEnv !== 'production';
  return {
    plugins: [
      tokenLimitPlugin(onRejected),
      pageSizeCostPlugin(createCostRule(config.limits, onRejected)),
      ...(suggestions ? [] : [hideSuggestionsPlugin]),
    ],
    validationRules: createArmorRules(config.limits, onRejected),
    parseOptions: tokenLimitParseOptions(config.limits.maxTokens),
  };
}
