import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../platform/config.js';
import { ConfigError } from '../../platform/errors.js';
import { authConfigSection } from './auth-config.js';

const parse = (env: Record<string, string | undefined>) => parseConfig({ auth: authConfigSection }, env).auth;

function problems(env: Record<string, string | undefined>): string[] {
  try {
    parse(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('authConfigSection', () => {
  it('defaults to local mode with short-lived tokens', () => {
    expect(parse({})).toEqual({
      mode: 'local',
      issuer: 'child-view-hub-local',
      audience: 'child-view-hub',
      jwksUrl: undefined,
      localKeyDir: '.data/auth',
      maxTokenAgeSeconds: 900,
      policyFile: 'gateway/auth/policy.json',
    });
    expect(authConfigSection.variables).toEqual([
      'AUTH_MODE',
      'AUTH_ISSUER',
      'AUTH_AUDIENCE',
      'AUTH_JWKS_URL',
      'AUTH_LOCAL_KEY_DIR',
      'AUTH_MAX_TOKEN_AGE_SECONDS',
      'AUTH_POLICY_FILE',
    ]);
  });

  it('reads jwks mode', () => {
    expect(
      parse({
        AUTH_MODE: 'jwks',
        AUTH_JWKS_URL: 'https://login.example/.well-known/jwks.json',
        AUTH_ISSUER: 'https://login.example',
        AUTH_AUDIENCE: 'api://child-view-hub',
        AUTH_MAX_TOKEN_AGE_SECONDS: '600',
      }),
    ).toMatchObject({
      mode: 'jwks',
      jwksUrl: 'https://login.example/.well-known/jwks.json',
      issuer: 'https://login.example',
      audience: 'api://child-view-hub',
      maxTokenAgeSeconds: 600,
    });
  });

  it('requires AUTH_JWKS_URL in jwks mode, listed with the other problems', () => {
    expect(problems({ AUTH_MODE: 'jwks' })).toEqual([
      "AUTH_JWKS_URL: required when AUTH_MODE is 'jwks' (the identity provider's JWKS URL)",
    ]);
    const all = problems({ AUTH_MODE: 'jwks', AUTH_MAX_TOKEN_AGE_SECONDS: 'soon', AUTH_JWKS_URL: '' });
    expect(all).toHaveLength(2);
    expect(all.some((problem) => problem.startsWith('AUTH_MAX_TOKEN_AGE_SECONDS:'))).toBe(true);
    expect(all.some((problem) => problem.startsWith('AUTH_JWKS_URL: required'))).toBe(true);
  });

  it('ignores AUTH_JWKS_URL in local mode', () => {
    expect(parse({ AUTH_JWKS_URL: 'https://login.example/jwks' }).jwksUrl).toBeUndefined();
  });

  it('accepts plain http only for a loopback JWKS URL', () => {
    expect(parse({ AUTH_MODE: 'jwks', AUTH_JWKS_URL: 'http://127.0.0.1:8080/jwks' }).jwksUrl).toBe(
      'http://127.0.0.1:8080/jwks',
    );
    expect(parse({ AUTH_MODE: 'jwks', AUTH_JWKS_URL: 'http://localhost/jwks' }).jwksUrl).toBe(
      'http://localhost/jwks',
    );
    expect(problems({ AUTH_MODE: 'jwks', AUTH_JWKS_URL: 'http://login.example/jwks' })).toEqual([
      'AUTH_JWKS_URL: must be https (plain http is accepted only for a loopback address)',
    ]);
    expect(problems({ AUTH_MODE: 'jwks', AUTH_JWKS_URL: 'not a url' })[0]).toMatch(
      /^AUTH_JWKS_URL: expected a URL/,
    );
  });

  it('refuses a bad mode and token ages outside 30 s – 24 h', () => {
    expect(problems({ AUTH_MODE: 'oauth' })[0]).toMatch(/^AUTH_MODE:/);
    expect(problems({ AUTH_MAX_TOKEN_AGE_SECONDS: '5' })[0]).toMatch(/^AUTH_MAX_TOKEN_AGE_SECONDS:/);
    expect(problems({ AUTH_MAX_TOKEN_AGE_SECONDS: '604800' })[0]).toMatch(/^AUTH_MAX_TOKEN_AGE_SECONDS:/);
  });
});
