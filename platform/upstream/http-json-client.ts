/**
 * JSON over HTTP to an agency system, through an UpstreamPolicy, with every answer validated by zod.
 * Status handling: 2xx → parsed and validated; 404 → null when the caller allows it; 429/5xx and network errors →
 * transient (retried for reads, counted by the breaker); other 4xx → rejected, not retried.
 */
import type { z } from 'zod';
import { HubError } from '../errors.js';
import { TransientUpstreamError, type UpstreamPolicy } from './upstream-policy.js';

export interface HttpJsonRequest<T> {
  method?: 'GET' | 'POST';
  url: string;
  body?: unknown;
  /** Form-encoded body (FHIR `_search`), instead of JSON. */
  form?: URLSearchParams;
  headers?: Record<string, string>;
  schema: z.ZodType<T>;
  /** Defaults to true for GET and false for POST. */
  idempotent?: boolean;
  allowNotFound?: boolean;
}

export interface HttpJsonClient {
  request<T>(request: HttpJsonRequest<T> & { allowNotFound: true }): Promise<T | null>;
  request<T>(request: HttpJsonRequest<T>): Promise<T>;
}

export function createHttpJsonClient(options: {
  agency: string;
  policy: UpstreamPolicy;
  fetchImpl?: typeof fetch;
  defaultHeaders?: Record<string, string>;
}): HttpJsonClient {
  const fetchImpl = options.fetchImpl ?? fetch;
  const { agency } = options;

  async function request<T>(req: HttpJsonRequest<T>): Promise<T | null> {
    const method = req.method ?? 'GET';
    const idempotent = req.idempotent ?? method === 'GET';
    const raw = await options.policy.execute(
      async (signal) => {
        let response: Response;
        try {
          response = await fetchImpl(req.url, {
            method,
            signal,
            headers: {
              accept: 'application/json',
              ...(req.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
              ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}),
              ...options.defaultHeaders,
              ...req.headers,
            },
            ...(req.form ? { body: req.form.toString() } : {}),
            ...(req.body !== undefined ? { body: JSON.stringify(req.body) } : {}),
          });
        } catch (error) {
          if (signal.aborted) throw error;
          throw new TransientUpstreamError('UPSTREAM_NETWORK_ERROR');
        }
        if (response.status === 404 && req.allowNotFound) {
          await response.body?.cancel();
          return null;
        }
        if (response.status === 429 || response.status >= 500) {
          await response.body?.cancel();
          throw new TransientUpstreamError(`UPSTREAM_HTTP_${response.status}`);
        }
        if (!response.ok) {
          await response.body?.cancel();
          throw new HubError('UPSTREAM_UNAVAILABLE', {
            details: { agency, reason: `UPSTREAM_REJECTED_${response.status}` },
          });
        }
        try {
          return (await response.json()) as unknown;
        } catch {
          throw new HubError('UPSTREAM_BAD_PAYLOAD', { details: { agency, reason: 'UPSTREAM_NOT_JSON' } });
        }
      },
      { idempotent },
    );
    if (raw === null) return null;
    const parsed = req.schema.safeParse(raw);
    if (!parsed.success) {
      // The issue paths say which element was wrong without echoing any value.
      const paths = parsed.error.issues.slice(0, 5).map((issue) => issue.path.join('.'));
      throw new HubError('UPSTREAM_BAD_PAYLOAD', {
        details: { agency, reason: 'UPSTREAM_BAD_PAYLOAD' },
        cause: { paths },
      });
    }
    return parsed.data;
  }

  return { request } as HttpJsonClient;
}
