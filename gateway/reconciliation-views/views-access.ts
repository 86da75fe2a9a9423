/**
 * What the views ask of the gateway's request context (its AccessSession, gateway/access/access-session.ts):
 * whether the caller may see a child and a category of its data, which children they may reach, and — for the
 * root queries, whose answers sit outside any `Child` — a note of what was released, so the audit records it.
 * A context without a session (a remote call, a test without the gateway) gets nothing: the views fail closed.
 *
 * Inside a `Child` the gateway itself enforces and audits every `@category` field. The root queries' answers are
 * not inside one, so the gateway can check only the caller's role there; `guardRootAnswers` adds the per-child
 * check (the seal, the relationship) and the audit note to every categorised field of an object a root query
 * bound to its child.
 */
import { getDirective, MapperKind, mapSchema } from '@graphql-tools/utils';
import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { HubError } from '../../platform/errors.js';

export interface ViewsAccessProbe {
  admit(childId: string, via: string): Promise<{ allowed: boolean }>;
  /** Null when the caller may see this category of this child's data; a reason code otherwise. */
  withholding(childId: string, category: string): string | null;
  reachableChildIds(limit: number): Promise<string[]>;
  /** Records a release for the audit (the gateway's session has it; a bare probe may not). */
  noteReleased?(childId: string, category: string, field: string): void;
}

export function accessProbeOf(context: unknown): ViewsAccessProbe {
  const access = (context as { access?: Partial<ViewsAccessProbe> } | null)?.access;
  if (
    typeof access?.admit !== 'function' ||
    typeof access.withholding !== 'function' ||
    typeof access.reachableChildIds !== 'function'
  )
    throw new HubError('FORBIDDEN', {
      safeMessage: 'Reconciliation views are answered only through the hub gateway.',
    });
  return access as ViewsAccessProbe;
}

/** Whether the caller may see this category of this child's data (admitting the child first). */
export async function maySee(
  probe: ViewsAccessProbe,
  childId: string,
  category: string,
  via: string,
): Promise<boolean> {
  const { allowed } = await probe.admit(childId, via);
  return allowed && probe.withholding(childId, category) === null;
}

const boundChild = Symbol('reconciliation-views.child');

/** Marks a root query's answer as this child's data, for `guardRootAnswers`. */
export function bindToChild<T extends object>(value: T, childId: string): T {
  Object.defineProperty(value, boundChild, { value: childId, enumerable: false });
  return value;
}

function childBoundTo(source: unknown): string | undefined {
  return source !== null && typeof source === 'object'
    ? ((source as Record<symbol, unknown>)[boundChild] as string | undefined)
    : undefined;
}

type Resolver = GraphQLFieldResolver<unknown, unknown, Record<string, unknown>>;

export function guardRootAnswers(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (fieldConfig, fieldName, typeName) => {
      const category = getDirective(schema, fieldConfig, 'category')?.[0]?.['name'] as string | undefined;
      if (category === undefined) return fieldConfig;
      const resolve: Resolver = (fieldConfig.resolve as Resolver | undefined) ?? defaultFieldResolver;
      const coordinate = `${typeName}.${fieldName}`;
      return {
        ...fieldConfig,
        resolve: (source, args, context, info) => {
          const childId = childBoundTo(source);
          if (childId !== undefined) {
            const probe = accessProbeOf(context);
            const withheld = probe.withholding(childId, category);
            if (withheld !== null)
              throw new HubError('FORBIDDEN', {
                safeMessage:
                  withheld === 'SEALED' ? 'This record is sealed.' : 'You are not allowed to see this.',
                details: { reason: withheld },
              });
            probe.noteReleased?.(childId, category, coordinate);
          }
          return resolve(source, args, context, info);
        },
      };
    },
  });
}
