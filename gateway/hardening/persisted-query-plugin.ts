/**
 * Allow-list mode (GRAPHQL_PERSISTED_QUERIES=allow-list): only the operations in the manifest run. A request is
 * admitted when the SHA-256 of its query text is a manifest id, or, sent without text, when its
 * `extensions.persistedQuery.sha256Hash` is one (the text then comes from the manifest). Anything else is refused
 * with PERSISTED_QUERY_NOT_ALLOWED (HTTP 400) before Apollo parses or validates it.
 *
 * Apollo has no plugin hook that can answer a request before parsing. This one throws from `requestDidStart`,
 * which Apollo would turn into "Internal server error" (500, logged as unexpected), and rethrows the same error
 * from `unexpectedErrorProcessingRequest`: Apollo then answers with that error, formatted by `formatError`, with
 * the status it carries. Only this plugin's own refusals are rethrown; persisted-query-plugin.test.ts holds
 * Apollo to this behaviour.
 */
import type { ApolloServerPlugin, GraphQLRequest } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { sha256Hex, type PersistedQueryManifest } from './persisted-query-manifest.js';

export const PERSISTED_QUERY_NOT_ALLOWED = 'PERSISTED_QUERY_NOT_ALLOWED';

export type Admission =
  | { admitted: true; query: string | undefined }
  | { admitted: false; reason: 'UNKNOWN_QUERY' | 'UNKNOWN_HASH' | 'HASH_MISMATCH' };

function sentHash(request: GraphQLRequest): unknown {
  const persistedQuery: unknown = request.extensions?.persistedQuery;
  return typeof persistedQuery === 'object' && persistedQuery !== null
    ? (persistedQuery as { sha256Hash?: unknown }).sha256Hash
    : undefined;
}

/** Whether the manifest allows the request, and the query text to run. */
export function admit(manifest: PersistedQueryManifest, request: GraphQLRequest): Admission {
  const hash = sentHash(request);
  if (typeof request.query === 'string') {
    const id = sha256Hex(request.query);
    if (!manifest.operations.has(id)) return { admitted: false, reason: 'UNKNOWN_QUERY' };
    if (hash !== undefined && hash !== id) return { admitted: false, reason: 'HASH_MISMATCH' };
    return { admitted: true, query: request.query };
  }
  if (hash !== undefined) {
    const operation = typeof hash === 'string' ? manifest.operations.get(hash) : undefined;
    return operation
      ? { admitted: true, query: operation.body }
      : { admitted: false, reason: 'UNKNOWN_HASH' };
  }
  // Neither text nor hash: nothing would run, and Apollo refuses it (400) before parsing.
  return { admitted: true, query: undefined };
}

export interface PersistedQueryPluginOptions {
  /** Called for each refused request (for a metric). */
  onRefused?: (reason: Extract<Admission, { admitted: false }>['reason']) => void;
}

export function createPersistedQueryPlugin(
  manifest: PersistedQueryManifest,
  options: PersistedQueryPluginOptions = {},
): ApolloServerPlugin {
  const refusals = new WeakSet<Error>();
  return {
    async requestDidStart({ request }) {
      const admission = admit(manifest, request);
      if (!admission.admitted) {
        options.onRefused?.(admission.reason);
        const refusal = new GraphQLError('This operation is not one the hub allows.', {
          extensions: { code: PERSISTED_QUERY_NOT_ALLOWED, http: { status: 400 } },
        });
        refusals.add(refusal);
        throw refusal;
      }
      if (admission.query !== undefined) {
        // Apollo reads the text after requestDidStart. Without persistedQuery, Apollo's own automatic persisted
        // queries stay out of it: nothing is registered in, or looked up from, its cache.
        request.query = admission.query;
        if (request.extensions?.persistedQuery !== undefined) {
          const { persistedQuery: _persistedQuery, ...extensions } = request.extensions;
          request.extensions = extensions;
        }
      }
      return undefined;
    },
    async unexpectedErrorProcessingRequest({ error }) {
      if (refusals.has(error)) throw error;
    },
  };
}
