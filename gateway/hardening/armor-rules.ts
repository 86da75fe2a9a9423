/**
 * graphql-armor's depth, alias, cost and directive limits as validation rules, configured for the hub:
 *
 * - every rejection is reported through `limitError` (a safe message, no limit values: `exposeLimits: false` is
 *   moot because armor's own error is never shown);
 * - fragments count as if written inline (`flattenFragments`): they are notation, and the work a query causes
 *   does not change when a client moves fields into a fragment;
 * - the depth limit skips the `__schema` field (a real introspection query is 15 levels deep); introspection is
 *   bounded instead by graphql-js's MaxIntrospectionDepthRule (among the rules graphql 16 and so Apollo always
 *   run) and by the cost limit, which here does count it.
 *
 * armor 2.4+ only skips a *field* named `__schema`; older versions also skipped any operation or fragment of
 * that name, so `query __schema { a { b { ... } } }` bypassed the depth limit (see introspection-bypass.test.ts).
 */
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLArmorConfig } from '@escape.tech/graphql-armor-types';
import type { ValidationContext, ValidationRule } from 'graphql';
import type { OperationLimitsConfig } from './hardening-config.js';
import { limitError, type LimitName } from './limit-rejection.js';

export type OnLimitRejected = (limit: LimitName) => void;

function rejectWith(limit: LimitName, onRejected: OnLimitRejected | undefined) {
  return {
    exposeLimits: false,
    // Armor's own error would be thrown (and so end validation early with a "Syntax Error: ..." message); report
    // ours instead and let validation finish.
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null) => {
        onRejected?.(limit);
        context?.reportError(limitError(limit));
      },
    ],
  };
}

const off = { enabled: false } as const;

function armorRules(config: GraphQLArmorConfig): ValidationRule[] {
  return new ApolloArmor({ blockFieldSuggestion: off, maxTokens: off, ...config }).protect().validationRules;
}

function costOptions(limits: OperationLimitsConfig, onRejected: OnLimitRejected | undefined) {
  return {
    maxCost: limits.maxCost,
    flattenFragments: true,
    ignoreIntrospection: false,
    ...rejectWith('cost', onRejected),
  };
}

/** Depth, aliases, cost and directives. */
export function createArmorRules(
  limits: OperationLimitsConfig,
  onRejected?: OnLimitRejected,
): ValidationRule[] {
  return armorRules({
    maxDepth: {
      n: limits.maxDepth,
      flattenFragments: true,
      ignoreIntrospection: true,
      ...rejectWith('depth', onRejected),
    },
    maxAliases: { n: limits.maxAliases, ...rejectWith('aliases', onRejected) },
    maxDirectives: { n: limits.maxDirectives, ...rejectWith('directives', onRejected) },
    costLimit: costOptions(limits, onRejected),
  });
}

/** The cost limit alone, for checking an operation again once its variables are known (page-size-cost.ts). */
export function createCostRule(limits: OperationLimitsConfig, onRejected?: OnLimitRejected): ValidationRule {
  const [rule] = armorRules({
    maxDepth: off,
    maxAliases: off,
    maxDirectives: off,
    costLimit: costOptions(limits, onRejected),
  });
  if (!rule) throw new Error('graphql-armor returned no cost rule');
  return rule;
}
