/**
 * Executes the gateway's operations with graphql-jit instead of graphql-js, through Apollo Server's `gateway`
 * hook (Apollo still parses, validates, resolves the operation, formats errors and runs its plugins; only
 * execution is replaced). Each operation is compiled once into a function and kept in a bounded LRU cache keyed
 * by Apollo's query hash and the operation name, so distinct queries cannot grow memory without limit.
 *
 * Result data is the same as graphql-js's; errors are turned back into real GraphQLErrors (see asGraphQLError),
 * so the hub's formatter answers them the same. What differs: the wording of bad-variable messages (still 400,
 * BAD_USER_INPUT) and errors carry no `locations` (the hub's formatter sends none either way).
 *
 * Off by default (GatewayDeps.executor): it makes plain schemas faster, but on the stitched child view, where
 * every field has a merging resolver, it measured no faster for one child and slower for a 100-child page
 * (bench/child-view).
 */
import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { GraphQLError, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

export type GatewayInterface = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface['load']>>['executor']>;

export interface JitGatewayOptions {
  /** The most compiled operations kept; the least recently used is dropped beyond it. */
  maxCachedOperations?: number;
}

export const defaultMaxCachedOperations = 1000;

/** A bounded least-recently-used cache of compiled operations (a Map keeps insertion order). */
export class CompiledOperationCache {
  private readonly entries = new Map<string, CompiledQuery>();

  constructor(private readonly maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new Error('maxEntries must be at least 1');
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): CompiledQuery | undefined {
    const found = this.entries.get(key);
    if (found !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, found);
    }
    return found;
  }

  set(key: string, compiled: CompiledQuery): void {
    this.entries.delete(key);
    this.entries.set(key, compiled);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }
}

/** An Apollo `gateway` that serves a fixed schema and executes with graphql-jit. */
export function createJitGateway(schema: GraphQLSchema, options: JitGatewayOptions = {}): GatewayInterface {
  const cache = new CompiledOperationCache(options.maxCachedOperations ?? defaultMaxCachedOperations);
  const executor: GatewayExecutor = async (request) => {
    const operationName = request.operationName ?? undefined;
    const key = `${request.queryHash}\u0000${operationName ?? ''}`;
    let compiled = cache.get(key);
    if (compiled === undefined) {
      const result = compileQuery(schema, request.document, operationName);
      // Not compiled: the errors are the answer; nothing is cached for them.
      if (!isCompiledQuery(result)) {
        const failed = result as ExecutionResult<Record<string, unknown>>;
        return { ...failed, errors: (failed.errors ?? []).map((error) => asGraphQLError(error, failed)) };
      }
      compiled = result;
      cache.set(key, compiled);
    }
    const result = (await compiled.query(
      undefined,
      request.context,
      request.request.variables ?? {},
    )) as ExecutionResult<Record<string, unknown>>;
    return result.errors
      ? { ...result, errors: result.errors.map((error) => asGraphQLError(error, result)) }
      : result;
  };
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    load: async () => ({ executor }),
    stop: async () => undefined,
  };
}

/**
 * graphql-jit's errors are look-alikes of GraphQLError whose `extensions` may be undefined, which Apollo's error
 * formatting does not survive (it answers "Internal server error" without calling formatError). Each becomes a
 * real GraphQLError with the same message, path, original error and extensions. A result without `data` failed
 * before execution, which for a compiled operation means its variables: the client's input, reported as
 * graphql-js reports it (BAD_USER_INPUT).
 */
function asGraphQLError(error: GraphQLError, result: ExecutionResult): GraphQLError {
  const inputError = !('data' in result) && !error.originalError;
  return new GraphQLError(error.message, {
    ...(error.path === undefined ? {} : { path: error.path }),
    ...(error.originalError ? { originalError: error.originalError } : {}),
    extensions: { ...error.extensions, ...(inputError ? { code: 'BAD_USER_INPUT' } : {}) },
  });
}
