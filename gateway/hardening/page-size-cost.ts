/**
 * graphql-armor's cost limit multiplies a list's cost by its `first`/`last` only when the number is written in
 * the query. A client that sends `children(first: $first)` with `{ "first": 500 }` would be costed as a page of
 * one, and validation (cached per query text) never sees variables. This plugin costs the operation again once
 * the variables are known, with the page sizes written in, before anything executes.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  Kind,
  validate,
  visit,
  type DocumentNode,
  type OperationDefinitionNode,
  type ValidationRule,
  type ValueNode,
} from 'graphql';

const pageSizeArguments = new Set(['first', 'last']);

/**
 * The operation (with the document's fragments) with every `first`/`last` bound to a variable replaced by the
 * variable's integer value, or undefined when no page size comes from a variable.
 */
export function inlinePageSizes(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> | undefined,
): DocumentNode | undefined {
  const defaults = new Map<string, ValueNode | undefined>(
    (operation.variableDefinitions ?? []).map((definition) => [
      definition.variable.name.value,
      definition.defaultValue,
    ]),
  );
  const valueOf = (name: string): number | undefined => {
    const sent = variables?.[name];
    if (sent !== undefined && sent !== null) return Number.isSafeInteger(sent) ? (sent as number) : undefined;
    const fallback = defaults.get(name);
    return fallback?.kind === Kind.INT ? Number.parseInt(fallback.value, 10) : undefined;
  };
  let changed = false;
  const selected: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      operation,
      ...document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION),
    ],
  };
  const inlined = visit(selected, {
    Argument(argument) {
      if (!pageSizeArguments.has(argument.name.value) || argument.value.kind !== Kind.VARIABLE)
        return undefined;
      const value = valueOf(argument.value.name.value);
      // Anything else is not a valid Int: variable coercion refuses it before execution.
      if (value === undefined) return undefined;
      changed = true;
      return { ...argument, value: { kind: Kind.INT, value: String(value) } };
    },
  });
  return changed ? inlined : undefined;
}

export function pageSizeCostPlugin(costRule: ValidationRule): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation) return;
          const inlined = inlinePageSizes(document, operation, request.variables);
          if (!inlined) return;
          const [error] = validate(schema, inlined, [costRule]);
          // Thrown here, Apollo answers with this error (its http status included) and executes nothing.
          if (error) throw error;
        },
      };
    },
  };
}
