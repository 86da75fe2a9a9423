import Fastify, { type FastifyInstance } from 'fastify';
import type { JWK } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HubError } from '../../platform/errors.js';
import { authFailureReason } from './auth-errors.js';
import { shippedPolicy, signTestToken, testAuthConfig, testKey, type TestKey } from './testing.js';
import { createTokenVerifier, type RemoteJwksOptions } from './verify-token.js';

// A stand-in identity provider: serves whatever key set the test puts up, and counts fetches.
let server: FastifyInstance;
let served: { keys: JWK[] } | 'broken' = { keys: [] };
let fetches = 0;
let jwksUrl: string;
let es256: TestKey;
let rs256: TestKey;
let rotated: TestKey;
const policy = shippedPolicy();

beforeAll(async () => {
  [es256, rs256, rotated] = await Promise.all([
    testKey('ES256', 'idp-2026-01'),
    testKey('RS256', 'idp-rsa-1'),
    testKey('ES256', 'idp-2026-02'),
  ]);
  server = Fastify({ logger: false });
  server.get('/.well-known/jwks.json', async (_request, reply) => {
    fetches++;
    if (served === 'broken') return reply.status(500).send({ error: 'down' });
    return reply.header('cache-control', 'max-age=300').send(served);
  });
  const address = await server.listen({ port: 0, host: '127.0.0.1' });
  jwksUrl = `${address}/.well-known/jwks.json`;
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  served = { keys: [es256.publicJwk, rs256.publicJwk] };
  fetches = 0;
});

function jwksVerifier(remoteJwks: RemoteJwksOptions = {}) {
  const config = testAuthConfig({
    mode: 'jwks',
    jwksUrl,
    issuer: 'https://idp.example',
    audience: 'hub-api',
  });
  return createTokenVerifier(config, { policy, remoteJwks });
}

const idpToken = (key: TestKey) => signTestToken(key, { iss: 'https://idp.example', aud: 'hub-api' });

describe('createTokenVerifier (jwks mode)', () => {
  it("verifies ES256 and RS256 tokens against the identity provider's key set, fetching it once", async () => {
    const verifier = jwksVerifier();
    await expect(verifier.verify(`Bearer ${await idpToken(es256)}`)).resolves.toMatchObject({
      role: 'SOCIAL_WORKER',
    });
    await expect(verifier.verify(`Bearer ${await idpToken(rs256)}`)).resolves.toMatchObject({
      role: 'SOCIAL_WORKER',
    });
    await expect(verifier.verify(`Bearer ${await idpToken(es256)}`)).resolves.toBeDefined();
    expect(fetches).toBe(1);
  });

  it('fetches the key set again when a token names a new key id (key rotation)', async () => {
    const verifier = jwksVerifier({ cooldownMs: 0 });
    await verifier.verify(`Bearer ${await idpToken(es256)}`);
    expect(fetches).toBe(1);

    served = { keys: [rotated.publicJwk] }; // the IdP rotates: old key gone, new kid published
    await expect(verifier.verify(`Bearer ${await idpToken(rotated)}`)).resolves.toMatchObject({
      role: 'SOCIAL_WORKER',
    });
    expect(fetches).toBe(2);
    await expect(verifier.verify(`Bearer ${await idpToken(rotated)}`)).resolves.toBeDefined();
    expect(fetches).toBe(2);
  });

  it('does not refetch for unknown key ids within the cooldown (a flood of bad tokens cannot hammer the IdP)', async () => {
    const verifier = jwksVerifier({ cooldownMs: 60_000 });
    await verifier.verify(`Bearer ${await idpToken(es256)}`);
    served = { keys: [rotated.publicJwk] };
    for (let i = 0; i < 3; i++) {
      const error = await verifier
        .verify(`Bearer ${await idpToken(rotated)}`)
        .catch((thrown: unknown) => thrown);
      expect(authFailureReason(error)).toBe('INVALID_TOKEN');
    }
    expect(fetches).toBe(1);
  });

  it('rejects a token signed by a key the IdP does not publish, and a local-issuer token', async () => {
    const verifier = jwksVerifier({ cooldownMs: 0 });
    const stranger = await testKey('ES256', 'idp-2026-01'); // same kid as a published key, different key
    const error = await verifier
      .verify(`Bearer ${await idpToken(stranger)}`)
      .catch((thrown: unknown) => thrown);
    expect(authFailureReason(error)).toBe('INVALID_TOKEN');
    const localIssuer = await signTestToken(es256, { aud: 'hub-api' });
    const issuerError = await verifier.verify(`Bearer ${localIssuer}`).catch((thrown: unknown) => thrown);
    expect((issuerError as HubError).details).toEqual({ reason: 'INVALID_TOKEN', claim: 'iss' });
  });

  it('answers DEPENDENCY_UNAVAILABLE (not 401) when the key set cannot be fetched', async () => {
    served = 'broken';
    const error = await jwksVerifier()
      .verify(`Bearer ${await idpToken(es256)}`)
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(HubError);
    expect((error as HubError).code).toBe('DEPENDENCY_UNAVAILABLE');
    expect((error as HubError).details).toEqual({ reason: 'JWKS_UNAVAILABLE' });

    const unreachable = createTokenVerifier(
      testAuthConfig({
        mode: 'jwks',
        jwksUrl: 'http://127.0.0.1:9/jwks.json',
        issuer: 'https://idp.example',
        audience: 'hub-api',
      }),
      { policy, remoteJwks: { timeoutMs: 1000 } },
    );
    const unreachableError = await unreachable
      .verify(`Bearer ${await idpToken(es256)}`)
      .catch((thrown: unknown) => thrown);
    expect((unreachableError as HubError).code).toBe('DEPENDENCY_UNAVAILABLE');
  });
});
