/**
 * Test helpers: keys of each accepted algorithm, tokens with any claims (including wrong ones), and the shipped
 * policy. Only tests import this.
 */
import { readFileSync } from 'node:fs';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import type { AuthConfig } from './auth-config.js';
import { parsePolicy, type Policy } from './policy.js';

export const POLICY_FILE = new URL('./policy.json', import.meta.url);

export function shippedPolicyJson(): unknown {
  return JSON.parse(readFileSync(POLICY_FILE, 'utf8'));
}

export function shippedPolicy(): Policy {
  return parsePolicy(shippedPolicyJson(), 'policy.json');
}

export function testAuthConfig(overrides: Partial<AuthConfig> = {}): AuthConfig {
  return {
    mode: 'local',
    issuer: 'child-view-hub-local',
    audience: 'child-view-hub',
    jwksUrl: undefined,
    localKeyDir: '.data/auth-test',
    maxTokenAgeSeconds: 900,
    policyFile: 'gateway/auth/policy.json',
    ...overrides,
  };
}

export interface TestKey {
  alg: 'EdDSA' | 'ES256' | 'RS256';
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export async function testKey(alg: TestKey['alg'], kid: string): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, alg === 'EdDSA' ? { crv: 'Ed25519' } : {});
  return { alg, kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

/** The claims of a valid social worker token, to start from. */
export function socialWorkerClaims(): JWTPayload {
  return {
    name: 'Sam Carter',
    email: 'Sam.Carter@Council.Example',
    org: '873',
    role: 'SOCIAL_WORKER',
    purpose: 'DIRECT_CARE',
  };
}

export interface SignOptions {
  claims?: JWTPayload;
  /** Seconds relative to `now`. */
  iat?: number | null;
  exp?: number | null;
  nbf?: number;
  iss?: string;
  aud?: string;
  sub?: string | null;
  kid?: string;
  alg?: string;
  now?: number;
}

/** Signs a token; every registered claim can be changed or (with null) left out. */
export async function signTestToken(key: TestKey, options: SignOptions = {}): Promise<string> {
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const payload: JWTPayload = {
    ...(options.claims ?? socialWorkerClaims()),
    iss: options.iss ?? 'child-view-hub-local',
    aud: options.aud ?? 'child-view-hub',
  };
  if (options.sub !== null) payload.sub = options.sub ?? 'user-123';
  if (options.iat !== null) payload.iat = now + (options.iat ?? 0);
  if (options.exp !== null) payload.exp = now + (options.exp ?? 300);
  if (options.nbf !== undefined) payload.nbf = now + options.nbf;
  return new SignJWT(payload)
    .setProtectedHeader({ alg: options.alg ?? key.alg, kid: options.kid ?? key.kid, typ: 'JWT' })
    .sign(key.privateKey);
}
