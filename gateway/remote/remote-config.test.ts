import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../platform/config.js';
import { ConfigError } from '../../platform/errors.js';
import { createLogger } from '../../platform/logger.js';
import { remoteConnectorsConfigSection } from './remote-config.js';
import { createRemoteConnectors } from './remote-connectors.js';

const secret = 'remote-config-test-secret-0123456789ab';
const parse = (env: Record<string, string>) =>
  parseConfig({ remote: remoteConnectorsConfigSection }, env).remote;

function problems(env: Record<string, string>): string[] {
  try {
    parse(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('remote connector configuration', () => {
  it('is off by default: every connector in-process, no secret needed', () => {
    expect(parse({})).toEqual({ urls: new Map(), contextSecret: undefined, timeoutMs: 10_000 });
    expect(parse({ CONNECTOR_URLS: '' }).urls.size).toBe(0);
  });

  it('reads name=url pairs', () => {
    const config = parse({
      CONNECTOR_URLS: 'health=http://127.0.0.1:4201/graphql, education=https://education.internal/graphql',
      CONNECTOR_CONTEXT_SECRET: secret,
      CONNECTOR_TIMEOUT_MS: '3000',
    });
    expect([...config.urls]).toEqual([
      ['health', 'http://127.0.0.1:4201/graphql'],
      ['education', 'https://education.internal/graphql'],
    ]);
    expect(config.contextSecret).toBe(secret);
    expect(config.timeoutMs).toBe(3000);
  });

  it('requires a secret of at least 32 characters once a connector is remote', () => {
    expect(problems({ CONNECTOR_URLS: 'health=http://127.0.0.1:4201/graphql' })).toEqual([
      expect.stringMatching(/^CONNECTOR_CONTEXT_SECRET: required when CONNECTOR_URLS names connectors/),
    ]);
    expect(
      problems({ CONNECTOR_URLS: 'health=http://127.0.0.1:4201/graphql', CONNECTOR_CONTEXT_SECRET: 'short' }),
    ).toEqual(['CONNECTOR_CONTEXT_SECRET: at least 32 characters']);
  });

  it('lists every malformed entry', () => {
    expect(
      problems({
        CONNECTOR_URLS:
          'health,education=ftp://x/graphql,adult-services=http://a/graphql,adult-services=http://b/graphql',
        CONNECTOR_CONTEXT_SECRET: secret,
      }),
    ).toEqual([
      'CONNECTOR_URLS: expected name=url pairs separated by commas, got "health"',
      'CONNECTOR_URLS: education: expected an http(s) URL',
      'CONNECTOR_URLS: adult-services is listed twice',
    ]);
  });

  it('refuses a connector name the hub does not have', () => {
    const config = parse({
      CONNECTOR_URLS: 'helth=http://127.0.0.1:4201/graphql',
      CONNECTOR_CONTEXT_SECRET: secret,
    });
    const logger = createLogger({ service: 'test', level: 'silent' });
    expect(() => createRemoteConnectors(config, { known: ['identity', 'health'], logger })).toThrow(
      /CONNECTOR_URLS: no connector is named "helth" \(known: identity, health\)/,
    );
    const none = createRemoteConnectors(parse({}), { known: ['health'], logger });
    expect(none.executors.size).toBe(0);
    expect(none.ping('health')).toBeUndefined();
  });

  it('checks a remote connector’s readiness at its own /readyz', async () => {
    const asked: string[] = [];
    const config = parse({
      CONNECTOR_URLS: 'health=http://127.0.0.1:4201/graphql',
      CONNECTOR_CONTEXT_SECRET: secret,
    });
    const remote = createRemoteConnectors(config, {
      known: ['identity', 'health'],
      logger: createLogger({ service: 'test', level: 'silent' }),
      fetch: async (input) => {
        asked.push(String(input));
        return new Response(null, { status: asked.length === 1 ? 200 : 503 });
      },
    });
    expect([...remote.executors.keys()]).toEqual(['health']);
    expect(remote.ping('identity')).toBeUndefined();
    const ping = remote.ping('health')!;
    await expect(ping()).resolves.toBeUndefined();
    await expect(ping()).rejects.toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE' });
    expect(asked).toEqual(['http://127.0.0.1:4201/readyz', 'http://127.0.0.1:4201/readyz']);
  });
});
