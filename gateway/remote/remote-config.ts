/**
 * Which connectors the gateway reaches over HTTP instead of in-process, and the secret it signs their request
 * context with. Every connector runs in-process unless CONNECTOR_URLS names it.
 */
import { z } from 'zod';
import { envInt, type ConfigSection, type Env } from '../../platform/config.js';
import { minHubContextSecretLength } from '../../platform/hub-context.js';

export interface RemoteConnectorsConfig {
  /** Connector name → its GraphQL endpoint. Empty: everything in-process. */
  urls: ReadonlyMap<string, string>;
  /** Present whenever `urls` is not empty. */
  contextSecret: string | undefined;
  /** Whole-call timeout per remote connector call (covers the connector's own upstream retries). */
  timeoutMs: number;
}

const shape = {
  CONNECTOR_URLS: z.string().optional(),
  CONNECTOR_CONTEXT_SECRET: z
    .string()
    .min(minHubContextSecretLength, `at least ${minHubContextSecretLength} characters`)
    .optional(),
  CONNECTOR_TIMEOUT_MS: envInt(10_000, { min: 100, max: 120_000 }),
};

/** `health=http://127.0.0.1:4201/graphql,education=http://…` → entries, or the problems with it. */
export function parseConnectorUrls(value: string | undefined): {
  urls: Map<string, string>;
  problems: string[];
} {
  const urls = new Map<string, string>();
  const problems: string[] = [];
  for (const entry of (value ?? '').split(',').map((part) => part.trim())) {
    if (entry === '') continue;
    const match = /^([a-z][a-z0-9-]*)=(.+)$/.exec(entry);
    if (!match) {
      problems.push(`expected name=url pairs separated by commas, got "${entry}"`);
      continue;
    }
    const [, name, url] = match as unknown as [string, string, string];
    if (!isHttpUrl(url)) problems.push(`${name}: expected an http(s) URL`);
    else if (urls.has(name)) problems.push(`${name} is listed twice`);
    else urls.set(name, url);
  }
  return { urls, problems };
}

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

const schema = z.object(shape).transform((env, ctx): RemoteConnectorsConfig => {
  const { urls, problems } = parseConnectorUrls(env.CONNECTOR_URLS);
  for (const message of problems) ctx.addIssue({ code: 'custom', path: ['CONNECTOR_URLS'], message });
  if (urls.size > 0 && env.CONNECTOR_CONTEXT_SECRET === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['CONNECTOR_CONTEXT_SECRET'],
      message: `required when CONNECTOR_URLS names connectors (the secret they verify the gateway's signed context with, at least ${minHubContextSecretLength} characters)`,
    });
  }
  return { urls, contextSecret: env.CONNECTOR_CONTEXT_SECRET, timeoutMs: env.CONNECTOR_TIMEOUT_MS };
});

export const remoteConnectorsConfigSection: ConfigSection<RemoteConnectorsConfig> = {
  name: 'remoteConnectors',
  schema: schema as unknown as z.ZodType<RemoteConnectorsConfig, Env>,
  variables: Object.keys(shape),
};
