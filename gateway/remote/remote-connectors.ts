/**
 * The gateway's side of remote connector mode: an HTTP executor per connector named in CONNECTOR_URLS (passed to
 * stitchGateway as `remoteExecutors`), and a readiness check that asks the served connector's own /readyz.
 */
import type { Executor } from '@graphql-tools/utils';
import { ConfigError, HubError } from '../../platform/errors.js';
import { createHubContextSigner, type HubContextSigner } from '../../platform/hub-context.js';
import type { Logger } from '../../platform/logger.js';
import type { RemoteConnectorsConfig } from './remote-config.js';
import { createRemoteExecutor } from './remote-executor.js';

export interface RemoteConnectors {
  /** By connector name; empty when every connector runs in-process. */
  executors: ReadonlyMap<string, Executor>;
  /** The readiness check for a remote connector (its /readyz); undefined for an in-process one. */
  ping(name: string): (() => Promise<void>) | undefined;
}

export function createRemoteConnectors(
  config: RemoteConnectorsConfig,
  options: { known: readonly string[]; logger: Logger; signer?: HubContextSigner; fetch?: typeof fetch },
): RemoteConnectors {
  const unknown = [...config.urls.keys()].filter((name) => !options.known.includes(name));
  if (unknown.length > 0) {
    throw new ConfigError(
      unknown.map(
        (name) => `CONNECTOR_URLS: no connector is named "${name}" (known: ${options.known.join(', ')})`,
      ),
    );
  }
  if (config.urls.size === 0) return { executors: new Map(), ping: () => undefined };
  if (!options.signer && config.contextSecret === undefined) {
    throw new ConfigError(['CONNECTOR_CONTEXT_SECRET: required when CONNECTOR_URLS names connectors']);
  }
  const signer = options.signer ?? createHubContextSigner({ secret: config.contextSecret as string });
  const fetchImpl = options.fetch ?? fetch;
  const executors = new Map<string, Executor>();
  for (const [name, url] of config.urls) {
    executors.set(
      name,
      createRemoteExecutor({
        url,
        connectorName: name,
        signer,
        timeoutMs: config.timeoutMs,
        logger: options.logger.child({ connector: name, mode: 'remote' }),
        ...(options.fetch ? { fetch: options.fetch } : {}),
      }),
    );
  }
  return {
    executors,
    ping: (name) => {
      const url = config.urls.get(name);
      if (url === undefined) return undefined;
      const readyz = new URL('readyz', url).toString();
      return async () => {
        const response = await fetchImpl(readyz, {
          signal: AbortSignal.timeout(Math.min(config.timeoutMs, 2000)),
        });
        await response.body?.cancel();
        if (!response.ok) throw new HubError('DEPENDENCY_UNAVAILABLE', { details: { connector: name } });
      };
    },
  };
}
