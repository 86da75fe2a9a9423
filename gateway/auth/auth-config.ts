/**
 * The auth section of the hub's configuration: where callers' tokens come from (a local demo key pair, or an
 * identity provider's JWKS), what they must say (issuer, audience, a short lifetime) and which policy file turns
 * their role into what they may see.
 */
import { z } from 'zod';
import { envInt, envUrl, type ConfigSection, type Env } from '../../platform/config.js';

export type AuthMode = 'local' | 'jwks';

export interface AuthConfig {
  /** `local`: the hub signs and checks its own tokens (development, demos); `jwks`: an identity provider's keys. */
  mode: AuthMode;
  issuer: string;
  audience: string;
  /** The identity provider's JWKS URL; always set when mode is `jwks`, undefined otherwise. */
  jwksUrl: string | undefined;
  /** Local mode: where the Ed25519 key pair lives (created on first use). */
  localKeyDir: string;
  /** Longest accepted token lifetime (exp − iat) and oldest accepted iat, in seconds. */
  maxTokenAgeSeconds: number;
  policyFile: string;
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A JWKS fetched over plain http could be swapped in transit, and with it every token's signer. */
function httpsOrLoopback(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || loopbackHosts.has(url.hostname);
  } catch {
    return true; // not a URL at all: envUrl reports that
  }
}

const shape = {
  AUTH_MODE: z.enum(['local', 'jwks']).default('local'),
  AUTH_ISSUER: z.string().trim().min(1).default('child-view-hub-local'),
  AUTH_AUDIENCE: z.string().trim().min(1).default('child-view-hub'),
  AUTH_JWKS_URL: envUrl(['https', 'http'])
    .refine(httpsOrLoopback, {
      message: 'must be https (plain http is accepted only for a loopback address)',
    })
    .optional(),
  AUTH_LOCAL_KEY_DIR: z.string().default('.data/auth'),
  AUTH_MAX_TOKEN_AGE_SECONDS: envInt(900, { min: 30, max: 86_400 }),
  AUTH_POLICY_FILE: z.string().default('gateway/auth/policy.json'),
};

type AuthEnv = z.output<z.ZodObject<typeof shape>>;

// Built like defineConfigSection's sections, plus one cross-variable check. The check runs even when another
// variable is invalid (`when`), so start-up still lists every problem at once.
const schema = z
  .object(shape)
  .refine((env) => env.AUTH_MODE !== 'jwks' || env.AUTH_JWKS_URL !== undefined, {
    path: ['AUTH_JWKS_URL'],
    message: "required when AUTH_MODE is 'jwks' (the identity provider's JWKS URL)",
    when: (payload) => {
      const value = payload.value as Partial<AuthEnv> | undefined;
      return typeof value === 'object' && value !== null && value.AUTH_MODE === 'jwks';
    },
  })
  .transform((env): AuthConfig => ({
    mode: env.AUTH_MODE,
    issuer: env.AUTH_ISSUER,
    audience: env.AUTH_AUDIENCE,
    jwksUrl: env.AUTH_MODE === 'jwks' ? env.AUTH_JWKS_URL : undefined,
    localKeyDir: env.AUTH_LOCAL_KEY_DIR,
    maxTokenAgeSeconds: env.AUTH_MAX_TOKEN_AGE_SECONDS,
    policyFile: env.AUTH_POLICY_FILE,
  }));

export const authConfigSection: ConfigSection<AuthConfig> = {
  name: 'auth',
  schema: schema as unknown as z.ZodType<AuthConfig, Env>,
  variables: Object.keys(shape),
};
