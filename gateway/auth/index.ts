/**
 * Auth for the gateway: who is calling (a verified token turned into a Caller by the policy). `createAuth` puts the
 * pieces together from the auth config; the gateway wires `verifier.verify` into requests and serves `publicJwks`
 * at /.well-known/jwks.json in local mode.
 */
import type { JSONWebKeySet } from 'jose';
import type { AuthConfig } from './auth-config.js';
import { loadOrCreateLocalKey } from './local-keys.js';
import { loadPolicy, type Policy } from './policy.js';
import { createTokenVerifier, type RemoteJwksOptions, type TokenVerifier } from './verify-token.js';

export { authConfigSection, type AuthConfig, type AuthMode } from './auth-config.js';
export { authFailureReason, type AuthFailureReason } from './auth-errors.js';
export { tokenClaimsSchema, type TokenClaims } from './claims.js';
export { loadOrCreateLocalKey, type LocalSigningKey } from './local-keys.js';
export {
  isCallersRelationship,
  loadPolicy,
  parsePolicy,
  resolveCaller,
  type Caller,
  type Policy,
  type RelationshipFact,
  type RolePolicy,
} from './policy.js';
export { createTokenVerifier, type TokenVerifier, type TokenVerifierDeps } from './verify-token.js';
export * from './vocabulary.js';

export interface Auth {
  config: AuthConfig;
  policy: Policy;
  verifier: TokenVerifier;
  /** Local mode: the public key set to serve at /.well-known/jwks.json. Undefined in jwks mode. */
  publicJwks: JSONWebKeySet | undefined;
}

/** Loads the policy (and, in local mode, the key pair, creating it on first use) and builds the verifier. */
export async function createAuth(
  config: AuthConfig,
  options: { remoteJwks?: RemoteJwksOptions } = {},
): Promise<Auth> {
  const policy = await loadPolicy(config.policyFile);
  if (config.mode === 'jwks') {
    const verifier = createTokenVerifier(config, {
      policy,
      ...(options.remoteJwks === undefined ? {} : { remoteJwks: options.remoteJwks }),
    });
    return { config, policy, verifier, publicJwks: undefined };
  }
  const key = await loadOrCreateLocalKey(config.localKeyDir);
  return {
    config,
    policy,
    verifier: createTokenVerifier(config, { policy, jwks: key.jwks }),
    publicJwks: key.jwks,
  };
}
