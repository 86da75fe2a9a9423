import { SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { HubError } from '../../platform/errors.js';
import { authFailureReason } from './auth-errors.js';
import {
  shippedPolicy,
  signTestToken,
  socialWorkerClaims,
  testAuthConfig,
  testKey,
  type TestKey,
} from './testing.js';
import { createTokenVerifier, type TokenVerifier } from './verify-token.js';

let key: TestKey;
let otherKey: TestKey;
let verifier: TokenVerifier;
const policy = shippedPolicy();
const config = testAuthConfig();

beforeAll(async () => {
  key = await testKey('EdDSA', 'local-1');
  otherKey = await testKey('EdDSA', 'local-1'); // same kid, different key: a forged signature
  verifier = createTokenVerifier(config, { policy, jwks: { keys: [key.publicJwk] } });
});

async function failure(promise: Promise<unknown>): Promise<HubError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(HubError);
  return error as HubError;
}

async function reasonFor(header: string | undefined): Promise<string | undefined> {
  const error = await failure(verifier.verify(header));
  expect(error.code).toBe('UNAUTHENTICATED');
  expect(error.httpStatus).toBe(401);
  return authFailureReason(error);
}

describe('createTokenVerifier (local mode)', () => {
  it('turns a valid token into a Caller', async () => {
    const token = await signTestToken(key);
    const caller = await verifier.verify(`Bearer ${token}`);
    expect(caller).toMatchObject({
      userId: 'user-123',
      name: 'Sam Carter',
      email: 'sam.carter@council.example',
      organisation: '873',
      role: 'SOCIAL_WORKER',
      position: undefined,
      relationshipKinds: ['ALLOCATED_SOCIAL_WORKER'],
      purpose: 'DIRECT_CARE',
    });
    expect(caller.activities.has('VIEW_SOCIAL_CARE')).toBe(true);
    expect(caller.activities.has('SEAL_OVERRIDE')).toBe(false);
    expect(caller.categories.has('CHILD_PROTECTION')).toBe(true);
    expect(caller.categories.has('SEXUAL_HEALTH')).toBe(false);
    expect(Object.isFrozen(caller)).toBe(true);
  });

  it('accepts the scheme in any case and resolves a role from a position', async () => {
    const claims = { ...socialWorkerClaims(), role: undefined, position: 'R0260', org: 'm81001' };
    const caller = await verifier.verify(`bearer ${await signTestToken(key, { claims })}`);
    expect(caller).toMatchObject({ role: 'GP', position: 'R0260', organisation: 'M81001' });
    expect(caller.categories.has('SEXUAL_HEALTH')).toBe(true);
  });

  it('narrows activities (and so categories) to the token activities claim', async () => {
    const claims = {
      ...socialWorkerClaims(),
      activities: ['VIEW_CHILD_RECORD', 'VIEW_EDUCATION', 'SEAL_OVERRIDE'],
    };
    const caller = await verifier.verify(`Bearer ${await signTestToken(key, { claims })}`);
    expect([...caller.activities].sort()).toEqual(['VIEW_CHILD_RECORD', 'VIEW_EDUCATION']);
    expect([...caller.categories].sort()).toEqual(['EDUCATION', 'IDENTITY']);
  });

  it('MISSING_TOKEN without a header, or with an empty one', async () => {
    expect(await reasonFor(undefined)).toBe('MISSING_TOKEN');
    expect(await reasonFor('')).toBe('MISSING_TOKEN');
    expect(await reasonFor('   ')).toBe('MISSING_TOKEN');
  });

  it('INVALID_TOKEN for another scheme, garbage, or a bad signature', async () => {
    const token = await signTestToken(key);
    expect(await reasonFor(`Basic ${Buffer.from('a:b').toString('base64')}`)).toBe('INVALID_TOKEN');
    expect(await reasonFor(token)).toBe('INVALID_TOKEN');
    expect(await reasonFor('Bearer not-a-jwt')).toBe('INVALID_TOKEN');
    expect(await reasonFor('Bearer a.b.c')).toBe('INVALID_TOKEN');
    expect(await reasonFor(`Bearer ${token} ${token}`)).toBe('INVALID_TOKEN');
    expect(await reasonFor(`Bearer ${'a'.repeat(9000)}`)).toBe('INVALID_TOKEN');
    expect(await reasonFor(`Bearer ${await signTestToken(otherKey)}`)).toBe('INVALID_TOKEN');
    const [header, payload] = token.split('.');
    const tampered = `${header}.${payload}.${Buffer.from('x'.repeat(64)).toString('base64url')}`;
    expect(await reasonFor(`Bearer ${tampered}`)).toBe('INVALID_TOKEN');
  });

  it('INVALID_TOKEN for a key id it does not know and an algorithm it does not accept', async () => {
    expect(await reasonFor(`Bearer ${await signTestToken(key, { kid: 'unknown' })}`)).toBe('INVALID_TOKEN');
    const hmac = await new SignJWT({ ...socialWorkerClaims(), sub: 'u' })
      .setProtectedHeader({ alg: 'HS256', kid: 'local-1' })
      .setIssuer(config.issuer)
      .setAudience(config.audience)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(new Uint8Array(32));
    expect(await reasonFor(`Bearer ${hmac}`)).toBe('INVALID_TOKEN');
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(
      JSON.stringify({ ...socialWorkerClaims(), sub: 'u', iss: config.issuer, aud: config.audience }),
    ).toString('base64url')}.`;
    expect(await reasonFor(`Bearer ${unsigned}`)).toBe('INVALID_TOKEN');
  });

  it('INVALID_TOKEN for the wrong issuer or audience, naming the claim', async () => {
    const wrongIssuer = await failure(
      verifier.verify(`Bearer ${await signTestToken(key, { iss: 'someone-else' })}`),
    );
    expect(wrongIssuer.details).toEqual({ reason: 'INVALID_TOKEN', claim: 'iss' });
    const wrongAudience = await failure(
      verifier.verify(`Bearer ${await signTestToken(key, { aud: 'other-api' })}`),
    );
    expect(wrongAudience.details).toEqual({ reason: 'INVALID_TOKEN', claim: 'aud' });
  });

  it('TOKEN_EXPIRED after exp (beyond the clock tolerance), but not within it', async () => {
    expect(await reasonFor(`Bearer ${await signTestToken(key, { iat: -400, exp: -60 })}`)).toBe(
      'TOKEN_EXPIRED',
    );
    await expect(
      verifier.verify(`Bearer ${await signTestToken(key, { iat: -400, exp: -10 })}`),
    ).resolves.toMatchObject({ role: 'SOCIAL_WORKER' });
  });

  it('INVALID_TOKEN before nbf, or with iat in the future', async () => {
    expect(await reasonFor(`Bearer ${await signTestToken(key, { nbf: 120 })}`)).toBe('INVALID_TOKEN');
    expect(await reasonFor(`Bearer ${await signTestToken(key, { iat: 120, exp: 300 })}`)).toBe(
      'INVALID_TOKEN',
    );
  });

  it('requires exp, iat and sub', async () => {
    expect(await reasonFor(`Bearer ${await signTestToken(key, { exp: null })}`)).toBe('INVALID_TOKEN');
    expect(await reasonFor(`Bearer ${await signTestToken(key, { iat: null })}`)).toBe('INVALID_TOKEN');
    expect(await reasonFor(`Bearer ${await signTestToken(key, { sub: null })}`)).toBe('INVALID_TOKEN');
  });

  it('enforces the maximum token age: lifetime (exp − iat) and age of iat', async () => {
    const longLived = await failure(verifier.verify(`Bearer ${await signTestToken(key, { exp: 3600 })}`));
    expect(longLived.details).toEqual({ reason: 'TOKEN_LIFETIME_TOO_LONG', maxTokenAgeSeconds: 900 });
    await expect(verifier.verify(`Bearer ${await signTestToken(key, { exp: 900 })}`)).resolves.toBeDefined();
    // exp still ahead (a token the issuer should not have made), but issued more than 900 s ago
    expect(await reasonFor(`Bearer ${await signTestToken(key, { iat: -1000, exp: 60 })}`)).toBe(
      'TOKEN_EXPIRED',
    );

    const strict = createTokenVerifier(testAuthConfig({ maxTokenAgeSeconds: 60 }), {
      policy,
      jwks: { keys: [key.publicJwk] },
    });
    const error = await failure(strict.verify(`Bearer ${await signTestToken(key, { exp: 300 })}`));
    expect(authFailureReason(error)).toBe('TOKEN_LIFETIME_TOO_LONG');
  });

  it('uses the clock it is given', async () => {
    const token = await signTestToken(key);
    const later = createTokenVerifier(config, {
      policy,
      jwks: { keys: [key.publicJwk] },
      now: () => new Date(Date.now() + 3_600_000),
    });
    expect(authFailureReason(await failure(later.verify(`Bearer ${token}`)))).toBe('TOKEN_EXPIRED');
  });

  it('UNKNOWN_ROLE for a role or position the policy does not know', async () => {
    const unknownRole = { ...socialWorkerClaims(), role: 'WIZARD' };
    const error = await failure(
      verifier.verify(`Bearer ${await signTestToken(key, { claims: unknownRole })}`),
    );
    expect(error.details).toEqual({ reason: 'UNKNOWN_ROLE', claim: 'role' });
    const unknownPosition = { ...socialWorkerClaims(), role: undefined, position: 'R9999' };
    const positionError = await failure(
      verifier.verify(`Bearer ${await signTestToken(key, { claims: unknownPosition })}`),
    );
    expect(positionError.details).toEqual({ reason: 'UNKNOWN_ROLE', claim: 'position' });
  });

  it('ROLE_MISMATCH when role and position disagree; PURPOSE_NOT_ALLOWED for a purpose the role may not use', async () => {
    const mismatch = { ...socialWorkerClaims(), position: 'senco' };
    expect(await reasonFor(`Bearer ${await signTestToken(key, { claims: mismatch })}`)).toBe('ROLE_MISMATCH');
    const audit = { ...socialWorkerClaims(), purpose: 'AUDIT' };
    expect(await reasonFor(`Bearer ${await signTestToken(key, { claims: audit })}`)).toBe(
      'PURPOSE_NOT_ALLOWED',
    );
  });

  it('INVALID_TOKEN with the failing claims named (never their values) when hub claims are missing or invalid', async () => {
    const claims = { role: 'SOCIAL_WORKER', email: 'not-an-email', org: '!!', purpose: 'CURIOSITY' };
    const error = await failure(verifier.verify(`Bearer ${await signTestToken(key, { claims })}`));
    expect(error.details?.['reason']).toBe('INVALID_TOKEN');
    const problems = error.details?.['problems'] as string[];
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual([
      'email',
      'name',
      'org',
      'purpose',
    ]);
    expect(JSON.stringify(problems)).not.toMatch(/not-an-email|CURIOSITY|!!/);
    const noRole = { ...socialWorkerClaims(), role: undefined };
    const noRoleError = await failure(
      verifier.verify(`Bearer ${await signTestToken(key, { claims: noRole })}`),
    );
    expect(noRoleError.details).toEqual({
      reason: 'INVALID_TOKEN',
      problems: ['role: a token needs a role or a position'],
    });
  });

  it('never puts the token or its claims into the error, its message, details or cause', async () => {
    const tokens = [
      await signTestToken(key, { iat: -400, exp: -60 }),
      await signTestToken(key, { iss: 'someone-else' }),
      await signTestToken(otherKey),
      await signTestToken(key, { claims: { ...socialWorkerClaims(), email: 'bad' } }),
    ];
    for (const token of tokens) {
      const error = await failure(verifier.verify(`Bearer ${token}`));
      const everything = JSON.stringify({
        message: error.message,
        details: error.details,
        cause: error.cause instanceof Error ? { ...error.cause, message: error.cause.message } : error.cause,
        own: { ...error },
      });
      for (const part of token.split('.')) if (part.length > 0) expect(everything).not.toContain(part);
      expect(everything).not.toMatch(/sam\.carter|Sam Carter|user-123/i);
    }
  });

  it('refuses to build a local-mode verifier without a key set', () => {
    expect(() => createTokenVerifier(config, { policy })).toThrow(/deps\.jwks/);
  });
});
