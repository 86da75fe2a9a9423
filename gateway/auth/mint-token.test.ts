import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrCreateLocalKey } from './local-keys.js';
import { loadDemoUsers, mintTokenFromArgs, UsageError } from './mint-token.js';
import { shippedPolicy, testAuthConfig } from './testing.js';
import { createTokenVerifier, type TokenVerifier } from './verify-token.js';
import { ROLES } from './vocabulary.js';

const run = promisify(execFile);
let keyDir: string;
let env: Record<string, string>;
let verifier: TokenVerifier;

beforeAll(async () => {
  keyDir = await mkdtemp(join(tmpdir(), 'hub-auth-mint-'));
  env = { AUTH_LOCAL_KEY_DIR: keyDir };
  const key = await loadOrCreateLocalKey(keyDir);
  verifier = createTokenVerifier(testAuthConfig({ localKeyDir: keyDir }), {
    policy: shippedPolicy(),
    jwks: key.jwks,
  });
});

afterAll(async () => {
  await rm(keyDir, { recursive: true, force: true });
});

describe('mintTokenFromArgs', () => {
  it('mints a short-lived token the verifier accepts', async () => {
    const token = await mintTokenFromArgs(
      [
        '--role',
        'SOCIAL_WORKER',
        '--email',
        'Jo.Bloggs@Council.example',
        '--org',
        '873',
        '--name',
        'Jo Bloggs',
        '--purpose',
        'DIRECT_CARE',
        '--ttl',
        '600',
      ],
      env,
    );
    const caller = await verifier.verify(`Bearer ${token}`);
    expect(caller).toMatchObject({
      userId: 'jo.bloggs@council.example',
      name: 'Jo Bloggs',
      email: 'jo.bloggs@council.example',
      organisation: '873',
      role: 'SOCIAL_WORKER',
      purpose: 'DIRECT_CARE',
    });
    const payload = decodeJwt(token);
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(600);
    expect(payload).toMatchObject({ iss: 'child-view-hub-local', aud: 'child-view-hub' });
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'EdDSA', typ: 'JWT' });
  });

  it("mints every role's demo user, and lets options override the demo user's fields", async () => {
    const users = await loadDemoUsers();
    expect([...users.keys()].sort()).toEqual([...ROLES].sort());
    for (const role of ROLES) {
      const caller = await verifier.verify(`Bearer ${await mintTokenFromArgs(['--demo', role], env)}`);
      expect(caller.role).toBe(role);
      expect(caller.email).toBe(users.get(role)?.email);
    }
    const token = await mintTokenFromArgs(
      [
        '--demo',
        'SOCIAL_WORKER',
        '--purpose',
        'SAFEGUARDING',
        '--activities',
        'VIEW_CHILD_RECORD,VIEW_EDUCATION',
      ],
      env,
    );
    const caller = await verifier.verify(`Bearer ${token}`);
    expect(caller).toMatchObject({ purpose: 'SAFEGUARDING', userId: 'demo-social-worker' });
    expect([...caller.categories].sort()).toEqual(['EDUCATION', 'IDENTITY']);
  });

  it('explains usage mistakes', async () => {
    const usage = (argv: string[], environment: Record<string, string> = env) =>
      mintTokenFromArgs(argv, environment).then(
        () => 'no error',
        (error: unknown) =>
          error instanceof UsageError ? error.message : `not a usage error: ${String(error)}`,
      );
    expect(
      await usage([
        '--role',
        'WIZARD',
        '--email',
        'a@b.example',
        '--org',
        '1',
        '--name',
        'A',
        '--purpose',
        'AUDIT',
      ]),
    ).toMatch(/--role is required, one of/);
    expect(await usage(['--role', 'GP'])).toMatch(
      /--name is required[\s\S]*--email[\s\S]*--org is required[\s\S]*--purpose/,
    );
    expect(await usage(['--demo', 'GP', '--ttl', '3600'])).toMatch(/from 1 to 900/);
    expect(await usage(['--demo', 'GP', '--purpose', 'PANEL'])).toMatch(/GP may not use the purpose PANEL/);
    expect(await usage(['--demo', 'GP', '--role', 'IRO'])).toMatch(/do not go together/);
    expect(await usage(['--demo', 'WIZARD'])).toMatch(/--demo must be one of/);
    expect(await usage(['--bogus'])).toMatch(/Unknown option '--bogus'/);
    expect(
      await usage(['--demo', 'GP'], {
        ...env,
        AUTH_MODE: 'jwks',
        AUTH_JWKS_URL: 'https://login.example/jwks',
      }),
    ).toMatch(/only in local mode/);
  });
});

describe('mint-token-cli.ts', () => {
  it('prints only the token, which the verifier accepts', async () => {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'gateway/auth/mint-token-cli.ts', '--demo', 'DESIGNATED_TEACHER', '--ttl', '120'],
      { env: { ...process.env, ...env, AUTH_MODE: 'local' } },
    );
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    await expect(verifier.verify(`Bearer ${stdout.trim()}`)).resolves.toMatchObject({
      role: 'DESIGNATED_TEACHER',
    });
  }, 20_000);

  it('exits 2 with the usage on stderr (and nothing on stdout) for a usage mistake', async () => {
    const error = await run(
      process.execPath,
      ['--import', 'tsx', 'gateway/auth/mint-token-cli.ts', '--role', 'GP'],
      {
        env: { ...process.env, ...env, AUTH_MODE: 'local' },
      },
    ).catch((thrown: unknown) => thrown as { code: number; stdout: string; stderr: string });
    expect(error).toMatchObject({ code: 2, stdout: '' });
    expect((error as { stderr: string }).stderr).toMatch(
      /--name is required[\s\S]*Mints a short-lived token/,
    );
  }, 20_000);
});
