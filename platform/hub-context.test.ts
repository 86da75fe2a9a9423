import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  createHubContextSigner,
  createHubContextVerifier,
  hubContextIssuer,
  hubContextKey,
  HubContextError,
  signHubContext,
  verifyHubContext,
  type HubContextClaims,
} from './hub-context.js';

const secret = 'a-shared-secret-of-at-least-32-characters';
const key = hubContextKey(secret);
const claims: HubContextClaims = {
  requestId: 'req-1',
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  caller: {
    userId: 'sw-1@council.example',
    role: 'SOCIAL_WORKER',
    organisation: 'LA-001',
    purpose: 'DIRECT_CARE',
  },
};
const at = new Date('2026-11-25T09:00:00Z');
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
const later = (s: number) => new Date(at.getTime() + s * 1000);

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(HubContextError);
    expect((error as HubContextError).code).toBe('UNAUTHENTICATED');
    return (error as HubContextError).reason;
  }
  throw new Error('expected the context to be refused');
}

describe('hub context', () => {
  it('round-trips the claims for the named connector', async () => {
    const token = await signHubContext(claims, { key, audience: 'health', now: at });
    expect(token.split('.')).toHaveLength(3);
    const verified = await verifyHubContext(token, { key, audience: 'health', now: later(10) });
    expect(verified).toEqual({ ...claims, issuedAt: seconds(at), expiresAt: seconds(at) + 30 });
  });

  it('carries a null caller for the gateway’s own calls', async () => {
    const signer = createHubContextSigner({ secret, now: () => at });
    const verifier = createHubContextVerifier({ secret, now: () => at });
    const token = await signer.sign({ ...claims, caller: null }, 'education');
    expect((await verifier.verify(token, 'education')).caller).toBeNull();
  });

  it('refuses a missing or malformed token', async () => {
    expect(await refusal(verifyHubContext(undefined, { key, audience: 'health' }))).toBe('missing');
    expect(await refusal(verifyHubContext('', { key, audience: 'health' }))).toBe('missing');
    expect(await refusal(verifyHubContext('not.a.jws', { key, audience: 'health' }))).toBe('malformed');
  });

  it('refuses an expired token, and one issued too far ahead', async () => {
    const token = await signHubContext(claims, { key, audience: 'health', now: at, ttlSeconds: 30 });
    expect(await refusal(verifyHubContext(token, { key, audience: 'health', now: later(36) }))).toBe(
      'expired',
    );
    expect(await refusal(verifyHubContext(token, { key, audience: 'health', now: later(-60) }))).toBe(
      'expired',
    );
  });

  it('refuses a token for another connector', async () => {
    const token = await signHubContext(claims, { key, audience: 'education', now: at });
    expect(await refusal(verifyHubContext(token, { key, audience: 'health', now: at }))).toBe('audience');
  });

  it('refuses a tampered token', async () => {
    const token = await signHubContext(claims, { key, audience: 'health', now: at });
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const forged = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    forged.caller = { ...claims.caller, role: 'ADMIN' };
    const tampered = `${header}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`;
    expect(await refusal(verifyHubContext(tampered, { key, audience: 'health', now: at }))).toBe('signature');
  });

  it('refuses a token signed with another secret', async () => {
    const other = hubContextKey('another-secret-that-is-32-characters-long');
    const token = await signHubContext(claims, { key: other, audience: 'health', now: at });
    expect(await refusal(verifyHubContext(token, { key, audience: 'health', now: at }))).toBe('signature');
  });

  it('refuses a validly signed token that lives longer than 60 s, or lacks the claims', async () => {
    const sign = (payload: Record<string, unknown>, exp: number) =>
      new SignJWT(payload)
        .setProtectedHeader({ alg: 'HS256', typ: 'hub-context+jwt' })
        .setIssuer(hubContextIssuer)
        .setAudience('health')
        .setIssuedAt(seconds(at))
        .setExpirationTime(exp)
        .sign(key);
    const longLived = await sign({ ...claims }, seconds(at) + 3600);
    expect(await refusal(verifyHubContext(longLived, { key, audience: 'health', now: at }))).toBe('claims');
    const noTrace = await sign({ requestId: 'r', caller: null }, seconds(at) + 30);
    expect(await refusal(verifyHubContext(noTrace, { key, audience: 'health', now: at }))).toBe('claims');
  });

  it('refuses another issuer, another token type and an unsigned token', async () => {
    const base = () =>
      new SignJWT({ ...claims })
        .setAudience('health')
        .setIssuedAt(seconds(at))
        .setExpirationTime(seconds(at) + 30);
    const otherIssuer = await base()
      .setProtectedHeader({ alg: 'HS256', typ: 'hub-context+jwt' })
      .setIssuer('someone-else')
      .sign(key);
    expect(await refusal(verifyHubContext(otherIssuer, { key, audience: 'health', now: at }))).toBe('claims');
    const otherType = await base()
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(hubContextIssuer)
      .sign(key);
    expect(await refusal(verifyHubContext(otherType, { key, audience: 'health', now: at }))).toBe('claims');
    const [header, payload] = (
      await base()
        .setProtectedHeader({ alg: 'HS256', typ: 'hub-context+jwt' })
        .setIssuer(hubContextIssuer)
        .sign(key)
    ).split('.');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${payload}.`;
    expect(header).toBeDefined();
    expect(await refusal(verifyHubContext(none, { key, audience: 'health', now: at }))).toBe('malformed');
  });

  it('refuses short secrets and lifetimes over 60 s', async () => {
    expect(() => hubContextKey('short')).toThrow(/at least 32/);
    await expect(signHubContext(claims, { key, audience: 'health', ttlSeconds: 61 })).rejects.toThrow(/60/);
  });
});
